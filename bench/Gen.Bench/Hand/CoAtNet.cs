using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Bench.Hand
{
    /// <summary>
    /// CoAtNet written by hand in TorchSharp (chinhsuanwu/coatnet-pytorch, cited by seed 004;
    /// reference_models.py's <c>CoAtNet</c>): conv stem <c>s0</c>, MBConv stages <c>s1</c>, <c>s2</c>,
    /// relative-attention transformer stages <c>s3</c>, <c>s4</c>, average pool, linear head without bias.
    /// </summary>
    internal sealed class CoAtNet : Module<Tensor, Tensor>
    {
        private readonly Sequential s0;
        private readonly Sequential s1;
        private readonly Sequential s2;
        private readonly Sequential s3;
        private readonly Sequential s4;
        private readonly AvgPool2d pool;
        private readonly Linear fc;

        public CoAtNet(long imageSize, long inChannels, long[] numBlocks, long[] channels, long numClasses = 1000, string blockTypes = "CCTT", long heads = 8, long dimHead = 32)
            : base(nameof(CoAtNet))
        {
            var stem = new List<Module<Tensor, Tensor>>();
            for (long i = 0; i < numBlocks[0]; i++)
            {
                stem.Add(Conv3x3BN(i == 0 ? inChannels : channels[0], channels[0], downsample: i == 0));
            }

            s0 = Sequential(stem);
            var stages = new Sequential[4];
            for (int s = 1; s < 5; s++)
            {
                long size = imageSize >> (s + 1);
                long inp = channels[s - 1], oup = channels[s];
                var blocks = new List<Module<Tensor, Tensor>>();
                for (long i = 0; i < numBlocks[s]; i++)
                {
                    long cin = i == 0 ? inp : oup;
                    blocks.Add(blockTypes[s - 1] == 'C'
                        ? new MBConv(cin, oup, downsample: i == 0)
                        : new TransformerBlock(cin, oup, size, heads, dimHead, downsample: i == 0));
                }

                stages[s - 1] = Sequential(blocks);
            }

            (s1, s2, s3, s4) = (stages[0], stages[1], stages[2], stages[3]);
            // coatnet-pytorch: AvgPool2d(ih // 32, 1), the global average of the s4 map
            pool = AvgPool2d(imageSize / 32, 1);
            fc = Linear(channels[4], numClasses, hasBias: false);
            RegisterComponents();
        }

        /// <summary>coatnet-pytorch's <c>coatnet_0</c> at 224x224.</summary>
        public static CoAtNet coatnet0(long numClasses = 1000) =>
            new(224, 3, new long[] { 2, 2, 3, 5, 2 }, new long[] { 64, 96, 192, 384, 768 }, numClasses);

        private static Sequential Conv3x3BN(long inp, long oup, bool downsample) => Sequential(
            Conv2d(inp, oup, 3, stride: downsample ? 2 : 1, padding: 1, bias: false),
            BatchNorm2d(oup),
            GELU());

        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            var x = s0.call(input);
            x = s1.call(x);
            x = s2.call(x);
            x = s3.call(x);
            x = s4.call(x);
            x = pool.call(x).reshape(-1, x.shape[1]);
            return fc.call(x).MoveToOuterDisposeScope();
        }
    }

    /// <summary>coatnet-pytorch's <c>PreNorm</c>: <c>fn(norm(x))</c>.</summary>
    internal sealed class PreNorm : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> norm;
        private readonly Module<Tensor, Tensor> fn;

        public PreNorm(Module<Tensor, Tensor> norm, Module<Tensor, Tensor> fn) : base(nameof(PreNorm))
        {
            this.norm = norm;
            this.fn = fn;
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            return fn.call(norm.call(x)).MoveToOuterDisposeScope();
        }
    }

    /// <summary>MBConv's squeeze-excitation: hidden = inp / 4 of the block's input, Linear without bias, GELU, Linear, sigmoid.</summary>
    internal sealed class SE : Module<Tensor, Tensor>
    {
        private readonly AdaptiveAvgPool2d avg_pool;
        private readonly Sequential fc;

        public SE(long inp, long oup, double expansion = 0.25) : base(nameof(SE))
        {
            avg_pool = AdaptiveAvgPool2d(1);
            fc = Sequential(
                Linear(oup, (long)(inp * expansion), hasBias: false),
                GELU(),
                Linear((long)(inp * expansion), oup, hasBias: false),
                Sigmoid());
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            long b = x.shape[0], c = x.shape[1];
            var y = avg_pool.call(x).reshape(b, c);
            y = fc.call(y).reshape(b, c, 1, 1);
            return (x * y).MoveToOuterDisposeScope();
        }
    }

    /// <summary>coatnet-pytorch's <c>FeedForward</c>: Linear, GELU, Dropout, Linear, Dropout.</summary>
    internal sealed class FeedForward : Module<Tensor, Tensor>
    {
        private readonly Sequential net;

        public FeedForward(long dim, long hiddenDim, double dropout = 0.0) : base(nameof(FeedForward))
        {
            net = Sequential(Linear(dim, hiddenDim), GELU(), Dropout(dropout), Linear(hiddenDim, dim), Dropout(dropout));
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) => net.call(x);
    }

    /// <summary>
    /// coatnet-pytorch's <c>MBConv</c>: pre-norm BN, 1x1 expand x4 (strided when downsampling), BN, GELU,
    /// 3x3 depthwise, BN, GELU, SE, 1x1 project, BN; shortcut = identity or 3x3/2 max-pool + 1x1 conv.
    /// </summary>
    internal sealed class MBConv : Module<Tensor, Tensor>
    {
        private readonly bool downsample;
        private readonly MaxPool2d? pool;
        private readonly Conv2d? proj;
        private readonly PreNorm conv;

        public MBConv(long inp, long oup, bool downsample = false, long expansion = 4) : base(nameof(MBConv))
        {
            this.downsample = downsample;
            long stride = downsample ? 2 : 1;
            long hidden = inp * expansion;
            if (downsample)
            {
                pool = MaxPool2d(3, 2, 1);
                proj = Conv2d(inp, oup, 1, stride: 1, bias: false);
            }

            var body = Sequential(
                Conv2d(inp, hidden, 1, stride: stride, bias: false),
                BatchNorm2d(hidden),
                GELU(),
                Conv2d(hidden, hidden, 3, stride: 1, padding: 1, groups: hidden, bias: false),
                BatchNorm2d(hidden),
                GELU(),
                new SE(inp, hidden),
                Conv2d(hidden, oup, 1, stride: 1, bias: false),
                BatchNorm2d(oup));
            conv = new PreNorm(BatchNorm2d(inp), body);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            var output = downsample ? proj!.call(pool!.call(x)) + conv.call(x) : x + conv.call(x);
            return output.MoveToOuterDisposeScope();
        }
    }

    /// <summary>
    /// coatnet-pytorch's <c>Attention</c> with a learned relative position bias over <c>[b, n, c]</c>
    /// tokens: q k^T * scale + bias gathered from <c>relative_bias_table</c> by <c>relative_index</c>,
    /// softmax, times v, output linear + dropout.
    /// </summary>
    internal sealed class RelativeAttention : Module<Tensor, Tensor>
    {
        private readonly Parameter relative_bias_table;
        private readonly Tensor relative_index;
        private readonly Softmax attend;
        private readonly Linear to_qkv;
        private readonly Module<Tensor, Tensor> to_out;
        private readonly long heads;
        private readonly double scale;

        public RelativeAttention(long inp, long oup, long imageSize, long heads = 8, long dimHead = 32, double dropout = 0.0) : base(nameof(RelativeAttention))
        {
            long inner = dimHead * heads;
            bool projectOut = !(heads == 1 && dimHead == inp);
            long ih = imageSize, iw = imageSize;
            this.heads = heads;
            scale = Math.Pow(dimHead, -0.5);
            relative_bias_table = Parameter(zeros((2 * ih - 1) * (2 * iw - 1), heads));
            using (var _ = NewDisposeScope())
            {
                var grid = meshgrid(new[] { arange(ih), arange(iw) }, indexing: "ij");
                var coords = stack(new[] { grid[0].flatten(), grid[1].flatten() });   // 2, n
                var rel = coords.unsqueeze(2) - coords.unsqueeze(1);                  // 2, n, n
                rel[0].add_(ih - 1);
                rel[1].add_(iw - 1);
                rel[0].mul_(2 * iw - 1);
                relative_index = (rel[0] + rel[1]).flatten().unsqueeze(1).MoveToOuterDisposeScope();   // n*n, 1 (int64)
            }

            register_buffer("relative_index", relative_index);
            attend = Softmax(dim: -1);
            to_qkv = Linear(inp, inner * 3, hasBias: false);
            to_out = projectOut ? Sequential(Linear(inner, oup), Dropout(dropout)) : Identity();
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            long b = x.shape[0], n = x.shape[1];
            var qkv = to_qkv.call(x).chunk(3, dim: -1);
            var q = qkv[0].reshape(b, n, heads, -1).transpose(1, 2);
            var k = qkv[1].reshape(b, n, heads, -1).transpose(1, 2);
            var v = qkv[2].reshape(b, n, heads, -1).transpose(1, 2);
            var dots = matmul(q, k.transpose(-1, -2)) * scale;                            // b, h, n, n
            var bias = relative_bias_table.gather(0, relative_index.repeat(1, heads));
            bias = bias.reshape(n, n, heads).permute(2, 0, 1).unsqueeze(0);              // 1, h, n, n
            var attn = attend.call(dots + bias);
            var output = matmul(attn, v).transpose(1, 2).reshape(b, n, -1);
            return to_out.call(output).MoveToOuterDisposeScope();
        }
    }

    /// <summary><c>b c h w -> b (h w) c</c>.</summary>
    internal sealed class ToTokens : Module<Tensor, Tensor>
    {
        public ToTokens() : base(nameof(ToTokens)) => RegisterComponents();

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            return x.flatten(2).transpose(1, 2).MoveToOuterDisposeScope();
        }
    }

    /// <summary><c>b (h w) c -> b c h w</c>.</summary>
    internal sealed class ToMap : Module<Tensor, Tensor>
    {
        private readonly long h;
        private readonly long w;

        public ToMap(long h, long w) : base(nameof(ToMap))
        {
            this.h = h;
            this.w = w;
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            return x.transpose(1, 2).reshape(x.shape[0], x.shape[2], h, w).MoveToOuterDisposeScope();
        }
    }

    /// <summary>
    /// coatnet-pytorch's <c>Transformer</c>: x + attn(x) then x + ff(x) over the flattened map; when
    /// downsampling, proj(pool1(x)) + attn(pool2(x)).
    /// </summary>
    internal sealed class TransformerBlock : Module<Tensor, Tensor>
    {
        private readonly bool downsample;
        private readonly MaxPool2d? pool1;
        private readonly MaxPool2d? pool2;
        private readonly Conv2d? proj;
        private readonly Sequential attn;
        private readonly Sequential ff;

        public TransformerBlock(long inp, long oup, long imageSize, long heads = 8, long dimHead = 32, bool downsample = false, double dropout = 0.0) : base(nameof(TransformerBlock))
        {
            long hidden = inp * 4;
            this.downsample = downsample;
            if (downsample)
            {
                pool1 = MaxPool2d(3, 2, 1);
                pool2 = MaxPool2d(3, 2, 1);
                proj = Conv2d(inp, oup, 1, stride: 1, bias: false);
            }

            var attention = new RelativeAttention(inp, oup, imageSize, heads, dimHead, dropout);
            var feedForward = new FeedForward(oup, hidden, dropout);
            attn = Sequential(new ToTokens(), new PreNorm(LayerNorm(inp), attention), new ToMap(imageSize, imageSize));
            ff = Sequential(new ToTokens(), new PreNorm(LayerNorm(oup), feedForward), new ToMap(imageSize, imageSize));
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            x = downsample ? proj!.call(pool1!.call(x)) + attn.call(pool2!.call(x)) : x + attn.call(x);
            return (x + ff.call(x)).MoveToOuterDisposeScope();
        }
    }
}
