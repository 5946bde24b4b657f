using System;
using Gen.Inference;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Blocks
{
    /// <summary>
    /// Pyramid split attention (seed 003's <c>PSAModule</c>): four branch convolutions
    /// (<c>planes/4</c> wide each, kernels <c>kernels[i]</c>, padding <c>k/2</c>, groups
    /// <c>groups[i]</c>, the block's stride), ONE <see cref="SEWeight"/> module applied to each branch,
    /// softmax of the four gates across the branches, and the gated branches concatenated in
    /// REVERSE branch order (4, 3, 2, 1) as the post does.
    /// </summary>
    /// <remarks>
    /// State-dict keys: <c>conv_1</c> .. <c>conv_4</c>, <c>se.fc1</c>, <c>se.fc2</c>
    /// (<c>planes/4 -> planes/4/16 -> planes/4</c>, with bias).
    /// </remarks>
    public sealed class PSAModule : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv_1;
        private readonly Conv2d conv_2;
        private readonly Conv2d conv_3;
        private readonly Conv2d conv_4;
        private readonly SEWeight se;
        private readonly long split;

        /// <summary>Builds the module.</summary>
        /// <param name="inplanes">Input channels.</param>
        /// <param name="planes">Output channels (a multiple of 4; each branch has <c>planes/4</c>).</param>
        /// <param name="stride">Stride of the four branch convolutions.</param>
        /// <param name="kernels">The four branch kernels (seed: 3, 5, 7, 9).</param>
        /// <param name="groups">The four branch groups (seed: 1, 4, 8, 16).</param>
        public PSAModule(long inplanes, long planes, long stride, long[] kernels, long[] groups) : base(nameof(PSAModule))
        {
            if (kernels is null) throw new ArgumentNullException(nameof(kernels));
            if (groups is null) throw new ArgumentNullException(nameof(groups));
            if (kernels.Length != 4) throw new ArgumentException($"PSA needs 4 branch kernels, not {kernels.Length}.", nameof(kernels));
            if (groups.Length != 4) throw new ArgumentException($"PSA needs 4 branch groups, not {groups.Length}.", nameof(groups));
            BlockParts.Positive(inplanes, nameof(inplanes));
            BlockParts.Positive(planes, nameof(planes));
            BlockParts.Positive(stride, nameof(stride));
            if (planes % 4 != 0) throw new ArgumentException($"PSA's planes ({planes}) must be a multiple of 4.", nameof(planes));
            split = planes / 4;
            conv_1 = Branch(inplanes, split, kernels[0], stride, groups[0]);
            conv_2 = Branch(inplanes, split, kernels[1], stride, groups[1]);
            conv_3 = Branch(inplanes, split, kernels[2], stride, groups[2]);
            conv_4 = Branch(inplanes, split, kernels[3], stride, groups[3]);
            se = new SEWeight(split);
            RegisterComponents();
        }

        private static Conv2d Branch(long inplanes, long outplanes, long kernel, long stride, long groups)
        {
            BlockParts.Positive(kernel, nameof(kernel));
            BlockParts.Positive(groups, nameof(groups));
            return Conv2d(inplanes, outplanes, kernel, stride: stride, padding: kernel / 2, groups: groups, bias: false);
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            long b = x.shape[0];
            var x1 = conv_1.call(x);
            var x2 = conv_2.call(x);
            var x3 = conv_3.call(x);
            var x4 = conv_4.call(x);
            long h = x1.shape[2], w = x1.shape[3];
            var feats = cat(new[] { x1, x2, x3, x4 }, 1).reshape(b, 4, split, h, w);
            var gates = cat(new[] { se.call(x1), se.call(x2), se.call(x3), se.call(x4) }, 1);
            var attention = gates.reshape(b, 4, split, 1, 1).softmax(1);          // across the branches
            var weighted = feats * attention;
            var output = cat(new[] { weighted[.., 3], weighted[.., 2], weighted[.., 1], weighted[.., 0] }, 1);
            return output.MoveToOuterDisposeScope();
        }
    }

    /// <summary>
    /// EPSANet's bottleneck (seed 003's <c>EPSABlock</c>): a ResNet bottleneck whose 3x3 convolution
    /// is a <see cref="PSAModule"/> (carrying the block's stride).
    /// </summary>
    /// <remarks>
    /// State-dict keys, in order: <c>conv1</c>, <c>bn1</c>, <c>conv2.*</c> (the PSA module),
    /// <c>bn2</c>, <c>conv3</c>, <c>bn3</c>, <c>downsample.{0,1}</c>, then the add-on.
    /// </remarks>
    public sealed class EPSABottleneck : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1;
        private readonly FoldableBatchNorm2d bn1;
        private readonly PSAModule conv2;
        private readonly BatchNorm2d bn2;
        private readonly Conv2d conv3;
        private readonly FoldableBatchNorm2d bn3;
        private readonly Sequential? downsample;
        private readonly NamAttention? nam;
        private readonly SqueezeExcite? se;
        private readonly DropPath? drop_path;

        /// <summary>Builds the block.</summary>
        /// <param name="inplanes">Input channels.</param>
        /// <param name="planes">Bottleneck width (the PSA module's channels); output <c>planes * expansion</c>.</param>
        /// <param name="stride">Stride of the PSA module and of the projection.</param>
        /// <param name="expansion">Output channels per bottleneck channel (4).</param>
        /// <param name="kernels">The PSA branch kernels; <see langword="null"/> = {3, 5, 7, 9}.</param>
        /// <param name="groups">The PSA branch groups; <see langword="null"/> = {1, 4, 8, 16}.</param>
        /// <param name="attention">Attention add-on applied to the branch after <c>bn3</c>.</param>
        /// <param name="dropPath">Stochastic-depth rate of the branch in training mode (0 = off).</param>
        public EPSABottleneck(long inplanes, long planes, long stride = 1, long expansion = StageAttribute.DefaultExpansion, long[]? kernels = null, long[]? groups = null,
                              AttentionKind attention = AttentionKind.None, double dropPath = 0.0)
            : base(nameof(EPSABottleneck))
        {
            BlockParts.Positive(inplanes, nameof(inplanes));
            BlockParts.Positive(planes, nameof(planes));
            BlockParts.Positive(stride, nameof(stride));
            BlockParts.Positive(expansion, nameof(expansion));
            BlockParts.CheckAttention(attention);
            long outplanes = planes * expansion;
            conv1 = Conv2d(inplanes, planes, 1, bias: false);
            bn1 = new FoldableBatchNorm2d(conv1);
            conv2 = new PSAModule(planes, planes, stride, kernels ?? Longs(StageAttribute.DefaultKernels), groups ?? Longs(StageAttribute.DefaultGroups));
            bn2 = BatchNorm2d(planes);
            conv3 = Conv2d(planes, outplanes, 1, bias: false);
            bn3 = new FoldableBatchNorm2d(conv3);
            downsample = BlockParts.Downsample(inplanes, outplanes, stride);
            nam = BlockParts.Nam(attention, outplanes);
            se = BlockParts.SE(attention, outplanes);
            drop_path = BlockParts.DropPath(dropPath);
            RegisterComponents();
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            var branch = bn1.call(conv1.call(x)).relu_();
            branch = bn2.call(conv2.call(branch)).relu_();
            branch = bn3.call(conv3.call(branch));
            var identity = downsample is null ? x : downsample.call(x);
            return BlockParts.Finish(branch, identity, nam, se, drop_path).MoveToOuterDisposeScope();
        }

        private static long[] Longs(System.Collections.Generic.IReadOnlyList<int> values)
        {
            var longs = new long[values.Count];
            for (var i = 0; i < longs.Length; i++)
            {
                longs[i] = values[i];
            }

            return longs;
        }
    }
}
