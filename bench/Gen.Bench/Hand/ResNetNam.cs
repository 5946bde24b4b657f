using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Bench.Hand
{
    /// <summary>
    /// ResNet50-NAM written by hand in TorchSharp (seed 002; reference_models.py's <c>resnet_nam</c>):
    /// CIFAR stem, torchvision bottlenecks with NAM channel attention after the last BN of each block.
    /// </summary>
    internal static class ResNetNam
    {
        /// <summary>ResNet50-NAM for 32x32 images: depths 3, 4, 6, 3, 100 classes.</summary>
        public static ResNetBase resnet50nam(long numClasses = 100) =>
            new("ResNet50Nam", (inplanes, planes, stride, downsample) => new NamBottleneck(inplanes, planes, stride, downsample), new long[] { 3, 4, 6, 3 }, numClasses, cifarStem: true);
    }

    /// <summary>
    /// Seed 002's <c>Channel_Att</c>: x' = BN(x) * |gamma| / sum|gamma| per channel (the post's NHWC
    /// transpose), out = sigmoid(x') * x; the weight keeps its gradient, as in the post.
    /// </summary>
    internal sealed class ChannelAtt : Module<Tensor, Tensor>
    {
        private readonly BatchNorm2d bn2;

        public ChannelAtt(long channels) : base(nameof(ChannelAtt))
        {
            bn2 = BatchNorm2d(channels);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            var residual = x;
            x = bn2.call(x);
            var gamma = bn2.weight!.abs();
            var weight_bn = gamma / gamma.sum();
            x = x.permute(0, 2, 3, 1) * weight_bn;
            x = x.permute(0, 3, 1, 2);
            return (sigmoid(x) * residual).MoveToOuterDisposeScope();
        }
    }

    /// <summary>Seed 002's <c>Att</c> wrapper with <c>no_spatial=True</c>: only <c>Channel_Att</c>.</summary>
    internal sealed class NamAtt : Module<Tensor, Tensor>
    {
        private readonly ChannelAtt Channel_Att;

        public NamAtt(long channels) : base(nameof(NamAtt))
        {
            Channel_Att = new ChannelAtt(channels);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) => Channel_Att.call(x);
    }

    /// <summary>torchvision's bottleneck (stride on the 3x3 conv) with NAM on the branch before the addition.</summary>
    internal sealed class NamBottleneck : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1;
        private readonly BatchNorm2d bn1;
        private readonly Conv2d conv2;
        private readonly BatchNorm2d bn2;
        private readonly Conv2d conv3;
        private readonly BatchNorm2d bn3;
        private readonly ReLU relu;
        private readonly Sequential? downsample;
        private readonly NamAtt nam;

        public NamBottleneck(long inplanes, long planes, long stride, Sequential? downsample) : base(nameof(NamBottleneck))
        {
            conv1 = Conv2d(inplanes, planes, 1, bias: false);
            bn1 = BatchNorm2d(planes);
            conv2 = Conv2d(planes, planes, 3, stride: stride, padding: 1, bias: false);
            bn2 = BatchNorm2d(planes);
            conv3 = Conv2d(planes, planes * 4, 1, bias: false);
            bn3 = BatchNorm2d(planes * 4);
            relu = ReLU();
            this.downsample = downsample;
            nam = new NamAtt(planes * 4);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            var identity = x;
            var output = relu.call(bn1.call(conv1.call(x)));
            output = relu.call(bn2.call(conv2.call(output)));
            output = bn3.call(conv3.call(output));
            if (downsample is not null)
            {
                identity = downsample.call(x);
            }

            output = nam.call(output);
            return relu.call(output + identity).MoveToOuterDisposeScope();
        }
    }
}
