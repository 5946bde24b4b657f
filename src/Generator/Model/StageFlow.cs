namespace Gen.Generator.Model
{
    /// <summary>A stage as the flow rules see it: its draft, the widths flowing in and out, and the stride before its output.</summary>
    /// <param name="Stage">The stage, with its kind's defaults applied.</param>
    /// <param name="InChannels">Channels into its first block.</param>
    /// <param name="OutChannels">Channels out of every block.</param>
    /// <param name="TotalStride">The stem's and every stage's stride up to and including this one.</param>
    /// <param name="Image">The declared input.</param>
    internal sealed record StageFlow(StageDraft Stage, int InChannels, int OutChannels, long TotalStride, ImageSpec Image);
}
