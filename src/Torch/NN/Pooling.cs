using System;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>2-D max pooling.</summary>
    public sealed class MaxPool2d : ParameterLessModule<Tensor, Tensor>
    {
        internal MaxPool2d(long[] kernel_size, long[]? stride, long[]? padding, long[]? dilation, bool ceil_mode) : base(nameof(MaxPool2d))
        {
            this.kernel_size = kernel_size;
            this.stride = stride ?? kernel_size;
            this.padding = padding ?? new long[] { 0, 0 };
            this.dilation = dilation ?? new long[] { 1, 1 };
            this.ceil_mode = ceil_mode;
        }

        /// <summary>Pools the input.</summary>
        public override Tensor forward(Tensor input) => nn.functional.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode);

        /// <summary>Pools the input and returns the flat indices of the maxima as well.</summary>
        public (Tensor Values, Tensor Indices) forward_with_indices(Tensor input) =>
            nn.functional.max_pool2d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode);

        /// <summary>Window size.</summary>
        public long[] kernel_size { get; set; }
        /// <summary>Stride (defaults to the window size).</summary>
        public long[] stride { get; set; }
        /// <summary>Implicit negative-infinity padding.</summary>
        public long[] padding { get; set; }
        /// <summary>Spacing between window elements.</summary>
        public long[] dilation { get; set; }
        /// <summary>Whether output sizes round up.</summary>
        public bool ceil_mode { get; set; }
    }

    /// <summary>2-D average pooling.</summary>
    public sealed class AvgPool2d : ParameterLessModule<Tensor, Tensor>
    {
        internal AvgPool2d(long[] kernel_size, long[]? stride, long[]? padding, bool ceil_mode, bool count_include_pad, long? divisor_override) : base(nameof(AvgPool2d))
        {
            this.kernel_size = kernel_size;
            this.stride = stride ?? kernel_size;
            this.padding = padding ?? new long[] { 0, 0 };
            this.ceil_mode = ceil_mode;
            this.count_include_pad = count_include_pad;
            this.divisor_override = divisor_override;
        }

        /// <summary>Pools the input.</summary>
        public override Tensor forward(Tensor input) =>
            nn.functional.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override);

        /// <summary>Window size.</summary>
        public long[] kernel_size { get; set; }
        /// <summary>Stride (defaults to the window size).</summary>
        public long[] stride { get; set; }
        /// <summary>Implicit zero padding.</summary>
        public long[] padding { get; set; }
        /// <summary>Whether output sizes round up.</summary>
        public bool ceil_mode { get; set; }
        /// <summary>Whether the padding counts in the average.</summary>
        public bool count_include_pad { get; set; }
        /// <summary>A fixed divisor, if set.</summary>
        public long? divisor_override { get; set; }
    }

    /// <summary>2-D adaptive average pooling to a fixed output size.</summary>
    public sealed class AdaptiveAvgPool2d : ParameterLessModule<Tensor, Tensor>
    {
        internal AdaptiveAvgPool2d(long[] output_size) : base(nameof(AdaptiveAvgPool2d)) => this.output_size = output_size;

        /// <summary>Pools the input to <see cref="output_size"/>.</summary>
        public override Tensor forward(Tensor input) => nn.functional.adaptive_avg_pool2d(input, output_size);

        /// <summary>The output's spatial size.</summary>
        public long[] output_size { get; set; }
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            private static long[] Two(long v) => new[] { v, v };
            private static long[] Two((long, long) v) => new[] { v.Item1, v.Item2 };

            /// <summary>2-D max pooling with a square window.</summary>
            public static MaxPool2d MaxPool2d(long kernel_size, long? stride = null, long? padding = null, long? dilation = null, bool ceil_mode = false) =>
                new MaxPool2d(Two(kernel_size), stride.HasValue ? Two(stride.Value) : null, padding.HasValue ? Two(padding.Value) : null, dilation.HasValue ? Two(dilation.Value) : null, ceil_mode);

            /// <summary>2-D max pooling.</summary>
            public static unsafe MaxPool2d MaxPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, (long, long)? dilation = null, bool ceil_mode = false) =>
                new MaxPool2d(Two(kernel_size), stride.HasValue ? Two(stride.Value) : null, padding.HasValue ? Two(padding.Value) : null, dilation.HasValue ? Two(dilation.Value) : null, ceil_mode);

            /// <summary>2-D max pooling.</summary>
            public static MaxPool2d MaxPool2d(long[] kernel_size, long[] stride = null!, long[] padding = null!, long[] dilation = null!, bool ceil_mode = false) =>
                new MaxPool2d(kernel_size, stride, padding, dilation, ceil_mode);

            /// <summary>2-D average pooling.</summary>
            public static AvgPool2d AvgPool2d(long[] kernel_size, long[] stride = null!, long[] padding = null!, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) =>
                new AvgPool2d(kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override);

            /// <summary>2-D average pooling.</summary>
            public static unsafe AvgPool2d AvgPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) =>
                new AvgPool2d(Two(kernel_size), stride.HasValue ? Two(stride.Value) : null, padding.HasValue ? Two(padding.Value) : null, ceil_mode, count_include_pad, divisor_override);

            /// <summary>2-D average pooling with a square window.</summary>
            public static AvgPool2d AvgPool2d(long kernel_size, long? stride = null, long? padding = null, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) =>
                new AvgPool2d(Two(kernel_size), stride.HasValue ? Two(stride.Value) : null, padding.HasValue ? Two(padding.Value) : null, ceil_mode, count_include_pad, divisor_override);

            /// <summary>2-D adaptive average pooling.</summary>
            public static unsafe AdaptiveAvgPool2d AdaptiveAvgPool2d(long[] output_size) => new AdaptiveAvgPool2d(output_size);

            /// <summary>2-D adaptive average pooling.</summary>
            public static unsafe AdaptiveAvgPool2d AdaptiveAvgPool2d((long, long) output_size) => new AdaptiveAvgPool2d(Two(output_size));

            /// <summary>2-D adaptive average pooling to a square output.</summary>
            public static unsafe AdaptiveAvgPool2d AdaptiveAvgPool2d(long output_size) => new AdaptiveAvgPool2d(Two(output_size));
        }
    }
}
