namespace Gen.Generator.Model
{
    /// <summary>
    /// The height and width of a feature map at the declared image size, and how sizes go through
    /// strided layers. A linear layer's size is that of the map its tokens come from (one token per
    /// position), or <see cref="Vector"/> for a pooled vector.
    /// </summary>
    /// <param name="Height">Rows of the map.</param>
    /// <param name="Width">Columns of the map.</param>
    internal readonly record struct FeatureSize(int Height, int Width)
    {
        /// <summary>One position: a pooled vector (a head's or a squeeze-excitation's input), one token per image.</summary>
        public static FeatureSize Vector => new FeatureSize(1, 1);

        /// <summary>Positions of the map, <c>Height x Width</c>.</summary>
        public long Positions => checked((long)Height * Width);

        /// <summary>Output size of a 3x3/stride or 1x1/stride layer with "same" padding: <c>(size - 1) / stride + 1</c>.</summary>
        public static int Downsample(int size, int stride) => ((size - 1) / stride) + 1;

        /// <summary>This map through a "same"-padded layer of stride <paramref name="stride"/>.</summary>
        public FeatureSize Downsample(int stride) => new FeatureSize(Downsample(Height, stride), Downsample(Width, stride));
    }
}
