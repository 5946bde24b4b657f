using System;

namespace Gen
{
    /// <summary>
    /// The layout shorthand: one token per stage, separated by <c>-</c>, with the stages' depths
    /// and channels in arrays of the same length. Tokens: <c>C</c> (MBConv), <c>T</c>
    /// (relative-attention transformer), and the block names <c>Basic</c>, <c>B</c>/<c>Bottleneck</c>,
    /// <c>CoT</c>, <c>EPSA</c>, <c>MBConv</c>, <c>Transformer</c> (case-insensitive).
    /// Block options (<see cref="BlockOptionsAttribute"/>: <c>Expansion</c>, <c>KeyGroups</c>,
    /// <c>Heads</c>, ...) apply to every stage whose block kind reads them; otherwise each stage takes
    /// its kind's defaults. Use <see cref="StageAttribute"/>s for options that differ between stages.
    /// A class has either one layout or stage attributes, not both.
    /// </summary>
    /// <example>
    /// <code>
    /// [Backbone(Classes = 1000, ImageSize = 224, Head = HeadKind.LinearNoBias)]
    /// [ConvStem(64, Depth = 2)]
    /// [Layout("C-C-T-T", Depths = new[] { 2, 3, 5, 2 }, Widths = new[] { 96, 192, 384, 768 })]
    /// public partial class CoAtNet0 { }
    ///
    /// [Backbone] [ResNetStem(64)]                                   // seed 001: grouped CoT keys
    /// [Layout("CoT-CoT-CoT-CoT", Depths = new[] { 3, 4, 6, 3 }, Widths = new[] { 256, 512, 1024, 2048 }, KeyGroups = 4)]
    /// public partial class CoTNet50KeyGroups4 { }
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class LayoutAttribute : BlockOptionsAttribute
    {
        /// <summary>Creates the layout.</summary>
        /// <param name="layout">Block tokens separated by <c>-</c>, e.g. <c>"C-C-T-T"</c>.</param>
        public LayoutAttribute(string layout) => Layout = layout;

        /// <summary>The block tokens separated by <c>-</c>.</summary>
        public string Layout { get; }

        /// <summary>Depth of each stage.</summary>
        public int[]? Depths { get; set; }

        /// <summary>Channels of each stage (see <see cref="StageAttribute.Channels"/>); or give <see cref="Widths"/>.</summary>
        public int[]? Channels { get; set; }

        /// <summary>Output width of each stage, whatever its kind (see <see cref="StageAttribute.Width"/>); or give <see cref="Channels"/>.</summary>
        public int[]? Widths { get; set; }

        /// <summary>Optional stride of each stage's first block; the stage defaults unless set.</summary>
        public int[]? Strides { get; set; }
    }
}
