using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Bench.Hand
{
    /// <summary>
    /// EPSANet-50 written by hand in TorchSharp (seed 003; reference_models.py's <c>epsanet</c>): a
    /// ResNet-50 whose 3x3 convolutions are pyramid split attention modules.
    /// </summary>
    internal static class EPSANet
    {
        /// <summary>EPSANet-50: depths 3, 4, 6, 3; branch kernels 3, 5, 7, 9 with groups 1, 4, 8, 16.</summary>
        public static ResNetBase epsanet50(long numClasses = 1000) =>
            new("EPSANet50", (inplanes, planes, stride, downsample) => new EPSABottleneck(inplanes, planes, stride, downsample), new long[] { 3, 4, 6, 3 }, numClasses);
    }

    /// <summary>Seed 003's <c>SEWeightModule</c>: avg-pool, 1x1 conv C -> C/16, ReLU, 1x1 conv back, sigmoid (the gate).</summary>
    internal sealed class SEWeightModule : Module<Tensor, Tensor>
    {
        private readonly AdaptiveAvgPool2d avg_pool;
        private readonly Conv2d fc1;
        private readonly ReLU relu;
        private readonly Conv2d fc2;
        private readonly Sigmoid sigmoid;

        public SEWeightModule(long channels, long reduction = 16) : base(nameof(SEWeightModule))
        {
            avg_pool = AdaptiveAvgPool2d(1);
            fc1 = Conv2d(channels, channels / reduction, 1);
            relu = ReLU();
            fc2 = Conv2d(channels / reduction, channels, 1);
            sigmoid = Sigmoid();
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            var output = avg_pool.call(x);
            output = relu.call(fc1.call(output));
            output = fc2.call(output);
            return sigmoid.call(output).MoveToOuterDisposeScope();
        }
    }

    /// <summary>
    /// Seed 003's <c>PSAModule</c>: four branch convolutions, ONE SE module shared by the branches,
    /// softmax across the branches, the weighted branches concatenated in reverse order (4, 3, 2, 1).
    /// </summary>
    internal sealed class PSAModule : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv_1;
        private readonly Conv2d conv_2;
        private readonly Conv2d conv_3;
        private readonly Conv2d conv_4;
        private readonly SEWeightModule se;
        private readonly Softmax softmax;
        private readonly long split_channel;

        public PSAModule(long inplanes, long planes, long stride, long[] convKernels, long[] convGroups) : base(nameof(PSAModule))
        {
            conv_1 = Conv2d(inplanes, planes / 4, convKernels[0], stride: stride, padding: convKernels[0] / 2, groups: convGroups[0], bias: false);
            conv_2 = Conv2d(inplanes, planes / 4, convKernels[1], stride: stride, padding: convKernels[1] / 2, groups: convGroups[1], bias: false);
            conv_3 = Conv2d(inplanes, planes / 4, convKernels[2], stride: stride, padding: convKernels[2] / 2, groups: convGroups[2], bias: false);
            conv_4 = Conv2d(inplanes, planes / 4, convKernels[3], stride: stride, padding: convKernels[3] / 2, groups: convGroups[3], bias: false);
            se = new SEWeightModule(planes / 4);
            split_channel = planes / 4;
            softmax = Softmax(dim: 1);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            long batch = x.shape[0];
            var x1 = conv_1.call(x);
            var x2 = conv_2.call(x);
            var x3 = conv_3.call(x);
            var x4 = conv_4.call(x);
            var feats = cat(new[] { x1, x2, x3, x4 }, dim: 1);
            feats = feats.reshape(batch, 4, split_channel, feats.shape[2], feats.shape[3]);
            var x_se = cat(new[] { se.call(x1), se.call(x2), se.call(x3), se.call(x4) }, dim: 1);
            var attention = softmax.call(x_se.reshape(batch, 4, split_channel, 1, 1));   // across the branches
            var feats_weight = feats * attention;
            Tensor? output = null;
            for (long i = 0; i < 4; i++)
            {
                var part = feats_weight[.., i];
                output = output is null ? part : cat(new[] { part, output }, dim: 1);   // reversed: 4, 3, 2, 1
            }

            return output!.MoveToOuterDisposeScope();
        }
    }

    /// <summary>EPSANet's bottleneck: a torchvision bottleneck whose 3x3 conv is a <see cref="PSAModule"/> (carrying the stride).</summary>
    internal sealed class EPSABottleneck : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1;
        private readonly BatchNorm2d bn1;
        private readonly PSAModule conv2;
        private readonly BatchNorm2d bn2;
        private readonly Conv2d conv3;
        private readonly BatchNorm2d bn3;
        private readonly ReLU relu;
        private readonly Sequential? downsample;

        public EPSABottleneck(long inplanes, long planes, long stride, Sequential? downsample) : base(nameof(EPSABottleneck))
        {
            conv1 = Conv2d(inplanes, planes, 1, bias: false);
            bn1 = BatchNorm2d(planes);
            conv2 = new PSAModule(planes, planes, stride, new long[] { 3, 5, 7, 9 }, new long[] { 1, 4, 8, 16 });
            bn2 = BatchNorm2d(planes);
            conv3 = Conv2d(planes, planes * 4, 1, bias: false);
            bn3 = BatchNorm2d(planes * 4);
            relu = ReLU();
            this.downsample = downsample;
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

            return relu.call(output + identity).MoveToOuterDisposeScope();
        }
    }
}
