using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Gen
{
    /// <summary>
    /// One stage of the backbone: <see cref="Depth"/> blocks of one kind. Stages run in the order
    /// their attributes are written. Only the options that apply to the block kind are read.
    /// </summary>
    /// <example>
    /// <code>
    /// [Stage(BlockKind.Bottleneck, Depth = 3, Channels = 64)]                    // torchvision layer1
    /// [Stage(BlockKind.CoTBottleneck, Depth = 4, Channels = 128, KeyGroups = 4)] // seed 001's CoT
    /// [Stage(BlockKind.EPSABottleneck, Depth = 6, Channels = 256, Attention = AttentionKind.None)]
    /// [Stage(BlockKind.Transformer, Depth = 2, Channels = 768, Heads = 8, HeadDim = 32)]
    /// [Stage(typeof(MyBlock), Depth = 2, Channels = 256, Stride = 2)]            // a user-defined block
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class StageAttribute : Attribute
    {
        /// <summary>Bottleneck (and MBConv) expansion unless set.</summary>
        public const int DefaultExpansion = 4;

        /// <summary>CoT kernel size unless set.</summary>
        public const int DefaultKernelSize = 3;

        /// <summary>CoT key-convolution groups unless set (seed 000).</summary>
        public const int DefaultKeyGroups = 1;

        /// <summary>Transformer heads unless set (coatnet-pytorch).</summary>
        public const int DefaultHeads = 8;

        /// <summary>Transformer dimensions per head unless set (coatnet-pytorch).</summary>
        public const int DefaultHeadDim = 32;

        /// <summary><see cref="HeadDim"/> value that splits the input channels across the heads (ViT style).</summary>
        public const int HeadDimFromChannels = -1;

        private static readonly ReadOnlyCollection<int> PsaKernels = Array.AsReadOnly(new[] { 3, 5, 7, 9 });

        private static readonly ReadOnlyCollection<int> PsaGroups = Array.AsReadOnly(new[] { 1, 4, 8, 16 });

        /// <summary>PSA branch kernels unless set (seed 003).</summary>
        public static IReadOnlyList<int> DefaultKernels => PsaKernels;

        /// <summary>PSA branch groups unless set (seed 003).</summary>
        public static IReadOnlyList<int> DefaultGroups => PsaGroups;

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
        /// Stride of the stage's first block (1 or 2). Unless set: 2, except the first stage of
        /// ResNet-style blocks (basic, bottleneck, CoT, EPSA, user-defined), which keeps stride 1
        /// as torchvision does. MBConv and transformer stages downsample with stride 2 and need
        /// input channels equal to <see cref="Channels"/> at stride 1.
        /// </summary>
        public int Stride { get; set; }

        /// <summary>Bottleneck expansion (default 4), or MBConv's hidden-width expansion (default 4).</summary>
        public int Expansion { get; set; }

        /// <summary>PSA branch kernel sizes (EPSA); <c>{ 3, 5, 7, 9 }</c> unless set.</summary>
        public int[]? Kernels { get; set; }

        /// <summary>PSA branch convolution groups (EPSA); <c>{ 1, 4, 8, 16 }</c> unless set.</summary>
        public int[]? Groups { get; set; }

        /// <summary>CoT key/attention kernel size (odd); 3 unless set.</summary>
        public int KernelSize { get; set; }

        /// <summary>Groups of the CoT key convolution; 1 (seed 000) unless set, 4 in seed 001.</summary>
        public int KeyGroups { get; set; }

        /// <summary>Transformer attention heads; 8 unless set.</summary>
        public int Heads { get; set; }

        /// <summary>
        /// Transformer dimension per head; 32 unless set (coatnet-pytorch: the attention width
        /// <c>Heads * HeadDim</c> is independent of <see cref="Channels"/>). Set it to -1 to use
        /// <c>input channels / Heads</c> (ViT style), which must divide evenly.
        /// </summary>
        public int HeadDim { get; set; }

        /// <summary>Dropout of the transformer's attention output and feed-forward; 0 unless set.</summary>
        public double Dropout { get; set; }

        /// <summary>Stochastic-depth rate of the residual branch (ResNet-style blocks), in [0, 1).</summary>
        public double DropPath { get; set; }

        /// <summary>
        /// This stage's attention add-on. Unless set, the backbone's
        /// <see cref="BackboneAttribute.Attention"/>; set <see cref="AttentionKind.None"/> to turn it off here.
        /// Applies to ResNet-style blocks.
        /// </summary>
        public AttentionKind Attention { get; set; }
    }
}
