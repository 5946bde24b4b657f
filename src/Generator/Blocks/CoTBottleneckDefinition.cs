using System.Collections.Generic;
using Gen.Generator.Code;
using Gen.Generator.Diagnostics;
using Gen.Generator.Model;

namespace Gen.Generator.Blocks
{
    /// <summary>
    /// <c>Gen.Blocks.CoTBottleneck(inplanes, planes, stride, expansion, kernelSize, keyGroups, attention, dropPath)</c>
    /// (seed 000; key-conv groups from seed 001).
    /// </summary>
    internal sealed class CoTBottleneckDefinition : ResNetBottleneckDefinition
    {
        /// <summary>Reduction of the CoT attention embedding (<c>2C -> 2C/4</c>).</summary>
        public const int AttentionFactor = 4;

        /// <inheritdoc/>
        public override BlockKind Kind => BlockKind.CoTBottleneck;

        /// <inheritdoc/>
        public override string DisplayName => "CoTBottleneck";

        /// <inheritdoc/>
        public override IReadOnlyList<string> LayoutTokens { get; } = new[] { "CoT", "CoTBottleneck" };

        /// <inheritdoc/>
        protected override string[] MiddleOptions { get; } = new[] { nameof(StageAttribute.KernelSize), nameof(StageAttribute.KeyGroups) };

        /// <inheritdoc/>
        protected override string TypeName => "global::Gen.Blocks.CoTBottleneck";

        /// <summary>The key convolution's groups divide the width, and the attention embedding keeps a channel.</summary>
        public override void CheckFlow(StageFlow flow, Reporter reporter)
        {
            var stage = flow.Stage;
            FlowChecks.Divisible(stage, reporter, stage.Options.Channels.Value, stage.Options.KeyGroups.Value, nameof(StageAttribute.KeyGroups), "the CoT key convolution");
            if (2 * stage.Options.Channels.Value / AttentionFactor < 1)
            {
                reporter.Report(DiagnosticCatalog.TooNarrow, stage.Where(nameof(StageAttribute.Channels)), stage.Label, 2 * stage.Options.Channels.Value, AttentionFactor, "the CoT attention embedding");
            }
        }

        /// <inheritdoc/>
        protected override ArgumentList MiddleArguments(ArgumentList arguments, StageOptions options) => arguments
            .Named("kernelSize", options.KernelSize.Value)
            .Named("keyGroups", options.KeyGroups.Value);

        /// <inheritdoc/>
        protected override string PythonSnippet => TwinSnippets.CoT;

        /// <inheritdoc/>
        protected override string PythonClass => "CoTBottleneck";

        /// <inheritdoc/>
        protected override Counts Middle(long planes, StageOptions options, FeatureSize at) => CoTLayer(planes, options.KernelSize.Value, options.KeyGroups.Value, at);

        /// <summary>
        /// <c>CoTLayer(dim, kernelSize, keyGroups)</c>: key, value and attention embeddings, every
        /// convolution at <paramref name="at"/> (a striding block average-pools before the layer).
        /// </summary>
        private static Counts CoTLayer(long dim, long kernel, long keyGroups, FeatureSize at)
        {
            var embedded = 2 * dim / AttentionFactor;
            return Counts.Conv(dim, dim, kernel, at, groups: keyGroups) + Counts.BatchNorm(dim)
                + Counts.Conv(dim, dim, 1, at) + Counts.BatchNorm(dim)
                + Counts.Conv(2 * dim, embedded, 1, at) + Counts.BatchNorm(embedded)
                + Counts.Conv(embedded, kernel * kernel * dim, 1, at, bias: true);
        }
    }
}
