using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Blocks
{
    /// <summary>
    /// NAM channel attention (seed 002's <c>Att</c> with <c>no_spatial=True</c>): a wrapper whose only
    /// child is <c>Channel_Att</c>, so that the state-dict key is <c>Channel_Att.bn2</c>.
    /// </summary>
    public sealed class NamAttention : Module<Tensor, Tensor>
    {
        private readonly NamChannelAttention Channel_Att;

        /// <summary>Builds the add-on over <paramref name="channels"/> channels.</summary>
        /// <param name="channels">Channels of the block output it gates.</param>
        /// <param name="detachWeight">Detach the channel weight from autograd (the official NAM code; <see cref="AttentionKind.NamDetached"/>).</param>
        public NamAttention(long channels, bool detachWeight = false) : base(nameof(NamAttention))
        {
            BlockParts.Positive(channels, nameof(channels));
            Channel_Att = new NamChannelAttention(channels, detachWeight);
            RegisterComponents();
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor x) => Channel_Att.call(x);
    }

    /// <summary>
    /// Seed 002's <c>Channel_Att</c>: <c>x' = BN(x) * (|gamma| / sum|gamma|)</c> per channel and
    /// <c>out = sigmoid(x') * x</c>. The channel weight is computed from <c>bn2.weight</c> with
    /// autograd flowing through it, as in the post, unless <c>detachWeight</c> (the official NAM code,
    /// <c>bn2.weight.data</c>).
    /// </summary>
    /// <remarks>State-dict key: <c>bn2</c>.</remarks>
    public sealed class NamChannelAttention : Module<Tensor, Tensor>
    {
        private readonly BatchNorm2d bn2;
        private readonly bool detachWeight;

        /// <summary>Builds the attention over <paramref name="channels"/> channels.</summary>
        /// <param name="channels">Channels it gates.</param>
        /// <param name="detachWeight">Detach the channel weight from autograd (the official NAM code).</param>
        public NamChannelAttention(long channels, bool detachWeight = false) : base(nameof(NamChannelAttention))
        {
            BlockParts.Positive(channels, nameof(channels));
            this.detachWeight = detachWeight;
            bn2 = BatchNorm2d(channels);
            RegisterComponents();
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            var normed = bn2.call(x);
            var gamma = (detachWeight ? bn2.weight.detach() : bn2.weight).abs();
            var weight = (gamma / gamma.sum()).reshape(1, -1, 1, 1);
            return ((normed * weight).sigmoid_() * x).MoveToOuterDisposeScope();
        }
    }

    /// <summary>
    /// The squeeze-and-excitation weights of EPSANet (seed 003's <c>SEWeightModule</c>): global
    /// average pool, 1x1 conv <c>C -> C/reduction</c> (bias), ReLU, 1x1 conv back (bias), sigmoid.
    /// Returns the <c>[N, C, 1, 1]</c> gate, not the gated input.
    /// </summary>
    /// <remarks>State-dict keys: <c>fc1</c>, <c>fc2</c>.</remarks>
    public sealed class SEWeight : Module<Tensor, Tensor>
    {
        private readonly Conv2d fc1;
        private readonly Conv2d fc2;

        /// <summary>Builds the module; <c>channels / reduction</c> must be at least 1.</summary>
        public SEWeight(long channels, long reduction = 16) : base(nameof(SEWeight))
        {
            long hidden = SqueezeExcite.Hidden(channels, reduction);
            fc1 = Conv2d(channels, hidden, 1);
            fc2 = Conv2d(hidden, channels, 1);
            RegisterComponents();
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            var pooled = functional.adaptive_avg_pool2d(x, 1);
            return fc2.call(fc1.call(pooled).relu_()).sigmoid_().MoveToOuterDisposeScope();
        }
    }

    /// <summary>
    /// Squeeze-and-excitation add-on (<see cref="AttentionKind.SE"/>): <c>x * SEWeight(x)</c> with
    /// 1x1 convolutions with bias, <c>C -> C/reduction -> C</c>.
    /// </summary>
    /// <remarks>State-dict keys: <c>fc1</c>, <c>fc2</c> (under the block's <c>se</c>).</remarks>
    public sealed class SqueezeExcite : Module<Tensor, Tensor>
    {
        private readonly Conv2d fc1;
        private readonly Conv2d fc2;

        /// <summary>Builds the add-on; <c>channels / reduction</c> must be at least 1.</summary>
        public SqueezeExcite(long channels, long reduction = 16) : base(nameof(SqueezeExcite))
        {
            long hidden = Hidden(channels, reduction);
            fc1 = Conv2d(channels, hidden, 1);
            fc2 = Conv2d(hidden, channels, 1);
            RegisterComponents();
        }

        internal static long Hidden(long channels, long reduction)
        {
            BlockParts.Positive(channels, nameof(channels));
            BlockParts.Positive(reduction, nameof(reduction));
            long hidden = channels / reduction;
            if (hidden < 1)
                throw new ArgumentOutOfRangeException(nameof(channels), channels,
                    $"squeeze-excitation over {channels} channels with reduction {reduction} has no hidden channel.");
            return hidden;
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            var pooled = functional.adaptive_avg_pool2d(x, 1);
            var gate = fc2.call(fc1.call(pooled).relu_()).sigmoid_();
            return (x * gate).MoveToOuterDisposeScope();
        }
    }

    /// <summary>
    /// Stochastic depth: in training mode each sample's input is zeroed with probability
    /// <c>rate</c> and otherwise scaled by <c>1 / (1 - rate)</c>; the identity in eval mode.
    /// </summary>
    /// <remarks>No parameters or buffers.</remarks>
    public sealed class DropPath : Module<Tensor, Tensor>
    {
        private readonly double rate;

        /// <summary>Builds the module; <paramref name="rate"/> is in [0, 1).</summary>
        public DropPath(double rate) : base(nameof(DropPath))
        {
            if (double.IsNaN(rate) || rate < 0.0 || rate >= 1.0)
                throw new ArgumentOutOfRangeException(nameof(rate), rate, "the drop-path rate must be in [0, 1).");
            this.rate = rate;
            RegisterComponents();
        }

        /// <summary>The probability of dropping a sample's branch in training mode.</summary>
        public double Rate => rate;

        /// <inheritdoc/>
        public override Tensor forward(Tensor x)
        {
            if (!training || rate == 0.0) return x.alias();
            using var scope = NewDisposeScope();
            double keep = 1.0 - rate;
            var shape = new long[x.dim()];
            shape[0] = x.shape[0];
            for (int i = 1; i < shape.Length; i++) shape[i] = 1;
            var mask = (rand(shape, dtype: x.dtype, device: x.device) < keep).to_type(x.dtype) / keep;
            return (x * mask).MoveToOuterDisposeScope();
        }
    }
}
