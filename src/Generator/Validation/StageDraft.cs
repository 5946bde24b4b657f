using System;
using Gen.Generator.Model;

namespace Gen.Generator.Validation
{
    /// <summary>
    /// One stage with its kind's defaults applied, whether it came from a <c>[Stage]</c> or from a
    /// <c>[Layout]</c> token, and a way to find where each option is written.
    /// </summary>
    internal sealed class StageDraft
    {
        /// <summary>1-based stage number.</summary>
        public int Number { get; set; }

        /// <summary>"Stage 2 (layer2)" for messages.</summary>
        public string Label { get; set; } = string.Empty;

        /// <summary>Block kind.</summary>
        public BlockKind Kind { get; set; }

        /// <summary>The custom block type, for <see cref="BlockKind.Custom"/>.</summary>
        public CustomBlockInfo? Custom { get; set; }

        /// <summary>Number of blocks.</summary>
        public int Depth { get; set; }

        /// <summary>Channels (bottleneck width or output width).</summary>
        public int Channels { get; set; }

        /// <summary>First block's stride.</summary>
        public int Stride { get; set; }

        /// <summary>Expansion.</summary>
        public int Expansion { get; set; }

        /// <summary>PSA kernels.</summary>
        public EquatableArray<int> Kernels { get; set; }

        /// <summary>PSA groups.</summary>
        public EquatableArray<int> Groups { get; set; }

        /// <summary>CoT kernel size.</summary>
        public int KernelSize { get; set; }

        /// <summary>CoT key-conv groups.</summary>
        public int KeyGroups { get; set; }

        /// <summary>Attention heads.</summary>
        public int Heads { get; set; }

        /// <summary>Dimensions per head; -1 for input channels / heads.</summary>
        public int HeadDim { get; set; }

        /// <summary>Transformer dropout.</summary>
        public double Dropout { get; set; }

        /// <summary>Stochastic-depth rate.</summary>
        public double DropPath { get; set; }

        /// <summary>Attention add-on.</summary>
        public AttentionKind Attention { get; set; }

        /// <summary>Finds where an option (by property name, e.g. <c>Channels</c>, <c>Groups[2]</c>) is written.</summary>
        public Func<string, SourceLocation> Where { get; set; } = _ => new SourceLocation(string.Empty, default, default);
    }
}
