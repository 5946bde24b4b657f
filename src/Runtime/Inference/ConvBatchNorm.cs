using System;
using System.Collections.Generic;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gen.Inference
{
    /// <summary>
    /// The <c>Sequential(conv, BN, ...)</c> shape that Gen's blocks and generated stems share: keys
    /// <c>0</c> (the convolution), <c>1</c> (its <see cref="FoldableBatchNorm2d"/>), then <c>2</c>,
    /// <c>3</c>... for the modules after them, as PyTorch's <c>nn.Sequential(conv, nn.BatchNorm2d(c), ...)</c>.
    /// </summary>
    public static class ConvBatchNorm
    {
        /// <summary>
        /// <c>Sequential(conv, FoldableBatchNorm2d(conv), then...)</c>, keyed <c>0</c>, <c>1</c>, <c>2</c>...
        /// </summary>
        /// <param name="conv">The convolution (key <c>0</c>).</param>
        /// <param name="then">The modules after the batch norm (keys <c>2</c>, <c>3</c>...), e.g. an activation.</param>
        public static Sequential Sequential(Conv2d conv, params nn.Module<Tensor, Tensor>[] then)
        {
            if (then is null) throw new ArgumentNullException(nameof(then));
            var modules = new List<nn.Module<Tensor, Tensor>>(then.Length + 2) { conv, new FoldableBatchNorm2d(conv) };
            modules.AddRange(then);
            return nn.Sequential(modules);
        }
    }
}
