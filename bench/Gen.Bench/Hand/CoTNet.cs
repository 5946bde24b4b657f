using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Bench.Hand
{
    /// <summary>
    /// CoTNet-50 written by hand in TorchSharp (seed 000; reference_models.py's <c>cotnet</c>): a
    /// ResNet-50 whose 3x3 convolutions are Contextual Transformer layers.
    /// </summary>
    internal static class CoTNet
    {
        /// <summary>CoTNet-50: depths 3, 4, 6, 3; <paramref name="keyGroups"/> 4 is seed 001's variant.</summary>
        public static ResNetBase cotnet50(long numClasses = 1000, long keyGroups = 1, bool avdCountIncludePad = false) =>
            new("CoTNet50", (inplanes, planes, stride, downsample) => new CoTBottleneck(inplanes, planes, stride, downsample, 3, keyGroups, avdCountIncludePad), new long[] { 3, 4, 6, 3 }, numClasses);
    }

    /// <summary>
    /// Seed 000's <c>CoTNetLayer</c>: static context k1 = key_embed(x), values v = value_embed(x),
    /// attention from concat(k1, x) through attention_embed to k*k*C maps, averaged over the k*k
    /// axis, softmax over space, times v; output k1 + k2.
    /// </summary>
    internal sealed class CoTLayer : Module<Tensor, Tensor>
    {
        private readonly Sequential key_embed;
        private readonly Sequential value_embed;
        private readonly Sequential attention_embed;
        private readonly long kernel_size;

        public CoTLayer(long dim, long kernelSize, long keyGroups) : base(nameof(CoTLayer))
        {
            kernel_size = kernelSize;
            key_embed = Sequential(
                Conv2d(dim, dim, kernelSize, stride: 1, padding: kernelSize / 2, groups: keyGroups, bias: false),
                BatchNorm2d(dim),
                ReLU());
            value_embed = Sequential(
                Conv2d(dim, dim, 1, bias: false),
                BatchNorm2d(dim));
            const long factor = 4;
            attention_embed = Sequential(
                Conv2d(2 * dim, 2 * dim / factor, 1, bias: false),
                BatchNorm2d(2 * dim / factor),
                ReLU(),
                Conv2d(2 * dim / factor, kernelSize * kernelSize * dim, 1));
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            long bs = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
            var k1 = key_embed.call(x);
            var v = value_embed.call(x).flatten(2);                        // bs, c, h*w
            var y = cat(new[] { k1, x }, dim: 1);                          // key first, then the query
            var att = attention_embed.call(y);                             // bs, c*k*k, h, w
            att = att.reshape(bs, c, kernel_size * kernel_size, h, w);
            att = att.mean(new long[] { 2 }, keepdim: false).flatten(2);   // bs, c, h*w
            var k2 = functional.softmax(att, -1) * v;                      // softmax over space
            k2 = k2.reshape(bs, c, h, w);
            return (k1 + k2).MoveToOuterDisposeScope();
        }
    }

    /// <summary>
    /// CoTNet's bottleneck: 1x1 - BN - ReLU - [3x3/2 average pool when striding] - CoT layer - BN -
    /// ReLU - 1x1 - BN, plus the shortcut, ReLU.
    /// </summary>
    internal sealed class CoTBottleneck : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1;
        private readonly BatchNorm2d bn1;
        private readonly CoTLayer cot_layer;
        private readonly BatchNorm2d bn2;
        private readonly Conv2d conv3;
        private readonly BatchNorm2d bn3;
        private readonly ReLU relu;
        private readonly Sequential? downsample;
        private readonly AvgPool2d? avd;

        public CoTBottleneck(long inplanes, long planes, long stride, Sequential? downsample, long kernelSize, long keyGroups, bool avdCountIncludePad) : base(nameof(CoTBottleneck))
        {
            conv1 = Conv2d(inplanes, planes, 1, bias: false);
            bn1 = BatchNorm2d(planes);
            cot_layer = new CoTLayer(planes, kernelSize, keyGroups);
            bn2 = BatchNorm2d(planes);
            conv3 = Conv2d(planes, planes * 4, 1, bias: false);
            bn3 = BatchNorm2d(planes * 4);
            relu = ReLU();
            this.downsample = downsample;
            // Paddle's AvgPool2D does not count the padded cells (PyTorch count_include_pad=False).
            avd = stride > 1 ? AvgPool2d(3, stride, padding: 1, count_include_pad: avdCountIncludePad) : null;
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            var residual = x;
            var output = relu.call(bn1.call(conv1.call(x)));
            if (avd is not null)
            {
                output = avd.call(output);
            }

            output = cot_layer.call(output);
            output = relu.call(bn2.call(output));
            output = bn3.call(conv3.call(output));
            if (downsample is not null)
            {
                residual = downsample.call(x);
            }

            return relu.call(output + residual).MoveToOuterDisposeScope();
        }
    }
}
