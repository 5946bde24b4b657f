using System;

namespace Gen
{
    /// <summary>
    /// One stage of the backbone: <see cref="Depth"/> blocks of one kind. Stages run in the order
    /// their attributes are written. Only the options (<see cref="BlockOptionsAttribute"/>) that
    /// apply to the block kind are read.
    /// </summary>
    /// <example>
    /// <code>
    /// [Stage(BlockKind.Bottleneck, Depth = 3, Width = 256)]                    // torchvision layer1
    /// [Stage(BlockKind.CoTBottleneck, Depth = 4, Width = 512, KeyGroups = 4)] // seed 001's CoT
    /// [Stage(BlockKind.EPSABottleneck, Depth = 6, Width = 1024, Attention = AttentionKind.None)]
    /// [Stage(BlockKind.Transformer, Depth = 2, Width = 768, Heads = 8, HeadDim = 32)]
    /// [Stage(typeof(MyBlock), Depth = 2, Channels = 256, Stride = 2)]            // a user-defined block
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class StageAttribute : BlockOptionsAttribute
    {
        /// <summary>A stage of one of Gen's block kinds.</summary>
        /// <param name="block">The block kind.</param>
        public StageAttribute(BlockKind block) => Block = block;

        /// <summary>
        /// A stage of a user-defined block: a <c>torch.nn.Module&lt;Tensor, Tensor&gt;</c> with a public
        /// constructor <c>(long inChannels, long outChannels, long stride)</c> (further parameters must
        /// be optional). The generator checks the type at compile time.
        /// </summary>
        /// <param name="blockType">The block type.</param>
        public StageAttribute(Type blockType)
        {
            Block = BlockKind.Custom;
            BlockType = blockType;
        }

        /// <summary>The block kind (<see cref="BlockKind.Custom"/> for a user-defined block).</summary>
        public BlockKind Block { get; }

        /// <summary>The user-defined block type, or null.</summary>
        public Type? BlockType { get; }

        /// <summary>Number of blocks; at least 1.</summary>
        public int Depth { get; set; }

        /// <summary>
        /// Bottleneck width for <see cref="BlockKind.Bottleneck"/>, <see cref="BlockKind.CoTBottleneck"/>
        /// and <see cref="BlockKind.EPSABottleneck"/> (the stage outputs <c>Channels * Expansion</c>);
        /// output channels for every other kind.
        /// </summary>
        public int Channels { get; set; }

        /// <summary>
        /// Output width of every block of the stage, whatever its kind (timm's <c>out_chs</c>): for
        /// a bottleneck kind the bottleneck width is <c>Width / Expansion</c>. Give <c>Width</c> or
        /// <see cref="Channels"/>, not both (GEN0038).
        /// </summary>
        public int Width { get; set; }

        /// <summary>
        /// Stride of the stage's first block (1 or 2). Unless set: 2, except the first stage of
        /// ResNet-style blocks (basic, bottleneck, CoT, EPSA, user-defined), which keeps stride 1
        /// as torchvision does. MBConv and transformer stages downsample with stride 2 and need
        /// input channels equal to <see cref="Channels"/> at stride 1.
        /// </summary>
        public int Stride { get; set; }
    }
}
