using System.Collections.Generic;
using Gen.Generator.Code;
using Gen.Generator.Model;

namespace Gen.Generator.Blocks
{
    /// <summary><c>Gen.Blocks.Bottleneck(inplanes, planes, stride, expansion, attention, dropPath)</c> (torchvision v1.5): the middle module is a 3x3 convolution.</summary>
    internal sealed class BottleneckDefinition : ResNetBottleneckDefinition
    {
        /// <inheritdoc/>
        public override BlockKind Kind => BlockKind.Bottleneck;

        /// <inheritdoc/>
        public override string DisplayName => "Bottleneck";

        /// <inheritdoc/>
        public override IReadOnlyList<string> LayoutTokens { get; } = new[] { "B", "Bottleneck" };

        /// <inheritdoc/>
        protected override string[] MiddleOptions { get; } = System.Array.Empty<string>();

        /// <inheritdoc/>
        protected override string TypeName => "global::Gen.Blocks.Bottleneck";

        /// <inheritdoc/>
        protected override string PythonSnippet => TwinSnippets.Bottleneck;

        /// <inheritdoc/>
        protected override string PythonClass => "Bottleneck";

        /// <inheritdoc/>
        protected override Counts Middle(long planes, StageOptions options, FeatureSize at) => Counts.Conv(planes, planes, 3, at);
    }
}
