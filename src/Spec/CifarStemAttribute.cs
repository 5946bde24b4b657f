using System;

namespace Gen
{
    /// <summary>
    /// The CIFAR stem of the NAM post (seed 002): 3x3/1 convolution, batch norm, ReLU and no
    /// pooling (keys <c>conv1</c>, <c>bn1</c>). Stages are then named <c>layer1</c>, <c>layer2</c>, ...
    /// </summary>
    /// <example>
    /// <code>
    /// [Backbone(Classes = 100, ImageSize = 32, Attention = AttentionKind.Nam)]
    /// [CifarStem(64)]
    /// [Stage(BlockKind.Basic, Depth = 2, Width = 64)]
    /// public partial class Tiny { }
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class CifarStemAttribute : Attribute
    {
        /// <summary>The stem's output channels unless given (64, as in torchvision and the NAM post).</summary>
        public const int DefaultChannels = 64;

        /// <summary>Creates the stem.</summary>
        /// <param name="channels">Output channels of the stem convolution.</param>
        public CifarStemAttribute(int channels = DefaultChannels) => Channels = channels;

        /// <summary>Output channels of the stem convolution.</summary>
        public int Channels { get; }
    }
}
