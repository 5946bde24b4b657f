using System.Collections.Generic;
using Gen.Generator.Code;
using Gen.Generator.Diagnostics;
using Gen.Generator.Model;

namespace Gen.Generator.Blocks
{
    /// <summary>
    /// <c>Gen.Blocks.EPSABottleneck(inplanes, planes, stride, expansion, kernels, groups, attention, dropPath)</c> (seed 003).
    /// </summary>
    internal sealed class EPSABottleneckDefinition : ResNetBottleneckDefinition
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
        protected override string[] MiddleOptions { get; } = new[] { nameof(StageAttribute.Kernels), nameof(StageAttribute.Groups) };

        /// <inheritdoc/>
        protected override string TypeName => "global::Gen.Blocks.EPSABottleneck";

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
        protected override ArgumentList MiddleArguments(ArgumentList arguments, StageOptions options) => arguments
            .Named("kernels", options.Kernels.Value, unless: DefaultKernels)
            .Named("groups", options.Groups.Value, unless: DefaultGroups);

        /// <inheritdoc/>
        protected override string PythonSnippet => TwinSnippets.Psa;

        /// <inheritdoc/>
        protected override string PythonClass => "EPSABottleneck";

        /// <inheritdoc/>
        protected override Counts Middle(long planes, StageOptions options, FeatureSize at) => Psa(planes, options.Kernels.Value, options.Groups.Value, at);

        /// <summary>
        /// <c>PSAModule(planes, planes, ...)</c>: four branch convs (striding, output <paramref name="at"/>)
        /// and the shared SE weight, called once per branch on its pooled vector.
        /// </summary>
        private static Counts Psa(long planes, EquatableArray<int> kernels, EquatableArray<int> groups, FeatureSize at)
        {
            var split = planes / Branches;
            var total = Counts.Zero;
            for (var i = 0; i < Branches; i++)
            {
                total += Counts.Conv(planes, split, kernels[i], at, groups: groups[i]);
            }

            var hidden = split / SeReduction;
            var se = Counts.Conv(split, hidden, 1, FeatureSize.Vector, bias: true) + Counts.Conv(hidden, split, 1, FeatureSize.Vector, bias: true);
            return total + se.Calls(Branches);
        }
    }
}
