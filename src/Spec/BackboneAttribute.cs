using System;

namespace Gen
{
    /// <summary>
    /// Declares a backbone: the generator writes the rest of this <c>partial</c> class as a
    /// <c>torch.nn.Module&lt;Tensor, Tensor&gt;</c>. Combine it with one stem attribute
    /// (<see cref="ResNetStemAttribute"/>, <see cref="CifarStemAttribute"/> or
    /// <see cref="ConvStemAttribute"/>) and either ordered <see cref="StageAttribute"/>s or one
    /// <see cref="LayoutAttribute"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// [Backbone(Classes = 1000, ImageSize = 224)]
    /// [ResNetStem(64)]
    /// [Stage(BlockKind.Bottleneck, Depth = 3, Width = 256)]
    /// [Stage(BlockKind.Bottleneck, Depth = 4, Width = 512)]
    /// [Stage(BlockKind.Bottleneck, Depth = 6, Width = 1024)]
    /// [Stage(BlockKind.Bottleneck, Depth = 3, Width = 2048)]
    /// public partial class ResNet50 { }
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class BackboneAttribute : Attribute
    {
        /// <summary>The input channels unless set.</summary>
        public const int DefaultInChannels = 3;

        /// <summary>The side of the square input image unless set.</summary>
        public const int DefaultImageSize = 224;

        /// <summary>The head's classes unless set.</summary>
        public const int DefaultClasses = 1000;

        /// <summary>The head unless set.</summary>
        public const HeadKind DefaultHead = HeadKind.Linear;

        /// <summary>The attention add-on unless set.</summary>
        public const AttentionKind DefaultAttention = AttentionKind.None;

        /// <summary>Input channels; <see cref="DefaultInChannels"/> (3) unless set.</summary>
        public int InChannels { get; set; } = DefaultInChannels;

        /// <summary>
        /// Side of the square input image the model is declared for; <see cref="DefaultImageSize"/> (224) unless set. Used for the
        /// stage shape table and by position-aware blocks (<see cref="BlockKind.Transformer"/>).
        /// </summary>
        public int ImageSize { get; set; } = DefaultImageSize;

        /// <summary>Input height when the image is not square; <see cref="ImageSize"/> unless set.</summary>
        public int ImageHeight { get; set; }

        /// <summary>Input width when the image is not square; <see cref="ImageSize"/> unless set.</summary>
        public int ImageWidth { get; set; }

        /// <summary>Number of classes of the head; <see cref="DefaultClasses"/> (1000) unless set. The generated constructor can override it.</summary>
        public int Classes { get; set; } = DefaultClasses;

        /// <summary>The head; <see cref="HeadKind.Linear"/> unless set.</summary>
        public HeadKind Head { get; set; } = DefaultHead;

        /// <summary>
        /// The attention add-on of every block whose stage does not set its own
        /// (<see cref="BlockOptionsAttribute.Attention"/>); <see cref="AttentionKind.None"/> unless set.
        /// </summary>
        public AttentionKind Attention { get; set; } = DefaultAttention;
    }
}
