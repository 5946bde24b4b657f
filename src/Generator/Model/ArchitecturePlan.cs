using Gen.Generator.Model;

namespace Gen.Generator.Model
{
    /// <summary>
    /// A validated spec with every default applied and every block's widths and feature sizes
    /// worked out: the emitter's only input. <see cref="Counts"/> is what the model holds and computes,
    /// in total and per row of the shape table (null when a user-defined block makes it unknowable);
    /// the emitter only prints it.
    /// </summary>
    internal sealed record ArchitecturePlan(
        string Namespace,
        string ClassName,
        string Accessibility,
        int InChannels,
        int ImageHeight,
        int ImageWidth,
        int Classes,
        HeadKind Head,
        StemPlan Stem,
        EquatableArray<StagePlan> Stages,
        ModelCounts? Counts)
    {
        /// <summary>Channels of the last stage's output (the head's input).</summary>
        public int OutChannels => Stages.Count == 0 ? Stem.Channels : Stages[Stages.Count - 1].OutChannels;
    }

    /// <summary>The stem, resolved.</summary>
    /// <param name="Kind">Its stem kind.</param>
    /// <param name="InChannels">The image's channels.</param>
    /// <param name="Channels">Channels of its output.</param>
    /// <param name="Depth">Its layers (the conv stem's Depth; 1 otherwise).</param>
    /// <param name="Input">The declared image's size.</param>
    /// <param name="Output">Size of its output.</param>
    /// <param name="Stride">Its total stride.</param>
    internal sealed record StemPlan(StemKind Kind, int InChannels, int Channels, int Depth, FeatureSize Input, FeatureSize Output, int Stride);

    /// <summary>One stage, resolved.</summary>
    /// <param name="Number">1-based stage number.</param>
    /// <param name="FieldName">The field and state-dict name (<c>layer1</c>, <c>s1</c>...).</param>
    /// <param name="Blocks">Its blocks in order.</param>
    /// <param name="OutChannels">Channels of its output.</param>
    /// <param name="OutHeight">Height of its output at the declared image size.</param>
    /// <param name="OutWidth">Width of its output at the declared image size.</param>
    internal sealed record StagePlan(int Number, string FieldName, EquatableArray<BlockPlan> Blocks, int OutChannels, int OutHeight, int OutWidth);

    /// <summary>One block, with every constructor argument resolved.</summary>
    /// <param name="Kind">Its block kind.</param>
    /// <param name="InChannels">Channels into it.</param>
    /// <param name="Stride">Its own stride (the stage's for the first block, 1 after).</param>
    /// <param name="HeadDim">Dimensions per attention head (HeadDim = -1 resolved against its input).</param>
    /// <param name="Input">Size of its input at the declared image size.</param>
    /// <param name="Output">Size of its output at the declared image size.</param>
    /// <param name="CustomType">The user-defined block type, for a custom block.</param>
    /// <param name="Options">Its stage's options, every one resolved.</param>
    internal sealed record BlockPlan(
        BlockKind Kind,
        int InChannels,
        int Stride,
        int HeadDim,
        FeatureSize Input,
        FeatureSize Output,
        string? CustomType,
        StageOptions Options);
}
