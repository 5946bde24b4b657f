using System.Collections.Generic;
using Gen.Generator.Code;
using Gen.Generator.Model;

namespace Gen.Generator.Stems
{
    /// <summary>
    /// A torchvision-style stem, <c>conv1</c> + <c>bn1</c> + <c>relu</c> (+ <c>maxpool</c>), and
    /// torchvision's names for the rest of the model (<c>layerN</c>, <c>avgpool</c>).
    /// </summary>
    internal sealed class TorchvisionStemDefinition : StemDefinition
    {
        /// <summary><c>[ResNetStem]</c>: the ImageNet stem, 7x7/2 convolution and a 3x3/2 max-pool.</summary>
        public static readonly TorchvisionStemDefinition ResNet = new TorchvisionStemDefinition(
            StemKind.ResNet, nameof(ResNetStemAttribute), ResNetStemAttribute.DefaultChannels, "ResNet stem", kernel: 7, stride: 2, hasPool: true);

        /// <summary><c>[CifarStem]</c>: the NAM post's stem, 3x3/1 convolution and no pool.</summary>
        public static readonly TorchvisionStemDefinition Cifar = new TorchvisionStemDefinition(
            StemKind.Cifar, nameof(CifarStemAttribute), CifarStemAttribute.DefaultChannels, "CIFAR stem", kernel: 3, stride: 1, hasPool: false);

        private TorchvisionStemDefinition(StemKind kind, string attributeName, int defaultChannels, string summary, int kernel, int stride, bool hasPool)
        {
            Kind = kind;
            AttributeName = attributeName;
            DefaultChannels = defaultChannels;
            Summary = summary;
            Kernel = kernel;
            Stride = stride;
            HasPool = hasPool;
        }

        /// <inheritdoc/>
        public override StemKind Kind { get; }

        /// <inheritdoc/>
        public override string AttributeName { get; }

        /// <inheritdoc/>
        public override int? DefaultChannels { get; }

        /// <inheritdoc/>
        public override string Summary { get; }

        /// <inheritdoc/>
        public override string StagePrefix => "layer";

        /// <inheritdoc/>
        public override string PoolName => "avgpool";

        /// <summary>The square kernel of <c>conv1</c>.</summary>
        private int Kernel { get; }

        /// <summary>The stride of <c>conv1</c>.</summary>
        private int Stride { get; }

        /// <summary>Whether a 3x3/2 <c>maxpool</c> follows.</summary>
        private bool HasPool { get; }

        /// <inheritdoc/>
        public override IReadOnlyList<string> ForwardLines => HasPool
            ? new[] { "var x = relu.call(bn1.call(conv1.call(input)));", "return maxpool.call(x);" }
            : new[] { "return relu.call(bn1.call(conv1.call(input)));" };

        /// <inheritdoc/>
        public override StemPlan Plan(StemSpec stem, ImageSpec image)
        {
            var output = HasPool ? ConvOutput(image.Size).Downsample(2) : ConvOutput(image.Size);
            return new StemPlan(Kind, image.Channels, stem.Channels ?? 0, 1, image.Size, output, HasPool ? Stride * 2 : Stride);
        }

        /// <inheritdoc/>
        public override IReadOnlyList<Field> Fields(StemPlan stem)
        {
            var fields = new List<Field>
            {
                new Field(TorchNames.ModuleType("Conv2d"), "conv1", TorchNames.Nn($"Conv2d({stem.InChannels}, {stem.Channels}, {Kernel}, stride: {Stride}, padding: {Kernel / 2}, bias: false)")),
                new Field(RuntimeNames.FoldableBatchNorm2d, "bn1", $"new {RuntimeNames.FoldableBatchNorm2d}(conv1)"),
                new Field(TorchNames.ModuleType("ReLU"), "relu", TorchNames.Nn("ReLU()")),
            };
            if (HasPool)
            {
                fields.Add(new Field(TorchNames.ModuleType("MaxPool2d"), "maxpool", TorchNames.Nn("MaxPool2d(3, stride: 2, padding: 1)")));
            }

            return fields;
        }

        /// <inheritdoc/>
        public override IReadOnlyList<string> PythonForwardLines => HasPool
            ? new[] { "x = self.relu(self.bn1(self.conv1(input)))", "return self.maxpool(x)" }
            : new[] { "return self.relu(self.bn1(self.conv1(input)))" };

        /// <inheritdoc/>
        public override IReadOnlyList<PythonField> PythonFields(StemPlan stem)
        {
            var fields = new List<PythonField>
            {
                new PythonField("conv1", $"nn.Conv2d({stem.InChannels}, {stem.Channels}, {Kernel}, stride={Stride}, padding={Kernel / 2}, bias=False)"),
                new PythonField("bn1", $"nn.BatchNorm2d({stem.Channels})"),
                new PythonField("relu", "nn.ReLU()"),
            };
            if (HasPool)
            {
                fields.Add(new PythonField("maxpool", "nn.MaxPool2d(3, stride=2, padding=1)"));
            }

            return fields;
        }

        /// <inheritdoc/>
        public override string Describe(StemPlan stem) =>
            $"stem: conv1 {Kernel}x{Kernel}/{Stride}, bn1, relu" + (HasPool ? ", maxpool 3x3/2" : string.Empty);

        /// <inheritdoc/>
        public override Counts Count(StemPlan stem) => Counts.Conv(stem.InChannels, stem.Channels, Kernel, ConvOutput(stem.Input)) + Counts.BatchNorm(stem.Channels);

        /// <summary>The size of <c>conv1</c>'s output (before the pool), padded by half its kernel.</summary>
        private FeatureSize ConvOutput(FeatureSize input) => input.Downsample(Stride);
    }
}
