using Gen.Generator.Blocks;
using Gen.Generator.Diagnostics;
using Gen.Generator.Model;

namespace Gen.Generator.Planning
{
    /// <summary>
    /// Checks that need the channels flowing into a stage and the stride accumulated before it. Each
    /// block kind's own rules live in its definition (<see cref="BlockDefinition.CheckFlow"/>); here
    /// are the rules every kind of a family shares.
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
    }
}
