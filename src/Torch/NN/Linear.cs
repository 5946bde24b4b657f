using System;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>y = x W^T + b.</summary>
    public sealed class Linear : nn.Module<Tensor, Tensor>
    {
        internal Linear(Parameter weight, Parameter? bias = null) : base(nameof(Linear))
        {
            in_features = weight.shape[1];
            out_features = weight.shape[0];
            this.weight = weight;
            if (bias is not null) this.bias = bias;
        }

        internal Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null) : base(nameof(Linear))
        {
            in_features = inputSize;
            out_features = outputSize;
            weight = new Parameter(NNHelpers.Empty(new[] { outputSize, inputSize }, dtype, device));
            if (hasBias) bias = new Parameter(NNHelpers.Empty(new[] { outputSize }, dtype, device));
            reset_parameters();
        }

        /// <summary>PyTorch's default: kaiming_uniform_(a = sqrt(5)) for the weight, U(±1/sqrt(fan_in)) for the bias.</summary>
        public void reset_parameters()
        {
            nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
            if (_bias is not null)
            {
                var (fanIn, _) = nn.init.CalculateFanInAndFanOut(weight);
                var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
                nn.init.uniform_(_bias, -bound, bound);
            }
        }

        /// <summary>Applies the affine map to the last dimension of <paramref name="tensor"/>.</summary>
        public override Tensor forward(Tensor tensor) => nn.functional.linear(tensor, weight, _bias);

        /// <summary>Disposes the weight and bias.</summary>
        protected override void Dispose(bool disposing)
        {
            _weight?.Dispose();
            _bias?.Dispose();
        }

        /// <summary>The bias [out_features], or null.</summary>
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

        /// <summary>The weight [out_features, in_features].</summary>
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

        [ComponentName(Name = nameof(bias))]
        private Parameter? _bias;
        [ComponentName(Name = nameof(weight))]
        private Parameter? _weight;

        /// <summary>The input feature count.</summary>
        public long in_features { get; set; }

        /// <summary>The output feature count.</summary>
        public long out_features { get; set; }
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A linear layer with PyTorch's default initialization.</summary>
            public static Linear Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null) =>
                new Linear(inputSize, outputSize, hasBias, device, dtype);

            /// <summary>A linear layer over the given weight [out, in] and bias.</summary>
            public static Linear Linear(Modules.Parameter weight, Modules.Parameter? bias = null) => new Linear(weight, bias);
        }
    }
}
