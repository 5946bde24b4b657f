using Gen.Generator.Blocks;
using Gen.Generator.Diagnostics;
using Gen.Generator.Model;

namespace Gen.Generator.Validation
{
    /// <summary>Checks one stage's own values, before channels are followed through the network.</summary>
    internal static class StageRules
    {
        /// <summary>Reports every problem of <paramref name="stage"/>.</summary>
        public static void Check(StageDraft stage, Reporter reporter)
        {
            if (!BlockCatalog.IsKnown(stage.Kind))
            {
                reporter.Report(DiagnosticCatalog.UndefinedEnumValue, stage.Where(nameof(StageAttribute.Block)), stage.Label + " block kind", (int)stage.Kind, nameof(BlockKind));
                return;
            }

            if (stage.Options.Depth.Value < 1)
            {
                reporter.Report(DiagnosticCatalog.DepthTooSmall, stage.Where(nameof(StageAttribute.Depth)), stage.Label, stage.Options.Depth.Value);
            }
            else
            {
                Limits.Check(reporter, stage.Where(nameof(StageAttribute.Depth)), stage.Label + " Depth", stage.Options.Depth.Value, Limits.Depth);
            }

            if (stage.Options.Channels.Value <= 0)
            {
                reporter.Report(DiagnosticCatalog.ChannelsNotPositive, stage.Where(nameof(StageAttribute.Channels)), stage.Label, stage.Options.Channels.Value);
            }
            else
            {
                Limits.Check(reporter, stage.Where(nameof(StageAttribute.Channels)), stage.Label + " Channels", stage.Options.Channels.Value, Limits.Width);
            }

            if (stage.Options.Stride.Value != 1 && stage.Options.Stride.Value != 2)
            {
                reporter.Report(DiagnosticCatalog.StrideOutOfRange, stage.Where(nameof(StageAttribute.Stride)), stage.Label, stage.Options.Stride.Value);
            }

            // coatnet-pytorch's MBConv takes a separate branch for expansion 1 (no expand conv, no SE)
            // that the runtime block does not implement.
            var definition = BlockCatalog.For(stage.Kind);
            var minimum = definition.MinimumExpansion;
            if (stage.Options.Expansion.Value < minimum && definition.Reads(nameof(StageAttribute.Expansion)))
            {
                var name = definition.DisplayName;
                reporter.Report(DiagnosticCatalog.ExpansionTooSmall, stage.Where(nameof(StageAttribute.Expansion)), stage.Label, stage.Options.Expansion.Value, name, minimum);
            }
            else if (definition.Reads(nameof(StageAttribute.Expansion)))
            {
                Limits.Check(reporter, stage.Where(nameof(StageAttribute.Expansion)), stage.Label + " Expansion", stage.Options.Expansion.Value, Limits.Width);
            }

            if (definition.Reads(nameof(StageAttribute.KernelSize)) && (stage.Options.KernelSize.Value < 1 || stage.Options.KernelSize.Value % 2 == 0))
            {
                reporter.Report(DiagnosticCatalog.KernelNotOdd, stage.Where(nameof(StageAttribute.KernelSize)), stage.Label, nameof(StageAttribute.KernelSize), stage.Options.KernelSize.Value);
            }

            if (definition.Reads(nameof(StageAttribute.KeyGroups)) && stage.Options.KeyGroups.Value < 1)
            {
                reporter.Report(DiagnosticCatalog.GroupsNotPositive, stage.Where(nameof(StageAttribute.KeyGroups)), stage.Label, nameof(StageAttribute.KeyGroups), stage.Options.KeyGroups.Value);
            }

            var heads = definition.Reads(nameof(StageAttribute.Heads));
            if (heads && stage.Options.Heads.Value < 1)
            {
                reporter.Report(DiagnosticCatalog.HeadsNotPositive, stage.Where(nameof(StageAttribute.Heads)), stage.Label, stage.Options.Heads.Value);
            }

            if (heads && stage.Options.HeadDim.Value < 1 && stage.Options.HeadDim.Value != StageAttribute.HeadDimFromChannels)
            {
                reporter.Report(DiagnosticCatalog.HeadDimInvalid, stage.Where(nameof(StageAttribute.HeadDim)), stage.Label, stage.Options.HeadDim.Value);
            }
            else if (heads && stage.Options.Heads.Value >= 1 && stage.Options.HeadDim.Value >= 1)
            {
                Limits.Check(reporter, stage.Where(nameof(StageAttribute.HeadDim)), stage.Label + " attention width Heads x HeadDim", (long)stage.Options.Heads.Value * stage.Options.HeadDim.Value, Limits.Width);
            }

            if (!System.Enum.IsDefined(typeof(AttentionKind), stage.Options.Attention.Value))
            {
                reporter.Report(DiagnosticCatalog.UndefinedEnumValue, stage.Where(nameof(StageAttribute.Attention)), stage.Label + " Attention", (int)stage.Options.Attention.Value, nameof(AttentionKind));
            }

            // Only the options the kind reads are judged: another one is ignored, and GEN0019 says so.
            if (definition.Reads(nameof(StageAttribute.Dropout)))
            {
                CheckRate(stage, reporter, nameof(StageAttribute.Dropout), stage.Options.Dropout.Value);
            }

            if (definition.Reads(nameof(StageAttribute.DropPath)))
            {
                CheckRate(stage, reporter, nameof(StageAttribute.DropPath), stage.Options.DropPath.Value);
            }

            if (definition.Reads(nameof(StageAttribute.Kernels)))
            {
                CheckBranches(stage, reporter, nameof(StageAttribute.Kernels), stage.Options.Kernels.Value, odd: true);
                CheckBranches(stage, reporter, nameof(StageAttribute.Groups), stage.Options.Groups.Value, odd: false);
            }
            CheckCustom(stage, reporter);
        }

        private static void CheckRate(StageDraft stage, Reporter reporter, string name, double value)
        {
            if (!(value >= 0.0 && value < 1.0))
            {
                reporter.Report(DiagnosticCatalog.RateOutOfRange, stage.Where(name), stage.Label, name, value);
            }
        }

        private static void CheckBranches(StageDraft stage, Reporter reporter, string name, EquatableArray<int> values, bool odd)
        {
            if (values.Count != EPSABottleneckDefinition.Branches)
            {
                reporter.Report(DiagnosticCatalog.PsaBranchCount, stage.Where(name), stage.Label, name, values.Count);
                return;
            }

            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] < 1 || (odd && values[i] % 2 == 0))
                {
                    reporter.Report(odd ? DiagnosticCatalog.KernelNotOdd : DiagnosticCatalog.GroupsNotPositive, stage.Where(name + "[" + i + "]"), stage.Label, name + "[" + i + "]", values[i]);
                }
            }
        }

        private static void CheckCustom(StageDraft stage, Reporter reporter)
        {
            if (stage.Kind != BlockKind.Custom)
            {
                return;
            }

            var custom = stage.Custom;
            if (custom is null || !custom.IsModule || !custom.IsConstructible || !custom.IsAccessible)
            {
                reporter.Report(DiagnosticCatalog.CustomBlockNotModule, stage.Where(nameof(StageAttribute.BlockType)), custom?.DisplayName ?? "null");
            }
            else if (!custom.HasConstructor)
            {
                reporter.Report(DiagnosticCatalog.CustomBlockConstructor, stage.Where(nameof(StageAttribute.BlockType)), custom.DisplayName);
            }
        }
    }
}
