using System.Collections.Generic;
using Gen.Generator.Diagnostics;
using Gen.Generator.Model;
using Gen.Generator.Planning;
using Gen.Generator.Validation;

namespace Gen.Generator.Blocks
{
    /// <summary>
    /// <c>Gen.Blocks.CoTBottleneck(inplanes, planes, stride, expansion, kernelSize, keyGroups, attention, dropPath)</c>
    /// (seed 000; key-conv groups from seed 001).
    /// </summary>
    internal sealed class CoTBottleneckDefinition : BlockDefinition
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
        public override IReadOnlyList<string> Options { get; } = Join(CommonOptions, ResidualOptions, new[] { nameof(StageAttribute.Expansion) }, new[] { nameof(StageAttribute.KernelSize), nameof(StageAttribute.KeyGroups) });

        /// <inheritdoc/>
        public override bool IsResNetStyle => true;

        /// <inheritdoc/>
        public override int DefaultExpansion => StageAttribute.DefaultExpansion;

        /// <inheritdoc/>
        public override long OutChannels(int channels, int expansion) => (long)channels * expansion;

        /// <summary>The key convolution's groups divide the width, and the attention embedding keeps a channel.</summary>
        public override void CheckFlow(StageFlow flow, Reporter reporter)
        {
            var stage = flow.Stage;
            FlowRules.Divisible(stage, reporter, stage.Channels, stage.KeyGroups, nameof(StageAttribute.KeyGroups), "the CoT key convolution");
            if (2 * stage.Channels / AttentionFactor < 1)
            {
                reporter.Report(DiagnosticCatalog.TooNarrow, stage.Where(nameof(StageAttribute.Channels)), stage.Label, 2 * stage.Channels, AttentionFactor, "the CoT attention embedding");
            }
        }

        /// <inheritdoc/>
        public override string Construct(BlockPlan block) => new ArgumentList()
            .Positional(block.InChannels, block.Channels, block.Stride)
            .Named("expansion", block.Expansion)
            .Named("kernelSize", block.KernelSize)
            .Named("keyGroups", block.KeyGroups)
            .Attention(block.Attention)
            .Named("dropPath", block.DropPath, unless: 0.0)
            .New("global::Gen.Blocks.CoTBottleneck");

        /// <inheritdoc/>
        public override Counts? Count(BlockPlan block)
        {
            long input = block.InChannels, planes = block.Channels, output = planes * block.Expansion;
            return Counts.Conv(input, planes, 1) + Counts.BatchNorm(planes)
                + CoTLayer(planes, block.KernelSize, block.KeyGroups) + Counts.BatchNorm(planes)
                + Counts.Conv(planes, output, 1) + Counts.BatchNorm(output)
                + AttentionAddOn.Downsample(input, output, block.Stride)
                + AttentionAddOn.Count(block.Attention, output);
        }

        /// <summary><c>CoTLayer(dim, kernelSize, keyGroups)</c>: key, value and attention embeddings.</summary>
        private static Counts CoTLayer(long dim, long kernel, long keyGroups)
        {
            var embedded = 2 * dim / AttentionFactor;
            return Counts.Conv(dim, dim, kernel, keyGroups) + Counts.BatchNorm(dim)
                + Counts.Conv(dim, dim, 1) + Counts.BatchNorm(dim)
                + Counts.Conv(2 * dim, embedded, 1) + Counts.BatchNorm(embedded)
                + Counts.Conv(embedded, kernel * kernel * dim, 1, bias: true);
        }
    }
}
