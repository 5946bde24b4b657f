using System.Collections.Generic;
using Gen.Generator.Code;
using Gen.Generator.Model;

namespace Gen.Generator.Stems
{
    /// <summary>
    /// A torchvision-style stem, <c>conv1</c> + <c>bn1</c> + <c>relu</c> (+ <c>maxpool</c>), and
    /// torchvision's names for the rest of the model (<c>layerN</c>, <c>avgpool</c>).
    /// </summary>
    internal abstract class TorchvisionStemDefinition : StemDefinition
    {
        /// <inheritdoc/>
        public override string StagePrefix => "layer";

        /// <inheritdoc/>
        public override string PoolName => "avgpool";

        /// <summary>The square kernel of <c>conv1</c>.</summary>
        protected abstract int Kernel { get; }

        /// <summary>The stride of <c>conv1</c>.</summary>
        protected abstract int Stride { get; }

        /// <summary>Whether a 3x3/2 <c>maxpool</c> follows.</summary>
        protected abstract bool HasPool { get; }

        /// <inheritdoc/>
        public override IReadOnlyList<string> ForwardLines => HasPool
            ? new[] { "var x = relu.call(bn1.call(conv1.call(input)));", "return maxpool.call(x);" }
            : new[] { "return relu.call(bn1.call(conv1.call(input)));" };

        /// <inheritdoc/>
        public override StemPlan Plan(StemSpec stem, ImageSpec image)
        {
            var stride = HasPool ? Stride * 2 : Stride;
            int height = FeatureSize.Downsample(image.Height, Stride), width = FeatureSize.Downsample(image.Width, Stride);
            if (HasPool)
            {
                height = FeatureSize.Downsample(height, 2);
                width = FeatureSize.Downsample(width, 2);
            }

            return new StemPlan(Kind, image.Channels, stem.Channels ?? 0, 1, height, width, stride);
        }

        /// <inheritdoc/>
        public override IReadOnlyList<Field> Fields(StemPlan stem)
        {
            var fields = new List<Field>
            {
                new Field("Conv2d", "conv1", TorchNames.Nn($"Conv2d({stem.InChannels}, {stem.Channels}, {Kernel}, stride: {Stride}, padding: {Kernel / 2}, bias: false)")),
                new Field("BatchNorm2d", "bn1", TorchNames.Nn($"BatchNorm2d({stem.Channels})")),
                new Field("ReLU", "relu", TorchNames.Nn("ReLU()")),
            };
            if (HasPool)
            {
                fields.Add(new Field("MaxPool2d", "maxpool", TorchNames.Nn("MaxPool2d(3, stride: 2, padding: 1)")));
            }

            return fields;
        }

        /// <inheritdoc/>
        public override string Describe(StemPlan stem) =>
            $"stem: conv1 {Kernel}x{Kernel}/{Stride}, bn1, relu" + (HasPool ? ", maxpool 3x3/2" : string.Empty);

        /// <inheritdoc/>
        public override Counts Count(StemPlan stem) => Counts.Conv(stem.InChannels, stem.Channels, Kernel) + Counts.BatchNorm(stem.Channels);
    }
}
