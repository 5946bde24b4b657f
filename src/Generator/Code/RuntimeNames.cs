namespace Gen.Generator.Code
{
    /// <summary>
    /// The Gen.Runtime names that emitted code uses besides the blocks (which their definitions name),
    /// each written from <c>global::</c> as <see cref="TorchNames"/> are.
    /// </summary>
    internal static class RuntimeNames
    {
        /// <summary>The batch norm that follows a named convolution and folds into it for deployment.</summary>
        public const string FoldableBatchNorm2d = "global::Gen.Inference.FoldableBatchNorm2d";

        /// <summary><c>Sequential(conv, FoldableBatchNorm2d(conv), then...)</c>, keyed 0, 1, 2...</summary>
        public const string ConvBatchNormSequential = "global::Gen.Inference.ConvBatchNorm.Sequential";

        /// <summary>The conversion of a backbone's input to channels-last memory layout (<c>Gen.MemoryLayout</c>).</summary>
        public const string ChannelsLast = "global::Gen.MemoryLayout.ChannelsLast";
    }
}
