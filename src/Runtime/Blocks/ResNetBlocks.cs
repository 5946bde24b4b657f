using Gen.Inference;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Blocks
{
    /// <summary>
    /// torchvision's basic block: 3x3 conv (stride) - BN - ReLU - 3x3 conv - BN, an optional
    /// attention add-on on the branch, plus the identity or a 1x1 conv + BN projection, then ReLU.
    /// </summary>
    /// <remarks>
    /// State-dict keys, in order: <c>conv1</c>, <c>bn1</c>, <c>conv2</c>, <c>bn2</c>,
    /// <c>downsample.{0,1}</c> (when <c>stride != 1</c> or <c>inplanes != planes</c>), then the
    /// add-on (<c>nam.Channel_Att.bn2</c> or <c>se.fc1</c>/<c>se.fc2</c>).
    /// </remarks>
    public sealed class BasicBlock : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1;
        private readonly FoldableBatchNorm2d bn1;
        private readonly Conv2d conv2;
        private readonly FoldableBatchNorm2d bn2;
        private readonly Sequential? downsample;
        private readonly NamAttention? nam;
        private readonly SqueezeExcite? se;
        private readonly DropPath? drop_path;

        /// <summary>Builds the block.</summary>
        /// <param name="inplanes">Input channels.</param>
        /// <param name="planes">Output channels.</param>
        /// <param name="stride">Stride of the first 3x3 convolution and of the projection.</param>
        /// <param name="attention">Attention add-on applied to the branch after <c>bn2</c>.</param>
        /// <param name="dropPath">Stochastic-depth rate of the branch in training mode (0 = off).</param>
        public BasicBlock(long inplanes, long planes, long stride = 1, AttentionKind attention = AttentionKind.None, double dropPath = 0.0)
            : base(nameof(BasicBlock))
        {
            BlockParts.Positive(inplanes, nameof(inplanes));
            BlockParts.Positive(planes, nameof(planes));
            BlockParts.Positive(stride, nameof(stride));
            BlockParts.CheckAttention(attention);
            conv1 = Conv2d(inplanes, planes, 3, stride: stride, padding: 1, bias: false);
            bn1 = new FoldableBatchNorm2d(conv1);
            conv2 = Conv2d(planes, planes, 3, padding: 1, bias: false);
            bn2 = new FoldableBatchNorm2d(conv2);
            downsample = BlockParts.Downsample(inplanes, planes, stride);
            nam = BlockParts.Nam(attention, planes);
            se = BlockParts.SE(attention, planes);
            drop_path = BlockParts.DropPath(dropPath);
            RegisterComponents();
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            var branch = bn1.call(conv1.call(x)).relu_();
            branch = bn2.call(conv2.call(branch));
            var identity = downsample is null ? x : downsample.call(x);
            return BlockParts.Finish(branch, identity, nam, se, drop_path).MoveToOuterDisposeScope();
        }
    }

    /// <summary>
    /// torchvision's bottleneck (v1.5: the stride is on the 3x3 conv): 1x1 - BN - ReLU - 3x3 (stride)
    /// - BN - ReLU - 1x1 to <c>planes * expansion</c> - BN, an optional add-on, the shortcut, ReLU.
    /// </summary>
    /// <remarks>
    /// State-dict keys, in order: <c>conv1</c>, <c>bn1</c>, <c>conv2</c>, <c>bn2</c>, <c>conv3</c>,
    /// <c>bn3</c>, <c>downsample.{0,1}</c> (when <c>stride != 1</c> or
    /// <c>inplanes != planes * expansion</c>), then the add-on.
    /// </remarks>
    public sealed class Bottleneck : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1;
        private readonly FoldableBatchNorm2d bn1;
        private readonly Conv2d conv2;
        private readonly FoldableBatchNorm2d bn2;
        private readonly Conv2d conv3;
        private readonly FoldableBatchNorm2d bn3;
        private readonly Sequential? downsample;
        private readonly NamAttention? nam;
        private readonly SqueezeExcite? se;
        private readonly DropPath? drop_path;

        /// <summary>Builds the block.</summary>
        /// <param name="inplanes">Input channels.</param>
        /// <param name="planes">Bottleneck width; the block outputs <c>planes * expansion</c> channels.</param>
        /// <param name="stride">Stride of the 3x3 convolution and of the projection.</param>
        /// <param name="expansion">Output channels per bottleneck channel (4 in torchvision).</param>
        /// <param name="attention">Attention add-on applied to the branch after <c>bn3</c>.</param>
        /// <param name="dropPath">Stochastic-depth rate of the branch in training mode (0 = off).</param>
        public Bottleneck(long inplanes, long planes, long stride = 1, long expansion = StageAttribute.DefaultExpansion, AttentionKind attention = AttentionKind.None, double dropPath = 0.0)
            : base(nameof(Bottleneck))
        {
            BlockParts.Positive(inplanes, nameof(inplanes));
            BlockParts.Positive(planes, nameof(planes));
            BlockParts.Positive(stride, nameof(stride));
            BlockParts.Positive(expansion, nameof(expansion));
            BlockParts.CheckAttention(attention);
            long outplanes = planes * expansion;
            conv1 = Conv2d(inplanes, planes, 1, bias: false);
            bn1 = new FoldableBatchNorm2d(conv1);
            conv2 = Conv2d(planes, planes, 3, stride: stride, padding: 1, bias: false);
            bn2 = new FoldableBatchNorm2d(conv2);
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
    }
}
