using System;
using Gen.Inference;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Blocks
{
    /// <summary>
    /// CoAtNet's MBConv block (chinhsuanwu/coatnet-pytorch, cited by seed 004): pre-norm
    /// <c>BN(inp)</c>, 1x1 expansion to <c>inp * expansion</c> (stride 2 when downsampling) + BN + GELU,
    /// 3x3 depthwise + BN + GELU, squeeze-excitation (avg-pool, Linear <c>4inp -> inp/4</c>, GELU,
    /// Linear back, sigmoid; no biases), 1x1 projection to <c>oup</c> + BN. The residual is the
    /// identity, or a 3x3/2 max-pool followed by a 1x1 conv <c>proj</c> when downsampling.
    /// </summary>
    /// <remarks>
    /// State-dict keys: <c>proj</c> (downsampling only), <c>conv.norm</c>,
    /// <c>conv.fn.{0 conv, 1 BN, 3 depthwise conv, 4 BN, 6 fc.0 / fc.2 (SE), 7 conv, 8 BN}</c>
    /// (indices 2 and 5 are the GELUs).
    /// </remarks>
    public sealed class MBConv : Module<Tensor, Tensor>
    {
        private readonly MaxPool2d? pool;
        private readonly Conv2d? proj;
        private readonly PreNorm conv;

        /// <summary>Builds the block.</summary>
        /// <param name="inp">Input channels.</param>
        /// <param name="oup">Output channels (must equal <paramref name="inp"/> unless downsampling).</param>
        /// <param name="downsample">Halve the resolution (stride-2 expansion, pooled projection shortcut).</param>
        /// <param name="expansion">Hidden channels per input channel (4).</param>
        public MBConv(long inp, long oup, bool downsample = false, long expansion = StageAttribute.DefaultExpansion) : base(nameof(MBConv))
        {
            BlockParts.Positive(inp, nameof(inp));
            BlockParts.Positive(oup, nameof(oup));
            BlockParts.Positive(expansion, nameof(expansion));
            if (!downsample && inp != oup)
                throw new ArgumentException($"an MBConv without downsampling adds its input to its output: inp ({inp}) must equal oup ({oup}).", nameof(oup));
            long stride = downsample ? 2 : 1;
            long hidden = inp * expansion;
            if (downsample)
            {
                pool = MaxPool2d(3, 2, 1);
                proj = Conv2d(inp, oup, 1, bias: false);
            }
            var expand = Conv2d(inp, hidden, 1, stride: stride, bias: false);
            var depthwise = Conv2d(hidden, hidden, 3, padding: 1, groups: hidden, bias: false);
            var excite = new MBConvSqueezeExcite(inp, hidden);
            var project = Conv2d(hidden, oup, 1, bias: false);
            var body = Sequential(
                expand, new FoldableBatchNorm2d(expand), GELU(),
                depthwise, new FoldableBatchNorm2d(depthwise), GELU(),
                excite,
                project, new FoldableBatchNorm2d(project));
            conv = new PreNorm(BatchNorm2d(inp), body);
            RegisterComponents();
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            var shortcut = pool is not null && proj is not null ? proj.call(pool.call(x)) : x;
            return (shortcut + conv.call(x)).MoveToOuterDisposeScope();
        }
    }

    /// <summary>
    /// CoAtNet's relative-attention transformer block (coatnet-pytorch's <c>Transformer</c>):
    /// <c>x + Attn(LN(x))</c> then <c>x + FFN(LN(x))</c> over the flattened map; multi-head attention
    /// with a learned relative position bias (table <c>[(2h-1)(2w-1), heads]</c> indexed by the
    /// persistent Int64 buffer <c>relative_index</c>); FFN <c>oup -> 4*inp -> oup</c> with GELU. When
    /// downsampling, the residual is a 3x3/2 max-pool followed by a 1x1 conv <c>proj</c>, and the
    /// attention input is 3x3/2 max-pooled.
    /// </summary>
    /// <remarks>
    /// State-dict keys: <c>proj</c> (downsampling only), <c>attn.1.norm</c>,
    /// <c>attn.1.fn.relative_bias_table</c>, <c>attn.1.fn.relative_index</c>, <c>attn.1.fn.to_qkv</c>,
    /// <c>attn.1.fn.to_out.0</c> (absent when <c>heads == 1</c> and <c>headDim == inp</c>),
    /// <c>ff.1.norm</c>, <c>ff.1.fn.net.0</c>, <c>ff.1.fn.net.3</c>. <c>attn.0</c>/<c>attn.2</c> and
    /// <c>ff.0</c>/<c>ff.2</c> are the parameter-less map/token rearrangements.
    /// </remarks>
    public sealed class RelativeTransformer : Module<Tensor, Tensor>
    {
        private readonly MaxPool2d? pool1;
        private readonly MaxPool2d? pool2;
        private readonly Conv2d? proj;
        private readonly Sequential attn;
        private readonly Sequential ff;

        /// <summary>Builds the block.</summary>
        /// <param name="inp">Input channels.</param>
        /// <param name="oup">Output channels (must equal <paramref name="inp"/> unless downsampling).</param>
        /// <param name="height">Output feature height (after the block's downsampling).</param>
        /// <param name="width">Output feature width (after the block's downsampling).</param>
        /// <param name="downsample">Halve the resolution with 3x3/2 max-pools.</param>
        /// <param name="heads">Attention heads (8).</param>
        /// <param name="headDim">Channels per head (32).</param>
        /// <param name="dropout">Dropout after the attention's output projection and in the FFN.</param>
        public RelativeTransformer(long inp, long oup, long height, long width, bool downsample = false, long heads = StageAttribute.DefaultHeads, long headDim = StageAttribute.DefaultHeadDim, double dropout = 0.0)
            : base(nameof(RelativeTransformer))
        {
            BlockParts.Positive(inp, nameof(inp));
            BlockParts.Positive(oup, nameof(oup));
            BlockParts.Positive(height, nameof(height));
            BlockParts.Positive(width, nameof(width));
            BlockParts.Positive(heads, nameof(heads));
            BlockParts.Positive(headDim, nameof(headDim));
            if (double.IsNaN(dropout) || dropout < 0.0 || dropout > 1.0)
                throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "dropout must be in [0, 1].");
            if (!downsample && inp != oup)
                throw new ArgumentException($"a transformer block without downsampling adds its input to its output: inp ({inp}) must equal oup ({oup}).", nameof(oup));
            if (downsample)
            {
                pool1 = MaxPool2d(3, 2, 1);
                pool2 = MaxPool2d(3, 2, 1);
                proj = Conv2d(inp, oup, 1, bias: false);
            }
            var attention = new RelativeAttention(inp, oup, height, width, heads, headDim, dropout);
            var feedForward = new FeedForward(oup, inp * 4, dropout);
            attn = Sequential(new MapToTokens(), new PreNorm(LayerNorm(inp), attention), new TokensToMap(height, width));
            ff = Sequential(new MapToTokens(), new PreNorm(LayerNorm(oup), feedForward), new TokensToMap(height, width));
            RegisterComponents();
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            Tensor y;
            if (pool1 is not null && pool2 is not null && proj is not null)
                y = proj.call(pool1.call(x)) + attn.call(pool2.call(x));
            else
                y = x + attn.call(x);
            return (y + ff.call(y)).MoveToOuterDisposeScope();
        }
    }

    /// <summary>coatnet-pytorch's <c>PreNorm</c>: <c>fn(norm(x))</c>; keys <c>norm</c>, <c>fn</c>.</summary>
    internal sealed class PreNorm : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> norm;
        private readonly Module<Tensor, Tensor> fn;

        internal PreNorm(Module<Tensor, Tensor> norm, Module<Tensor, Tensor> fn) : base(nameof(PreNorm))
        {
            this.norm = norm;
            this.fn = fn;
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var normed = norm.call(x);
            return fn.call(normed);
        }
    }

    /// <summary>
    /// MBConv's squeeze-excitation (coatnet-pytorch's <c>SE(inp, oup)</c>): hidden = <c>inp / 4</c> of
    /// the BLOCK's input channels; <c>fc = Sequential(Linear(oup, hidden, no bias), GELU,
    /// Linear(hidden, oup, no bias), Sigmoid)</c>; output <c>x * gate</c>.
    /// </summary>
    internal sealed class MBConvSqueezeExcite : Module<Tensor, Tensor>
    {
        private readonly Sequential fc;

        internal MBConvSqueezeExcite(long inp, long oup) : base(nameof(MBConvSqueezeExcite))
        {
            long hidden = (long)(inp * 0.25);
            if (hidden < 1)
                throw new ArgumentOutOfRangeException(nameof(inp), inp, "MBConv's squeeze-excitation needs at least 4 input channels.");
            fc = Sequential(Linear(oup, hidden, hasBias: false), GELU(), Linear(hidden, oup, hasBias: false), Sigmoid());
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            long b = x.shape[0], c = x.shape[1];
            var gate = fc.call(functional.adaptive_avg_pool2d(x, 1).reshape(b, c)).reshape(b, c, 1, 1);
            return (x * gate).MoveToOuterDisposeScope();
        }
    }

    /// <summary>coatnet-pytorch's <c>FeedForward</c>: <c>net = Sequential(Linear, GELU, Dropout, Linear, Dropout)</c>.</summary>
    internal sealed class FeedForward : Module<Tensor, Tensor>
    {
        private readonly Sequential net;

        internal FeedForward(long dim, long hidden, double dropout) : base(nameof(FeedForward))
        {
            net = Sequential(Linear(dim, hidden), GELU(), Dropout(dropout), Linear(hidden, dim), Dropout(dropout));
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) => net.call(x);
    }

    /// <summary>
    /// coatnet-pytorch's <c>Attention</c> with relative position bias, over tokens <c>[b, n, inp]</c>.
    /// Keys: <c>relative_bias_table</c> (parameter), <c>relative_index</c> (persistent Int64 buffer
    /// <c>[n*n, 1]</c>), <c>to_qkv</c>, <c>to_out.0</c>.
    /// </summary>
    internal sealed class RelativeAttention : Module<Tensor, Tensor>
    {
        private readonly Parameter relative_bias_table;
        private readonly Tensor relative_index;
        private readonly Linear to_qkv;
        private readonly Module<Tensor, Tensor> to_out;
        private readonly long heads;
        private readonly long tokens;

        internal RelativeAttention(long inp, long oup, long height, long width, long heads, long headDim, double dropout)
            : base(nameof(RelativeAttention))
        {
            long inner = heads * headDim;
            bool projectOut = !(heads == 1 && headDim == inp);
            this.heads = heads;
            tokens = height * width;

            var table = zeros((2 * height - 1) * (2 * width - 1), heads);
            table.DetachFromDisposeScope();
            relative_bias_table = new Parameter(table);

            // relative_index[i * n + j] = (dy + h - 1) * (2w - 1) + (dx + w - 1), (dy, dx) = pos(i) - pos(j)
            var index = new long[tokens * tokens];
            for (long i = 0; i < tokens; i++)
            {
                long yi = i / width, xi = i % width;
                for (long j = 0; j < tokens; j++)
                {
                    long yj = j / width, xj = j % width;
                    index[i * tokens + j] = (yi - yj + height - 1) * (2 * width - 1) + (xi - xj + width - 1);
                }
            }
            relative_index = tensor(index, new long[] { tokens * tokens, 1 });
            relative_index.DetachFromDisposeScope();
            register_buffer("relative_index", relative_index);

            to_qkv = Linear(inp, inner * 3, hasBias: false);
            to_out = projectOut ? Sequential(Linear(inner, oup), Dropout(dropout)) : Identity();
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            long b = x.shape[0], n = x.shape[1];
            if (n != tokens)
                throw new ArgumentException($"relative attention was built for {tokens} tokens but got {n}.", nameof(x));
            var qkv = to_qkv.call(x).reshape(b, n, 3, heads, -1).permute(2, 0, 3, 1, 4);   // 3, b, heads, n, d
            var q = qkv[0];
            var k = qkv[1];
            var v = qkv[2];
            var bias = relative_bias_table[relative_index.reshape(-1)]                         // n*n, heads
                .reshape(n, n, heads).permute(2, 0, 1).unsqueeze(0);                           // 1, heads, n, n
            // softmax(q k^T / sqrt(headDim) + bias) v, the seed's formulation, computed by libtorch's fused
            // attention kernel with the relative bias as its additive mask (its default scale is
            // the seed's): one pass instead of a materialized dots tensor.
            var output = functional.scaled_dot_product_attention(q, k, v, bias)
                .transpose(1, 2).reshape(b, n, -1);
            return to_out.call(output).MoveToOuterDisposeScope();
        }
    }

    /// <summary><c>b c h w -> b (h w) c</c> (einops' Rearrange in coatnet-pytorch); no state.</summary>
    internal sealed class MapToTokens : Module<Tensor, Tensor>
    {
        internal MapToTokens() : base(nameof(MapToTokens)) => RegisterComponents();

        public override Tensor forward(Tensor x)
        {
            using var flat = x.flatten(2);
            return flat.transpose(1, 2);
        }
    }

    /// <summary><c>b (h w) c -> b c h w</c> (einops' Rearrange in coatnet-pytorch); no state.</summary>
    internal sealed class TokensToMap : Module<Tensor, Tensor>
    {
        private readonly long height;
        private readonly long width;

        internal TokensToMap(long height, long width) : base(nameof(TokensToMap))
        {
            this.height = height;
            this.width = width;
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var t = x.transpose(1, 2);
            return t.reshape(x.shape[0], x.shape[2], height, width);
        }
    }
}
