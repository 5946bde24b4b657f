using System.Collections.Generic;
using Gen.Generator.Diagnostics;
using Gen.Generator.Model;
using Gen.Generator.Planning;
using Gen.Generator.Validation;

namespace Gen.Generator.Blocks
{
    /// <summary>
    /// <c>Gen.Blocks.EPSABottleneck(inplanes, planes, stride, expansion, kernels, groups, attention, dropPath)</c> (seed 003).
    /// </summary>
    internal sealed class EPSABottleneckDefinition : BlockDefinition
    {
        /// <summary>Number of PSA branches.</summary>
        public const int Branches = 4;

        /// <summary>Reduction of the SE weight module shared by the branches.</summary>
        public const int SeReduction = 16;

        /// <summary>Default branch kernels.</summary>
        public static readonly EquatableArray<int> DefaultKernels = EquatableArray.From(StageAttribute.DefaultKernels);

        /// <summary>Default branch groups.</summary>
        public static readonly EquatableArray<int> DefaultGroups = EquatableArray.From(StageAttribute.DefaultGroups);

        /// <inheritdoc/>
        public override BlockKind Kind => BlockKind.EPSABottleneck;

        /// <inheritdoc/>
        public override string DisplayName => "EPSABottleneck";

        /// <inheritdoc/>
        public override IReadOnlyList<string> LayoutTokens { get; } = new[] { "EPSA", "EPSABottleneck" };

        /// <inheritdoc/>
        public override IReadOnlyList<string> Options { get; } = Join(CommonOptions, ResidualOptions, new[] { nameof(StageAttribute.Expansion) }, new[] { nameof(StageAttribute.Kernels), nameof(StageAttribute.Groups) });

        /// <inheritdoc/>
        public override bool IsResNetStyle => true;

        /// <inheritdoc/>
        public override int DefaultExpansion => StageAttribute.DefaultExpansion;

        /// <inheritdoc/>
        public override long OutChannels(int channels, int expansion) => (long)channels * expansion;

        /// <summary>The width splits into the four branches, each branch's groups divide its share, and the shared SE keeps a channel.</summary>
        public override void CheckFlow(StageFlow flow, Reporter reporter)
        {
            var stage = flow.Stage;
            var planes = stage.Options.Channels.Value;
            if (planes % Branches != 0)
            {
                reporter.Report(DiagnosticCatalog.NotDivisibleByGroups, stage.Where(nameof(StageAttribute.Channels)), stage.Label, planes, Branches, "PSA branches");
                return;
            }

            var split = planes / Branches;
            for (var i = 0; i < stage.Options.Groups.Value.Count; i++)
            {
                var groups = stage.Options.Groups.Value[i];
                if (split % groups != 0)
                {
                    reporter.Report(DiagnosticCatalog.NotDivisibleByGroups, stage.Where(nameof(StageAttribute.Groups) + "[" + i + "]"), stage.Label, split, groups, "PSA branch " + (i + 1));
                }
            }

            if (split / SeReduction < 1)
            {
                reporter.Report(DiagnosticCatalog.TooNarrow, stage.Where(nameof(StageAttribute.Channels)), stage.Label, split, SeReduction, "the PSA SE weight (Channels / 4 / 16)");
            }
        }

        /// <inheritdoc/>
        public override string Construct(BlockPlan block) => new ArgumentList()
            .Positional(block.InChannels, block.Options.Channels.Value, block.Stride)
            .Named("expansion", block.Options.Expansion.Value)
            .Named("kernels", block.Options.Kernels.Value, unless: DefaultKernels)
            .Named("groups", block.Options.Groups.Value, unless: DefaultGroups)
            .Attention(block.Options.Attention.Value)
            .Named("dropPath", block.Options.DropPath.Value, unless: 0.0)
            .New("global::Gen.Blocks.EPSABottleneck");

        /// <inheritdoc/>
        public override Counts? Count(BlockPlan block)
        {
            long input = block.InChannels, planes = block.Options.Channels.Value, output = planes * block.Options.Expansion.Value;
            return Counts.Conv(input, planes, 1) + Counts.BatchNorm(planes)
                + Psa(planes, block.Options.Kernels.Value, block.Options.Groups.Value) + Counts.BatchNorm(planes)
                + Counts.Conv(planes, output, 1) + Counts.BatchNorm(output)
                + AttentionAddOn.Downsample(input, output, block.Stride)
                + AttentionAddOn.Count(block.Options.Attention.Value, output);
        }

        /// <summary><c>PSAModule(planes, planes, ...)</c>: four branch convs and the shared SE weight.</summary>
        private static Counts Psa(long planes, EquatableArray<int> kernels, EquatableArray<int> groups)
        {
            var split = planes / Branches;
            var total = Counts.Zero;
            for (var i = 0; i < Branches; i++)
            {
                total += Counts.Conv(planes, split, kernels[i], groups[i]);
            }

            var hidden = split / SeReduction;
            return total + Counts.Conv(split, hidden, 1, bias: true) + Counts.Conv(hidden, split, 1, bias: true);
        }
    }
}
