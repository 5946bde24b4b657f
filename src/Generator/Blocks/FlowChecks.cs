using Gen.Generator.Diagnostics;
using Gen.Generator.Model;

namespace Gen.Generator.Blocks
{
    /// <summary>Flow rules more than one block definition applies.</summary>
    internal static class FlowChecks
    {
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
