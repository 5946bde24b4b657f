namespace Gen.Generator.Model
{
    /// <summary>Feature-map sizes through strided layers.</summary>
    internal static class FeatureSize
    {
        /// <summary>Output size of a 3x3/stride or 1x1/stride layer with "same" padding: <c>(size - 1) / stride + 1</c>.</summary>
        public static int Downsample(int size, int stride) => ((size - 1) / stride) + 1;
    }
}
