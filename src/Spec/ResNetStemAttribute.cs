using System;

namespace Gen
{
    /// <summary>
    /// The ImageNet ResNet stem: 7x7/2 convolution, batch norm, ReLU, 3x3/2 max-pool
    /// (keys <c>conv1</c>, <c>bn1</c>). Stages are then named <c>layer1</c>, <c>layer2</c>, ...
    /// </summary>
    /// <example>
    /// <code>
    /// [Backbone]
    /// [ResNetStem(64)]
    /// [Stage(BlockKind.Bottleneck, Depth = 3, Width = 256)]
    /// public partial class Tiny { }
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ResNetStemAttribute : Attribute
    {
        /// <summary>The stem's output channels unless given (64, as in torchvision and the NAM post).</summary>
        public const int DefaultChannels = 64;

        /// <summary>Creates the stem.</summary>
        /// <param name="channels">Output channels of the stem convolution (64 in torchvision).</param>
        public ResNetStemAttribute(int channels = DefaultChannels) => Channels = channels;

        /// <summary>Output channels of the stem convolution.</summary>
        public int Channels { get; }
    }
}
