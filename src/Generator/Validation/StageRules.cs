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
                reporter.Report(DiagnosticCatalog.ValueOutOfRange, stage.Where(nameof(StageAttribute.Block)), stage.Label + " block kind", (int)stage.Kind, "it must be a Gen.BlockKind member");
                return;
            }

            if (stage.Depth < 1)
            {
                reporter.Report(DiagnosticCatalog.DepthTooSmall, stage.Where(nameof(StageAttribute.Depth)), stage.Label, stage.Depth);
            }

            if (stage.Channels <= 0)
            {
                reporter.Report(DiagnosticCatalog.ChannelsNotPositive, stage.Where(nameof(StageAttribute.Channels)), stage.Label, stage.Channels);
            }

            if (stage.Stride != 1 && stage.Stride != 2)
            {
                reporter.Report(DiagnosticCatalog.ValueOutOfRange, stage.Where(nameof(StageAttribute.Stride)), stage.Label + " Stride", stage.Stride, "it must be 1 or 2");
            }

            if (stage.Kind == BlockKind.MBConv && stage.Expansion < 2)
            {
                // coatnet-pytorch's MBConv takes a separate branch for expansion 1 (no expand conv,
                // no SE) that the runtime block does not implement.
                reporter.Report(DiagnosticCatalog.ValueOutOfRange, stage.Where(nameof(StageAttribute.Expansion)), stage.Label + " Expansion", stage.Expansion, "MBConv needs at least 2; the expansion-1 variant (no expand conv, no SE) is not supported");
            }
            else if (stage.Expansion < 1)
            {
                reporter.Report(DiagnosticCatalog.ValueOutOfRange, stage.Where(nameof(StageAttribute.Expansion)), stage.Label + " Expansion", stage.Expansion, "it must be at least 1");
            }

            if (stage.KernelSize < 1 || stage.KernelSize % 2 == 0)
            {
                reporter.Report(DiagnosticCatalog.ValueOutOfRange, stage.Where(nameof(StageAttribute.KernelSize)), stage.Label + " KernelSize", stage.KernelSize, "it must be odd and positive");
            }

            if (stage.KeyGroups < 1)
            {
                reporter.Report(DiagnosticCatalog.ValueOutOfRange, stage.Where(nameof(StageAttribute.KeyGroups)), stage.Label + " KeyGroups", stage.KeyGroups, "it must be at least 1");
            }

            if (stage.Heads < 1)
            {
                reporter.Report(DiagnosticCatalog.ValueOutOfRange, stage.Where(nameof(StageAttribute.Heads)), stage.Label + " Heads", stage.Heads, "it must be at least 1");
            }

            if (stage.HeadDim < 1 && stage.HeadDim != StageAttribute.HeadDimFromChannels)
            {
                reporter.Report(DiagnosticCatalog.ValueOutOfRange, stage.Where(nameof(StageAttribute.HeadDim)), stage.Label + " HeadDim", stage.HeadDim, "it must be positive, or -1 for input channels / Heads");
            }

            CheckRate(stage, reporter, nameof(StageAttribute.Dropout), stage.Dropout);
            CheckRate(stage, reporter, nameof(StageAttribute.DropPath), stage.DropPath);
            CheckBranches(stage, reporter, nameof(StageAttribute.Kernels), stage.Kernels, odd: true);
            CheckBranches(stage, reporter, nameof(StageAttribute.Groups), stage.Groups, odd: false);
            CheckCustom(stage, reporter);
        }

        private static void CheckRate(StageDraft stage, Reporter reporter, string name, double value)
        {
            if (!(value >= 0.0 && value < 1.0))
            {
                reporter.Report(DiagnosticCatalog.ValueOutOfRange, stage.Where(name), stage.Label + " " + name, value, "it must be in [0, 1)");
            }
        }

        private static void CheckBranches(StageDraft stage, Reporter reporter, string name, EquatableArray<int> values, bool odd)
        {
            if (values.Count != EPSABottleneckDefinition.Branches)
            {
                reporter.Report(DiagnosticCatalog.ValueOutOfRange, stage.Where(name), stage.Label + " " + name, values.Count + " entries", "PSA has exactly 4 branches");
                return;
            }

            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] < 1 || (odd && values[i] % 2 == 0))
                {
                    var rule = odd ? "branch kernels must be odd and positive" : "branch groups must be positive";
                    reporter.Report(DiagnosticCatalog.ValueOutOfRange, stage.Where(name + "[" + i + "]"), stage.Label + " " + name + "[" + i + "]", values[i], rule);
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
