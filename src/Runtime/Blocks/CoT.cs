using Gen.Inference;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Blocks
{
    /// <summary>
    /// Contextual Transformer layer (seed 000's <c>CoTNetLayer</c>; seed 001's variant has grouped
    /// key convolutions). Static context <c>k1 = ReLU(BN(conv_kxk(x)))</c>, values
    /// <c>v = BN(conv_1x1(x))</c>, attention maps from <c>concat(k1, x)</c> through two 1x1 convs
    /// to <c>k*k*C</c> channels averaged over the <c>k*k</c> axis, softmax over space, times
    /// <c>v</c>; the output is <c>k1 + that</c>. Shape-preserving. The last convolution and the
    /// average run as one convolution with averaged weights (<see cref="MeanPointwiseConv"/>).
    /// </summary>
    /// <remarks>
    /// State-dict keys: <c>key_embed.{0 conv kxk groups=keyGroups, 1 BN}</c>,
    /// <c>value_embed.{0 conv 1x1, 1 BN}</c>,
    /// <c>attention_embed.{0 conv 2C -> 2C/4, 1 BN, 3 conv 2C/4 -> k*k*C with bias}</c>.
    /// </remarks>
    public sealed class CoTLayer : Module<Tensor, Tensor>
    {
        private readonly Sequential key_embed;
        private readonly Sequential value_embed;
        private readonly Sequential attention_embed;

        /// <summary>Builds the layer.</summary>
        /// <param name="dim">Channels in and out.</param>
        /// <param name="kernelSize">Kernel of the key convolution (odd; padded to keep the size).</param>
        /// <param name="keyGroups">Groups of the key convolution (1 in seed 000, 4 in seed 001).</param>
        public CoTLayer(long dim, long kernelSize = StageAttribute.DefaultKernelSize, long keyGroups = StageAttribute.DefaultKeyGroups) : base(nameof(CoTLayer))
        {
            BlockParts.Positive(dim, nameof(dim));
            BlockParts.Positive(kernelSize, nameof(kernelSize));
            BlockParts.Positive(keyGroups, nameof(keyGroups));
            const long factor = 4;
            key_embed = ConvBatchNorm.Sequential(
                Conv2d(dim, dim, kernelSize, padding: kernelSize / 2, groups: keyGroups, bias: false),
                ReLU());
            value_embed = ConvBatchNorm.Sequential(
                Conv2d(dim, dim, 1, bias: false));
            attention_embed = ConvBatchNorm.Sequential(
                Conv2d(2 * dim, 2 * dim / factor, 1, bias: false),
                ReLU(),
                new MeanPointwiseConv(2 * dim / factor, dim, kernelSize * kernelSize));
            RegisterComponents();
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            long bs = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
            var k1 = key_embed.call(x);
            var v = value_embed.call(x);
            var att = attention_embed.call(cat(new[] { k1, x }, 1));                // key first, then x
            Tensor k2;                                                              // softmax over space, times v
            if (MemoryLayout.IsChannelsLast(att) && MemoryLayout.IsChannelsLast(v))
            {
                // Channels-last: each image is an (h*w) x c matrix in memory; the softmax runs along
                // its outer axis and the result keeps the layout, with no strided pass over space.
                var a = att.flatten(2).transpose(1, 2);                             // bs, h*w, c
                k2 = (a.softmax(1) * v.flatten(2).transpose(1, 2)).transpose(1, 2).reshape(bs, c, h, w);
            }
            else
            {
                k2 = (att.flatten(2).softmax(-1) * v.flatten(2)).reshape(bs, c, h, w); // bs, c, h*w
            }

            // In place: k2 is a fresh product, which the product's backward does not read.
            return k2.add_(k1).MoveToOuterDisposeScope();
        }
    }

    /// <summary>
    /// CoTNet's bottleneck (seed 000): a ResNet bottleneck whose 3x3 convolution is a
    /// <see cref="CoTLayer"/>; when the block strides, a 3x3 average pool (padding 1, stride = the
    /// block's stride, padded cells not counted as in Paddle's default) precedes the CoT layer.
    /// </summary>
    /// <remarks>
    /// State-dict keys, in order: <c>conv1</c>, <c>bn1</c>, <c>cot_layer.*</c>, <c>bn2</c>,
    /// <c>conv3</c>, <c>bn3</c>, <c>downsample.{0,1}</c>, then the add-on.
    /// </remarks>
    public sealed class CoTBottleneck : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1;
        private readonly FoldableBatchNorm2d bn1;
        private readonly AvgPool2d? avd;
        private readonly CoTLayer cot_layer;
        private readonly BatchNorm2d bn2;
        private readonly Conv2d conv3;
        private readonly FoldableBatchNorm2d bn3;
        private readonly Sequential? downsample;
        private readonly NamAttention? nam;
        private readonly SqueezeExcite? se;
        private readonly DropPath? drop_path;

        /// <summary>Builds the block.</summary>
        /// <param name="inplanes">Input channels.</param>
        /// <param name="planes">Bottleneck width (the CoT layer's channels); output <c>planes * expansion</c>.</param>
        /// <param name="stride">Stride of the block (average pool before the CoT layer, and projection).</param>
        /// <param name="expansion">Output channels per bottleneck channel (4).</param>
        /// <param name="kernelSize">Kernel of the CoT layer's key convolution.</param>
        /// <param name="keyGroups">Groups of the key convolution (1 in seed 000, 4 in seed 001).</param>
        /// <param name="attention">Attention add-on applied to the branch after <c>bn3</c>.</param>
        /// <param name="dropPath">Stochastic-depth rate of the branch in training mode (0 = off).</param>
        public CoTBottleneck(long inplanes, long planes, long stride = 1, long expansion = StageAttribute.DefaultExpansion, long kernelSize = StageAttribute.DefaultKernelSize, long keyGroups = StageAttribute.DefaultKeyGroups,
                             AttentionKind attention = AttentionKind.None, double dropPath = 0.0)
            : base(nameof(CoTBottleneck))
        {
            BlockParts.Positive(inplanes, nameof(inplanes));
            BlockParts.Positive(planes, nameof(planes));
            BlockParts.Positive(stride, nameof(stride));
            BlockParts.Positive(expansion, nameof(expansion));
            BlockParts.CheckAttention(attention);
            long outplanes = planes * expansion;
            conv1 = Conv2d(inplanes, planes, 1, bias: false);
            bn1 = new FoldableBatchNorm2d(conv1);
            avd = stride > 1 ? AvgPool2d(3, stride, 1, count_include_pad: false) : null;
            cot_layer = new CoTLayer(planes, kernelSize, keyGroups);
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
            if (avd is not null) branch = avd.call(branch);
            branch = bn2.call(cot_layer.call(branch)).relu_();
            branch = bn3.call(conv3.call(branch));
            var identity = downsample is null ? x : downsample.call(x);
            return BlockParts.Finish(branch, identity, nam, se, drop_path).MoveToOuterDisposeScope();
        }
    }
}
