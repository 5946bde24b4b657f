using System;
using static TorchSharp.torch;

namespace Gen
{
    /// <summary>
    /// The memory layout Gen's backbones run in. libtorch picks its convolution, pooling and
    /// normalization kernels by the strides of their input: on a CPU its channels-last (NHWC)
    /// kernels are much faster than the NCHW ones for 1x1 and depthwise convolutions and max
    /// pooling (measured on libtorch 2.10: max pooling ~10x, a depthwise 3x3 ~2x), and every such
    /// op returns its output in its input's layout, so one conversion at the model's entrance
    /// carries through the network. The values and shapes are those of the NCHW tensor: only the
    /// order of the elements in memory differs.
    /// </summary>
    /// <remarks>
    /// TorchSharp 0.107 has no <c>memory_format</c> argument on <c>contiguous</c> or <c>to</c>; a
    /// permutation to N x H x W x C, made contiguous and permuted back, is the same tensor as
    /// PyTorch's <c>x.contiguous(memory_format=torch.channels_last)</c>. <c>view</c> on such a
    /// tensor fails where the NCHW strides are needed; <c>reshape</c> and <c>contiguous()</c> work.
    /// </remarks>
    public static class MemoryLayout
    {
        /// <summary>
        /// <paramref name="images"/> in channels-last memory layout: the same N x C x H x W values,
        /// stored with the channels innermost (no copy when they already are).
        /// </summary>
        /// <param name="images">A four-dimensional tensor, N x C x H x W.</param>
        /// <returns>A tensor of the same shape and values with strides (H*W*C, 1, W*C, C).</returns>
        /// <exception cref="ArgumentException">The tensor is not four-dimensional.</exception>
        public static Tensor ChannelsLast(Tensor images)
        {
            ArgumentNullException.ThrowIfNull(images);
            if (images.dim() != 4)
            {
                throw new ArgumentException($"channels-last layout is for N x C x H x W tensors, not [{string.Join(", ", images.shape)}].", nameof(images));
            }

            using var nhwc = images.permute(0, 2, 3, 1);
            using var packed = nhwc.contiguous();
            return packed.permute(0, 3, 1, 2);
        }

        /// <summary>Whether <paramref name="tensor"/> is a four-dimensional tensor stored channels-last.</summary>
        /// <param name="tensor">Any tensor.</param>
        /// <returns><see langword="true"/> when its strides are those <see cref="ChannelsLast"/> gives.</returns>
        public static bool IsChannelsLast(Tensor tensor)
        {
            ArgumentNullException.ThrowIfNull(tensor);
            if (tensor.dim() != 4)
            {
                return false;
            }

            long c = tensor.shape[1], h = tensor.shape[2], w = tensor.shape[3];
            var strides = tensor.stride();
            // a size-1 dimension's stride is arbitrary, as in libtorch's own check
            return (c == 1 || strides[1] == 1)
                && (w == 1 || strides[3] == c)
                && (h == 1 || strides[2] == w * c)
                && (tensor.shape[0] == 1 || strides[0] == h * w * c);
        }
    }
}
