using System;
using TorchSharp.Interop;
using TorchSharp.Modules;

namespace TorchSharp
{
    /// <summary>How convolutions pad their input.</summary>
    public enum PaddingModes
    {
        /// <summary>Zero padding.</summary>
        Zeros = 0,
        /// <summary>Reflection of the input at the border.</summary>
        Reflect = 1,
        /// <summary>Replication of the border value.</summary>
        Replicate = 2,
        /// <summary>Circular (wrap-around) padding.</summary>
        Circular = 3,
        /// <summary>A constant value.</summary>
        Constant = 4,
    }

    /// <summary>Symbolic convolution padding.</summary>
    public enum Padding
    {
        /// <summary>No padding.</summary>
        Valid = 0,
        /// <summary>Pad so that the output has the input's size (stride 1).</summary>
        Same = 1,
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>How a loss reduces over the batch. Values equal ATen's reduction codes.</summary>
            public enum Reduction : long
            {
                /// <summary>No reduction: one loss per element.</summary>
                None = 0,
                /// <summary>The mean.</summary>
                Mean = 1,
                /// <summary>The sum.</summary>
                Sum = 2,
            }

            /// <summary>Stateless neural-network operations.</summary>
            public static partial class functional
            {
                internal static long[] Pair(long v) => new[] { v, v };
                internal static long[] Pair((long, long) v) => new[] { v.Item1, v.Item2 };

                /// <summary>max(x, 0).</summary>
                public static Tensor relu(Tensor x, bool inplace = false)
                {
                    if (!inplace) return Ops.Tensor("aten::relu", "", x);
                    Ops.Run("aten::relu_", "", x);
                    return x.alias();
                }

                /// <summary>The exact (erf) GELU, optionally in place.</summary>
                public static Tensor gelu(Tensor x, bool inplace) => gelu(x, Modules.GELU.Approximate.none, inplace);

                /// <summary>GELU with the given approximation ("none" = erf, "tanh").</summary>
                public static Tensor gelu(Tensor x, GELU.Approximate approximate, bool inplace = false)
                {
                    var mode = approximate == Modules.GELU.Approximate.tanh ? "tanh" : "none";
                    if (!inplace) return Ops.Tensor("aten::gelu", "", x, mode);
                    Ops.Run("aten::gelu_", "", x, mode);
                    return x.alias();
                }

                /// <summary>The exact (erf) GELU.</summary>
                public static Tensor gelu(Tensor x) => gelu(x, Modules.GELU.Approximate.none, false);

                /// <summary>x * sigmoid(x).</summary>
                public static Tensor silu(Tensor x, bool inplace = false)
                {
                    if (!inplace) return Ops.Tensor("aten::silu", "", x);
                    Ops.Run("aten::silu_", "", x);
                    return x.alias();
                }

                /// <summary>The logistic function, optionally in place.</summary>
                public static Tensor sigmoid(Tensor x, bool inplace)
                {
                    if (!inplace) return Ops.Tensor("aten::sigmoid", "", x);
                    Ops.Run("aten::sigmoid_", "", x);
                    return x.alias();
                }

                /// <summary>The logistic function.</summary>
                public static Tensor sigmoid(Tensor x) => sigmoid(x, false);

                /// <summary>Softmax along <paramref name="dim"/>.</summary>
                public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) =>
                    Ops.Tensor("aten::softmax", "int", input, dim, dtype.HasValue ? dtype.Value : null);

                /// <summary>2-D average pooling.</summary>
                public static Tensor avg_pool2d(Tensor input, long[] kernel_size, long[] stride = null!, long[] padding = null!, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) =>
                    Ops.Tensor("aten::avg_pool2d", "", input, kernel_size, stride ?? kernel_size, padding ?? new long[] { 0 }, ceil_mode, count_include_pad, divisor_override);

                /// <summary>2-D average pooling with a square window.</summary>
                public static unsafe Tensor avg_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) =>
                    avg_pool2d(input, Pair(kernel_size), Pair(stride ?? kernel_size), Pair(padding), ceil_mode, count_include_pad, divisor_override);

                /// <summary>2-D average pooling.</summary>
                public static unsafe Tensor avg_pool2d(Tensor input, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) =>
                    avg_pool2d(input, Pair(kernel_size), Pair(stride ?? kernel_size), Pair(padding ?? (0, 0)), ceil_mode, count_include_pad, divisor_override);

                /// <summary>2-D max pooling.</summary>
                public static Tensor max_pool2d(Tensor input, long[] kernel_size, long[] strides = null!, long[] padding = null!, long[] dilation = null!, bool ceil_mode = false) =>
                    Ops.Tensor("aten::max_pool2d", "", input, kernel_size, strides ?? kernel_size, padding ?? new long[] { 0 }, dilation ?? new long[] { 1 }, ceil_mode);

                /// <summary>2-D max pooling with a square window.</summary>
                public static unsafe Tensor max_pool2d(Tensor input, long kernel_size, long? stride = null, long? padding = null, long? dilation = null, bool ceil_mode = false) =>
                    max_pool2d(input, Pair(kernel_size), Pair(stride ?? kernel_size), Pair(padding ?? 0), Pair(dilation ?? 1), ceil_mode);

                /// <summary>2-D max pooling.</summary>
                public static unsafe Tensor max_pool2d(Tensor input, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, (long, long)? dilation = null, bool ceil_mode = false) =>
                    max_pool2d(input, Pair(kernel_size), Pair(stride ?? kernel_size), Pair(padding ?? (0, 0)), Pair(dilation ?? (1, 1)), ceil_mode);

                /// <summary>2-D max pooling returning the values and the flat indices of the maxima.</summary>
                internal static (Tensor Values, Tensor Indices) max_pool2d_with_indices(Tensor input, long[] kernel_size, long[]? strides, long[]? padding, long[]? dilation, bool ceil_mode)
                {
                    var r = Ops.Tensors("aten::max_pool2d_with_indices", "", input, kernel_size, strides ?? kernel_size, padding ?? new long[] { 0 }, dilation ?? new long[] { 1 }, ceil_mode);
                    return (r[0], r[1]);
                }

                /// <summary>2-D adaptive average pooling to <paramref name="output_size"/>.</summary>
                public static Tensor adaptive_avg_pool2d(Tensor input, long[] output_size) =>
                    Ops.Tensor("aten::adaptive_avg_pool2d", "", input, output_size);

                /// <summary>2-D adaptive average pooling.</summary>
                public static unsafe Tensor adaptive_avg_pool2d(Tensor input, (long, long) output_size) => adaptive_avg_pool2d(input, Pair(output_size));

                /// <summary>2-D adaptive average pooling to a square output.</summary>
                public static unsafe Tensor adaptive_avg_pool2d(Tensor input, long output_size) => adaptive_avg_pool2d(input, Pair(output_size));

                /// <summary>2-D convolution.</summary>
                public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, long[]? padding = null, long[]? dilation = null, long groups = 1) =>
                    Ops.Tensor("aten::conv2d", "", input, weight, bias, strides ?? new long[] { 1 }, padding ?? new long[] { 0 }, dilation ?? new long[] { 1 }, groups);

                /// <summary>2-D convolution with symbolic padding ("valid" or "same").</summary>
                public static Tensor conv2d_padding(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, Padding padding = Padding.Valid, long[]? dilation = null, long groups = 1) =>
                    Ops.Tensor("aten::conv2d", "padding", input, weight, bias, strides ?? new long[] { 1 }, padding == Padding.Same ? "same" : "valid", dilation ?? new long[] { 1 }, groups);

                /// <summary>x W^T + b.</summary>
                public static Tensor linear(Tensor input, Tensor weights, Tensor? bias = null) => Ops.Tensor("aten::linear", "", input, weights, bias);

                /// <summary>Layer normalization over the trailing <paramref name="normalized_shape"/> dimensions.</summary>
                public static Tensor layer_norm(Tensor input, long[] normalized_shape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5) =>
                    Ops.Tensor("aten::layer_norm", "", input, normalized_shape, weight, bias, eps, true);

                /// <summary>Batch normalization; in training mode the running statistics (if given) are updated in place.</summary>
                public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null, Tensor? bias = null, bool training = false, double momentum = 0.1, double eps = 1e-5) =>
                    Ops.Tensor("aten::batch_norm", "", input, weight, bias, running_mean, running_var, training, momentum, eps, true);

                /// <summary>Zeroes elements with probability <paramref name="p"/> and scales the rest by 1/(1-p) when training.</summary>
                public static Tensor dropout(Tensor input, double p = 0.5, bool training = true, bool inplace = false)
                {
                    if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), $"dropout probability has to be between 0 and 1, but got {p}");
                    if (!inplace) return Ops.Tensor("aten::dropout", "", input, p, training);
                    Ops.Run("aten::dropout_", "", input, p, training);
                    return input.alias();
                }

                /// <summary>Cross entropy between logits and class indices (or class probabilities).</summary>
                public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean, double label_smoothing = 0.0) =>
                    Ops.Tensor("aten::cross_entropy_loss", "", input, target, weight, (long)reduction, ignore_index, label_smoothing);
            }
        }
    }
}
