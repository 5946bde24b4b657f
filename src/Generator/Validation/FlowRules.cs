using Gen.Generator.Blocks;
using Gen.Generator.Diagnostics;
using Gen.Generator.Model;

namespace Gen.Generator.Validation
{
    /// <summary>
    /// Checks that need the channels flowing into a stage and the stride accumulated before it:
    /// groups and heads against widths, width-preserving blocks, and position-aware blocks against
    /// the declared image size.
    /// </summary>
    internal static class FlowRules
    {
        /// <summary>Reports every problem of <paramref name="stage"/> given its input width and total stride.</summary>
        public static void Check(StageDraft stage, int inChannels, int outChannels, long totalStride, ImageSpec image, Reporter reporter)
        {
            switch (stage.Kind)
            {
                case BlockKind.CoTBottleneck:
                    Divisible(stage, reporter, stage.Channels, stage.KeyGroups, nameof(StageAttribute.KeyGroups), "the CoT key convolution");
                    if (2 * stage.Channels / CoTBottleneckDefinition.AttentionFactor < 1)
                    {
                        reporter.Report(DiagnosticCatalog.TooNarrow, stage.Where(nameof(StageAttribute.Channels)), stage.Label, 2 * stage.Channels, CoTBottleneckDefinition.AttentionFactor, "the CoT attention embedding");
                    }

                    break;
                case BlockKind.EPSABottleneck:
                    CheckPsa(stage, reporter);
                    break;
                case BlockKind.MBConv:
                    WidthPreserved(stage, inChannels, outChannels, reporter, "MBConv");
                    Limits.Check(reporter, stage.Where(nameof(StageAttribute.Expansion)), stage.Label + " hidden width (input x Expansion)", (long)System.Math.Max(inChannels, outChannels) * stage.Expansion, Limits.Width);
                    if (System.Math.Min(inChannels, outChannels) / MBConvDefinition.SeDivisor < 1)
                    {
                        reporter.Report(DiagnosticCatalog.TooNarrow, stage.Where(nameof(StageAttribute.Channels)), stage.Label, System.Math.Min(inChannels, outChannels), MBConvDefinition.SeDivisor, "the MBConv squeeze-excitation");
                    }

                    break;
                case BlockKind.Transformer:
                    WidthPreserved(stage, inChannels, outChannels, reporter, "Transformer");
                    CheckHeads(stage, inChannels, outChannels, reporter);
                    if (image.Height % totalStride != 0 || image.Width % totalStride != 0)
                    {
                        reporter.Report(DiagnosticCatalog.ImageNotDivisible, image.Where, stage.Label, "Transformer", image.Height + "x" + image.Width, totalStride);
                    }

                    break;
            }

            if (BlockCatalog.IsResNetStyle(stage.Kind) && stage.Attention == AttentionKind.SE && outChannels / AttentionAddOn.SeReduction < 1)
            {
                reporter.Report(DiagnosticCatalog.TooNarrow, stage.Where(nameof(StageAttribute.Channels)), stage.Label, outChannels, AttentionAddOn.SeReduction, "the SE add-on");
            }
        }

        private static void CheckPsa(StageDraft stage, Reporter reporter)
        {
            var planes = stage.Channels;
            if (planes % EPSABottleneckDefinition.Branches != 0)
            {
                reporter.Report(DiagnosticCatalog.NotDivisibleByGroups, stage.Where(nameof(StageAttribute.Channels)), stage.Label, planes, EPSABottleneckDefinition.Branches, "PSA branches");
                return;
            }

            var split = planes / EPSABottleneckDefinition.Branches;
            for (var i = 0; i < stage.Groups.Count; i++)
            {
                var groups = stage.Groups[i];
                if (split % groups != 0)
                {
                    reporter.Report(DiagnosticCatalog.NotDivisibleByGroups, stage.Where(nameof(StageAttribute.Groups) + "[" + i + "]"), stage.Label, split, groups, "PSA branch " + (i + 1));
                }
            }

            if (split / EPSABottleneckDefinition.SeReduction < 1)
            {
                reporter.Report(DiagnosticCatalog.TooNarrow, stage.Where(nameof(StageAttribute.Channels)), stage.Label, split, EPSABottleneckDefinition.SeReduction, "the PSA SE weight (Channels / 4 / 16)");
            }
        }

        private static void CheckHeads(StageDraft stage, int inChannels, int outChannels, Reporter reporter)
        {
            if (stage.Heads == 1 && (stage.HeadDim == inChannels || stage.HeadDim == StageAttribute.HeadDimFromChannels) && inChannels != outChannels)
            {
                // coatnet-pytorch drops the output projection for one head as wide as the input,
                // so the attention output keeps the input width and cannot meet a wider residual.
                reporter.Report(DiagnosticCatalog.ChannelMismatch, stage.Where(nameof(StageAttribute.HeadDim)), stage.Label, "single-head Transformer (no output projection)", inChannels, outChannels);
            }

            if (stage.HeadDim != StageAttribute.HeadDimFromChannels || stage.Heads < 1)
            {
                return;
            }

            foreach (var width in new[] { inChannels, outChannels })
            {
                if (width % stage.Heads != 0)
                {
                    reporter.Report(DiagnosticCatalog.HeadsMismatch, stage.Where(nameof(StageAttribute.Heads)), stage.Label, width, stage.Heads);
                    return;
                }
            }
        }

        private static void WidthPreserved(StageDraft stage, int inChannels, int outChannels, Reporter reporter, string kind)
        {
            if (stage.Stride == 1 && inChannels != outChannels)
            {
                reporter.Report(DiagnosticCatalog.ChannelMismatch, stage.Where(nameof(StageAttribute.Channels)), stage.Label, kind, inChannels, outChannels);
            }
        }

        private static void Divisible(StageDraft stage, Reporter reporter, int channels, int groups, string option, string what)
        {
            if (groups >= 1 && channels % groups != 0)
            {
                reporter.Report(DiagnosticCatalog.NotDivisibleByGroups, stage.Where(option), stage.Label, channels, groups, what);
            }
        }
    }
}
