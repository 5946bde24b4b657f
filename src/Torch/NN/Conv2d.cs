using System;
using System.Linq;
using TorchSharp.Interop;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>The base of the convolution modules: weight, bias and the geometry.</summary>
    public abstract class Convolution : nn.Module<Tensor, Tensor>
    {
        /// <summary>Sets up the geometry and creates (and initializes) the weight and bias.</summary>
        protected Convolution(string name, long in_channels, long out_channels, long[] kernel_size, long[] stride, long[]? padding, Padding? padding_type,
            long[] dilation, bool transposed, long[] output_padding, long groups, bool bias, PaddingModes padding_mode, Device? device = null, ScalarType? dtype = null)
            : base(name)
        {
            if (groups <= 0) throw new ArgumentException("groups must be a positive integer");
            if (in_channels % groups != 0) throw new ArgumentException("in_channels must be divisible by groups");
            if (out_channels % groups != 0) throw new ArgumentException("out_channels must be divisible by groups");
            this.in_channels = in_channels;
            this.out_channels = out_channels;
            this.kernel_size = kernel_size;
            this.stride = stride;
            this.padding = padding;
            this.padding_type = padding_type;
            this.dilation = dilation;
            this.transposed = transposed;
            this.output_padding = output_padding;
            this.groups = groups;
            this.padding_mode = padding_mode;
            var shape = transposed
                ? new[] { in_channels, out_channels / groups }.Concat(kernel_size).ToArray()
                : new[] { out_channels, in_channels / groups }.Concat(kernel_size).ToArray();
            weight = new Parameter(NNHelpers.Empty(shape, dtype, device));
            if (bias) this.bias = new Parameter(NNHelpers.Empty(new[] { out_channels }, dtype, device));
            reset_parameters();
        }

        /// <summary>PyTorch's default: kaiming_uniform_(a = sqrt(5)) for the weight, U(±1/sqrt(fan_in)) for the bias.</summary>
        public void reset_parameters()
        {
            nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
            if (_bias is not null)
            {
                var (fanIn, _) = nn.init.CalculateFanInAndFanOut(weight);
                if (fanIn != 0)
                {
                    var bound = 1 / Math.Sqrt(fanIn);
                    nn.init.uniform_(_bias, -bound, bound);
                }
            }
        }

        /// <summary>Sets explicit padding.</summary>
        public void SetPadding(long[] padding)
        {
            this.padding = padding;
            padding_type = null;
        }

        /// <summary>Sets symbolic padding.</summary>
        public void SetPadding(Padding padding)
        {
            padding_type = padding;
            this.padding = null;
        }

        /// <summary>Disposes the weight and bias.</summary>
        protected override void Dispose(bool disposing)
        {
            _weight?.Dispose();
            _bias?.Dispose();
        }

        /// <summary>The bias [out_channels], or null.</summary>
        public Parameter? bias
        {
            get => _bias;
            set
            {
                if (ReferenceEquals(value, _bias)) return;
                _bias?.Dispose();
                _bias = (Parameter?)value?.DetachFromDisposeScope();
                ConditionallyRegisterParameter(nameof(bias), _bias);
            }
        }

        /// <summary>The weight [out_channels, in_channels / groups, kH, kW].</summary>
        public Parameter weight
        {
            get => _weight!;
            set
            {
                if (value is null) throw new ArgumentNullException(nameof(weight));
                if (ReferenceEquals(value, _weight)) return;
                _weight?.Dispose();
                _weight = (Parameter)value.DetachFromDisposeScope();
                ConditionallyRegisterParameter(nameof(weight), _weight);
            }
        }

        /// <summary>The bias field.</summary>
        [ComponentName(Name = nameof(bias))]
        protected Parameter? _bias;
        /// <summary>The weight field.</summary>
        [ComponentName(Name = nameof(weight))]
        protected Parameter? _weight;

        /// <summary>Input channels.</summary>
        public long in_channels { get; }
        /// <summary>Output channels.</summary>
        public long out_channels { get; }
        /// <summary>True for transposed convolutions.</summary>
        public bool transposed { get; }
        /// <summary>Symbolic padding, when set.</summary>
        public Padding? padding_type { get; private set; }
        /// <summary>Explicit padding, when set.</summary>
        public long[]? padding { get; private set; }
        /// <summary>How the input is padded.</summary>
        public PaddingModes padding_mode { get; set; }
        /// <summary>Channel groups.</summary>
        public long groups { get; set; }
        /// <summary>Kernel size.</summary>
        public long[] kernel_size { get; set; }
        /// <summary>Stride.</summary>
        public long[] stride { get; set; }
        /// <summary>Dilation.</summary>
        public long[] dilation { get; set; }
        /// <summary>Output padding (transposed convolutions).</summary>
        public long[] output_padding { get; set; }
    }

    /// <summary>2-D convolution.</summary>
    public sealed class Conv2d : Convolution
    {
        internal Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long) stride, (long, long)? padding, Padding? padding_type,
            (long, long) dilation, PaddingModes padding_mode, long groups, bool bias, Device? device, ScalarType? dtype)
            : base(nameof(Conv2d), in_channels, out_channels, new[] { kernel_size.Item1, kernel_size.Item2 }, new[] { stride.Item1, stride.Item2 },
                  padding.HasValue ? new[] { padding.Value.Item1, padding.Value.Item2 } : null, padding_type,
                  new[] { dilation.Item1, dilation.Item2 }, false, new long[] { 0, 0 }, groups, bias, padding_mode, device, dtype)
        {
            if (padding_type == Padding.Same && (stride.Item1 != 1 || stride.Item2 != 1))
                throw new ArgumentException("padding='same' is not supported for strided convolutions");
        }

        /// <summary>Convolves a [N, C, H, W] (or unbatched [C, H, W]) input.</summary>
        public override Tensor forward(Tensor input)
        {
            var shape = input.shape;
            if (shape.Length != 3 && shape.Length != 4)
                throw new ArgumentException($"Conv2d: expected a 3D (unbatched) or 4D (batched) input, but got input of size {NNHelpers.Shape(shape)}");
            var channels = shape[shape.Length - 3];
            if (channels != in_channels)
                throw new ArgumentException($"Conv2d: expected input {NNHelpers.Shape(shape)} to have {in_channels} channels (weight of size {NNHelpers.Shape(weight.shape)}, groups={groups}), but got {channels} channels instead");

            if (padding_mode == PaddingModes.Zeros)
            {
                return padding_type.HasValue
                    ? nn.functional.conv2d_padding(input, weight, bias, stride, padding_type.Value, dilation, groups)
                    : nn.functional.conv2d(input, weight, bias, stride, padding, dilation, groups);
            }

            // Non-zero padding modes pad explicitly (PyTorch's _reversed_padding_repeated_twice), then convolve unpadded.
            long[] pad;
            if (padding_type == Padding.Same)
            {
                pad = new long[4];
                for (int d = 0; d < 2; d++)
                {
                    var total = dilation[d] * (kernel_size[d] - 1);
                    var left = total / 2;
                    pad[2 * (1 - d)] = left;
                    pad[2 * (1 - d) + 1] = total - left;
                }
            }
            else
            {
                var p = padding ?? new long[] { 0, 0 };
                pad = new[] { p[1], p[1], p[0], p[0] };
            }
            var mode = padding_mode switch
            {
                PaddingModes.Reflect => "reflect",
                PaddingModes.Replicate => "replicate",
                PaddingModes.Circular => "circular",
                _ => "constant",
            };
            using var padded = Ops.Tensor("aten::pad", "", input, pad, mode);
            return nn.functional.conv2d(padded, weight, bias, stride, new long[] { 0, 0 }, dilation, groups);
        }
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>2-D convolution with a square kernel.</summary>
            public static Conv2d Conv2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long dilation = 1, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new Conv2d(in_channels, out_channels, (kernel_size, kernel_size), (stride, stride), (padding, padding), null, (dilation, dilation), padding_mode, groups, bias, device, dtype);

            /// <summary>2-D convolution.</summary>
            public static Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, (long, long)? dilation = null, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new Conv2d(in_channels, out_channels, kernel_size, stride ?? (1, 1), padding ?? (0, 0), null, dilation ?? (1, 1), padding_mode, groups, bias, device, dtype);

            /// <summary>2-D convolution with a square kernel and symbolic padding.</summary>
            public static Conv2d Conv2d(long in_channels, long out_channels, long kernel_size, Padding padding, long stride = 1, long dilation = 1, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new Conv2d(in_channels, out_channels, (kernel_size, kernel_size), (stride, stride), null, padding, (dilation, dilation), padding_mode, groups, bias, device, dtype);

            /// <summary>2-D convolution with symbolic padding.</summary>
            public static Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernel_size, Padding padding, (long, long)? stride = null, (long, long)? dilation = null, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new Conv2d(in_channels, out_channels, kernel_size, stride ?? (1, 1), null, padding, dilation ?? (1, 1), padding_mode, groups, bias, device, dtype);
        }
    }
}
