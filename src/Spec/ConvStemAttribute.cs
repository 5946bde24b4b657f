using System;

namespace Gen
{
    /// <summary>
    /// CoAtNet's stem <c>s0</c>: <see cref="Depth"/> layers of 3x3 convolution + batch norm + GELU,
    /// the first with stride 2. Stages are then named <c>s1</c>, <c>s2</c>, ...
    /// </summary>
    /// <example>
    /// <code>
    /// [Backbone(Classes = 1000, ImageSize = 224, Head = HeadKind.LinearNoBias)]
    /// [ConvStem(64, Depth = 2)]
    /// [Layout("C-C-T-T", Depths = new[] { 2, 3, 5, 2 }, Widths = new[] { 96, 192, 384, 768 })]
    /// public partial class CoAtNet0 { }
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ConvStemAttribute : Attribute
    {
        /// <summary>The number of stem layers unless set (2, CoAtNet's s0).</summary>
        public const int DefaultDepth = 2;

        /// <summary>Creates the stem.</summary>
        /// <param name="channels">Output channels of every stem layer.</param>
        public ConvStemAttribute(int channels) => Channels = channels;

        /// <summary>Output channels of every stem layer.</summary>
        public int Channels { get; }

        /// <summary>Number of conv-BN-GELU layers; <see cref="DefaultDepth"/> unless set.</summary>
        public int Depth { get; set; } = DefaultDepth;
    }
}
