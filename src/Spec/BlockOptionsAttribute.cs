using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Gen
{
    /// <summary>
    /// The block options a <see cref="StageAttribute"/> sets for its stage, and a
    /// <see cref="LayoutAttribute"/> for every stage of the layout whose block kind reads them (as
    /// timm's byobnet block configs do): expansion, PSA kernels and groups, CoT kernel and key
    /// groups, heads and head width, dropout, drop path, attention add-on. An option no stage reads
    /// is a warning (GEN0019). Each default is written here once.
    /// </summary>
    public abstract class BlockOptionsAttribute : Attribute
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
        /// <c>Heads * HeadDim</c> is independent of <c>Channels</c>). Set it to -1 to use
        /// <c>input channels / Heads</c> (ViT style), which must divide evenly.
        /// </summary>
        public int HeadDim { get; set; }

        /// <summary>Dropout of the transformer's attention output and feed-forward; 0 unless set.</summary>
        public double Dropout { get; set; }

        /// <summary>Stochastic-depth rate of the residual branch (ResNet-style blocks), in [0, 1).</summary>
        public double DropPath { get; set; }

        /// <summary>
        /// The stage's (or the layout's stages') attention add-on. Unless set, the backbone's
        /// <see cref="BackboneAttribute.Attention"/>; set <see cref="AttentionKind.None"/> to turn it off there.
        /// Applies to ResNet-style blocks.
        /// </summary>
        public AttentionKind Attention { get; set; }
    }
}
