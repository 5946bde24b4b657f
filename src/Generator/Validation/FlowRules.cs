using Gen.Generator.Blocks;
using Gen.Generator.Diagnostics;
using Gen.Generator.Model;

namespace Gen.Generator.Validation
{
    /// <summary>
    /// Checks that need the channels flowing into a stage and the stride accumulated before it. Each
    /// block kind's own rules live in its definition (<see cref="BlockDefinition.CheckFlow"/>); here
    /// are the rules every kind of a family shares, and the helpers the definitions use.
    /// </summary>
    internal static class FlowRules
    {
        /// <summary>Reports every problem of <paramref name="flow"/>'s stage.</summary>
        public static void Check(StageFlow flow, Reporter reporter)
        {
            var stage = flow.Stage;
            var definition = BlockCatalog.For(stage.Kind);
            definition.CheckFlow(flow, reporter);
            var image = flow.Image;
            if (definition.IsPositionAware && (image.Height % flow.TotalStride != 0 || image.Width % flow.TotalStride != 0))
            {
                reporter.Report(DiagnosticCatalog.ImageNotDivisible, image.Where, stage.Label, definition.DisplayName, image.Height + "x" + image.Width, flow.TotalStride);
            }

            if (definition.IsResNetStyle && stage.Options.Attention.Value == AttentionKind.SE && flow.OutChannels / AttentionAddOn.SeReduction < 1)
            {
                reporter.Report(DiagnosticCatalog.TooNarrow, stage.Where(nameof(StageAttribute.Channels)), stage.Label, flow.OutChannels, AttentionAddOn.SeReduction, "the SE add-on");
            }
        }

        /// <summary>GEN0017 when a block whose residual is the identity at stride 1 would change width there.</summary>
        public static void WidthPreserved(StageFlow flow, Reporter reporter, string kind)
        {
            if (flow.Stage.Options.Stride.Value == 1 && flow.InChannels != flow.OutChannels)
            {
                reporter.Report(DiagnosticCatalog.ChannelMismatch, flow.Stage.Where(nameof(StageAttribute.Channels)), flow.Stage.Label, kind, flow.InChannels, flow.OutChannels);
            }
        }

        /// <summary>GEN0006 when <paramref name="groups"/> does not divide <paramref name="channels"/>.</summary>
        public static void Divisible(StageDraft stage, Reporter reporter, int channels, int groups, string option, string what)
        {
            if (groups >= 1 && channels % groups != 0)
            {
                reporter.Report(DiagnosticCatalog.NotDivisibleByGroups, stage.Where(option), stage.Label, channels, groups, what);
            }
        }
    }
}
