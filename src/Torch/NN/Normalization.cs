using System;
using TorchSharp.Interop;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>The base of the batch and instance norms: affine parameters and running statistics.</summary>
    public abstract class NormBase : nn.Module<Tensor, Tensor>
    {
        /// <summary>Creates the parameters (when affine) and the running statistics (when tracked).</summary>
        public NormBase(long num_features, double eps, double? momentum, bool affine, bool track_running_stats, Device? device, ScalarType? dtype, string name) : base(name)
        {
            this.num_features = num_features;
            this.eps = eps;
            this.momentum = momentum;
            this.affine = affine;
            this.track_running_stats = track_running_stats;
            if (affine)
            {
                weight = new Parameter(NNHelpers.Empty(new[] { num_features }, dtype, device));
                bias = new Parameter(NNHelpers.Empty(new[] { num_features }, dtype, device));
            }
            if (track_running_stats)
            {
                running_mean = NNHelpers.Zeros(new[] { num_features }, dtype, device);
                running_var = NNHelpers.Ones(new[] { num_features }, dtype, device);
                num_batches_tracked = NNHelpers.Zeros(Array.Empty<long>(), ScalarType.Int64, device);
            }
            reset_parameters();
        }

        /// <summary>Resets the running mean to 0, the running variance to 1 and the batch count to 0.</summary>
        public void reset_running_stats()
        {
            if (!track_running_stats) return;
            using (no_grad())
            {
                if (_running_mean is not null) Ops.Run("aten::zero_", "", _running_mean);
                if (_running_var is not null) Ops.Run("aten::fill_", "Scalar", _running_var, 1.0);
                if (_num_batches_tracked is not null) Ops.Run("aten::zero_", "", _num_batches_tracked);
            }
        }

        /// <summary>Resets the running statistics, the weight to 1 and the bias to 0.</summary>
        public void reset_parameters()
        {
            reset_running_stats();
            if (!affine) return;
            if (_weight is not null) nn.init.ones_(_weight);
            if (_bias is not null) nn.init.zeros_(_bias);
        }

        /// <summary>Checks the input's rank.</summary>
        protected abstract void ValidateInputDimensions(Tensor input);

        /// <summary>Normalizes with batch statistics (training) or the running statistics (evaluation), as PyTorch does.</summary>
        public override Tensor forward(Tensor input)
        {
            ValidateInputDimensions(input);
            double factor = momentum ?? 0.0;
            if (training && track_running_stats && _num_batches_tracked is not null)
            {
                using (no_grad()) Ops.Run("aten::add_", "Scalar", _num_batches_tracked, 1L);
                if (!momentum.HasValue) factor = 1.0 / _num_batches_tracked.item<long>();
            }
            bool bnTraining = training || (_running_mean is null && _running_var is null);
            var useStats = !training || track_running_stats;
            return nn.functional.batch_norm(input, useStats ? _running_mean : null, useStats ? _running_var : null, _weight, _bias, bnTraining, factor, eps);
        }

        /// <summary>Disposes the parameters and buffers, then the rest.</summary>
        protected override void Dispose(bool disposing)
        {
            _weight?.Dispose();
            _bias?.Dispose();
            _running_mean?.Dispose();
            _running_var?.Dispose();
            _num_batches_tracked?.Dispose();
            base.Dispose(disposing);
        }

        /// <summary>The scale γ [num_features] (affine only).</summary>
        public Parameter weight
        {
            get => _weight!;
            set
            {
                if (ReferenceEquals(value, _weight)) return;
                _weight?.Dispose();
                _weight = (Parameter?)value?.DetachFromDisposeScope();
                ConditionallyRegisterParameter(nameof(weight), _weight);
            }
        }

        /// <summary>The shift β [num_features] (affine only).</summary>
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

        /// <summary>The running mean [num_features] (tracked statistics only).</summary>
        public Tensor? running_mean
        {
            get => _running_mean;
            set
            {
                if (ReferenceEquals(value, _running_mean)) return;
                _running_mean?.Dispose();
                _running_mean = value?.DetachFromDisposeScope();
                ConditionallyRegisterBuffer(nameof(running_mean), _running_mean);
            }
        }

        /// <summary>The running variance [num_features] (tracked statistics only).</summary>
        public Tensor? running_var
        {
            get => _running_var;
            set
            {
                if (ReferenceEquals(value, _running_var)) return;
                _running_var?.Dispose();
                _running_var = value?.DetachFromDisposeScope();
                ConditionallyRegisterBuffer(nameof(running_var), _running_var);
            }
        }

        /// <summary>How many training batches updated the statistics (an Int64 scalar).</summary>
        public Tensor? num_batches_tracked
        {
            get => _num_batches_tracked;
            set
            {
                if (ReferenceEquals(value, _num_batches_tracked)) return;
                _num_batches_tracked?.Dispose();
                _num_batches_tracked = value?.DetachFromDisposeScope();
                ConditionallyRegisterBuffer(nameof(num_batches_tracked), _num_batches_tracked);
            }
        }

        /// <summary>The number of channels.</summary>
        public long num_features { get; private set; }
        /// <summary>Added to the variance for stability.</summary>
        public double eps { get; set; }
        /// <summary>The running-average factor; null for a cumulative average.</summary>
        public double? momentum { get; set; }
        /// <summary>Whether there are learnable weight and bias.</summary>
        public bool affine { get; private set; }
        /// <summary>Whether running statistics are kept.</summary>
        public bool track_running_stats { get; private set; }

        [ComponentName(Name = nameof(weight))]
        private Parameter? _weight;
        [ComponentName(Name = nameof(bias))]
        private Parameter? _bias;
        [ComponentName(Name = nameof(running_mean))]
        private Tensor? _running_mean;
        [ComponentName(Name = nameof(running_var))]
        private Tensor? _running_var;
        [ComponentName(Name = nameof(num_batches_tracked))]
        private Tensor? _num_batches_tracked;
    }

    /// <summary>The batch norms.</summary>
    public abstract class BatchNorm : NormBase
    {
        /// <summary>See <see cref="NormBase"/>.</summary>
        public BatchNorm(long num_features, double eps, double? momentum, bool affine, bool track_running_stats, Device? device, ScalarType? dtype, string name)
            : base(num_features, eps, momentum, affine, track_running_stats, device, dtype, name) { }
    }

    /// <summary>Batch normalization over a 4-D input [N, C, H, W].</summary>
    public sealed class BatchNorm2d : BatchNorm
    {
        /// <summary>See <see cref="NormBase"/>.</summary>
        public BatchNorm2d(long num_features, double eps = 1e-05, double? momentum = 0.1, bool affine = true, bool track_running_stats = true, Device? device = null, ScalarType? dtype = null)
            : base(num_features, eps, momentum, affine, track_running_stats, device, dtype, "BatchNorm1d") { }

        /// <summary>Requires a 4-D input.</summary>
        protected override void ValidateInputDimensions(Tensor input)
        {
            if (input.ndim != 4) throw new ArgumentException($"expected 4D input (got {input.ndim}D input)");
        }
    }

    /// <summary>Layer normalization over the trailing dimensions.</summary>
    public sealed class LayerNorm : nn.Module<Tensor, Tensor>
    {
        internal LayerNorm(long[] normalized_shape, double eps, bool elementwise_affine, bool bias, Device? device, ScalarType? dtype) : base(nameof(LayerNorm))
        {
            this.normalized_shape = normalized_shape;
            this.eps = eps;
            this.elementwise_affine = elementwise_affine;
            if (elementwise_affine)
            {
                weight = new Parameter(NNHelpers.Empty(normalized_shape, dtype, device));
                if (bias) this.bias = new Parameter(NNHelpers.Empty(normalized_shape, dtype, device));
            }
            reset_parameters();
        }

        /// <summary>Sets the weight to 1 and the bias to 0.</summary>
        public void reset_parameters()
        {
            if (!elementwise_affine) return;
            if (_weight is not null) nn.init.ones_(_weight);
            if (_bias is not null) nn.init.zeros_(_bias);
        }

        /// <summary>Normalizes the trailing <see cref="normalized_shape"/> dimensions.</summary>
        public override Tensor forward(Tensor tensor) => nn.functional.layer_norm(tensor, normalized_shape, _weight, _bias, eps);

        /// <summary>Disposes the parameters, then the rest.</summary>
        protected override void Dispose(bool disposing)
        {
            _weight?.Dispose();
            _bias?.Dispose();
            base.Dispose(disposing);
        }

        /// <summary>The scale (elementwise affine only).</summary>
        public Parameter weight
        {
            get => _weight!;
            set
            {
                if (ReferenceEquals(value, _weight)) return;
                _weight?.Dispose();
                _weight = (Parameter?)value?.DetachFromDisposeScope();
                ConditionallyRegisterParameter(nameof(weight), _weight);
            }
        }

        /// <summary>The shift (elementwise affine with bias only).</summary>
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

        /// <summary>The trailing shape normalized over.</summary>
        public long[] normalized_shape { get; set; }
        /// <summary>Added to the variance for stability.</summary>
        public double eps { get; set; }
        /// <summary>Whether there are learnable weight and bias.</summary>
        public bool elementwise_affine { get; set; }

        [ComponentName(Name = nameof(weight))]
        private Parameter? _weight;
        [ComponentName(Name = nameof(bias))]
        private Parameter? _bias;
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Batch normalization over [N, C, H, W].</summary>
            public static BatchNorm2d BatchNorm2d(long num_features, double eps = 1e-05, double momentum = 0.1, bool affine = true, bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
                new BatchNorm2d(num_features, eps, momentum, affine, track_running_stats, device, dtype);

            /// <summary>Layer normalization over the trailing <paramref name="normalized_shape"/> dimensions.</summary>
            public static LayerNorm LayerNorm(long[] normalized_shape, double eps = 1e-05, bool elementwise_affine = true, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new LayerNorm(normalized_shape, eps, elementwise_affine, bias, device, dtype);

            /// <summary>Layer normalization over the last dimension.</summary>
            public static LayerNorm LayerNorm(long normalized_shape, double eps = 1e-05, bool elementwise_affine = true, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new LayerNorm(new[] { normalized_shape }, eps, elementwise_affine, bias, device, dtype);
        }
    }
}
