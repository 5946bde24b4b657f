using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp
{
    /// <summary>The base of the losses: a two-input module with a reduction.</summary>
    public abstract class Loss<T1, T2, TResult> : nn.Module<T1, T2, TResult>
    {
        /// <summary>A loss reducing with <paramref name="reduction"/>.</summary>
        public Loss(nn.Reduction reduction = nn.Reduction.Mean) : base(nameof(Loss<T1, T2, TResult>)) => this.reduction = reduction;

        /// <summary>How the per-element losses are reduced.</summary>
        public nn.Reduction reduction { get; }

        /// <summary>Losses hold no parameters or buffers: nothing to register.</summary>
        protected override void RegisterComponents() { }
    }

    /// <summary>A loss with optional per-class weights (held, not registered as a buffer).</summary>
    public abstract class WeightedLoss<T1, T2, TResult> : Loss<T1, T2, TResult>
    {
        /// <summary>A loss with class weights <paramref name="weight"/>.</summary>
        public WeightedLoss(Tensor? weight = null, nn.Reduction reduction = nn.Reduction.Mean) : base(reduction) => this.weight = weight;

        /// <summary>The per-class weights, or null.</summary>
        public Tensor? weight { get; }
    }
}

namespace TorchSharp.Modules
{
    /// <summary>Cross entropy between logits [N, C, ...] and class indices [N, ...] (or class probabilities).</summary>
    public sealed class CrossEntropyLoss : WeightedLoss<Tensor, Tensor, Tensor>
    {
        /// <summary>A cross-entropy loss.</summary>
        public CrossEntropyLoss(Tensor? weight = null, long? ignore_index = null, nn.Reduction reduction = nn.Reduction.Mean, double label_smoothing = 0.0) : base(weight, reduction)
        {
            this.ignore_index = ignore_index;
            this.label_smoothing = label_smoothing;
        }

        /// <summary>Computes the loss.</summary>
        public override Tensor forward(Tensor input, Tensor target) =>
            nn.functional.cross_entropy(input, target, weight, ignore_index ?? -100, reduction, label_smoothing);

        /// <summary>A target value that contributes nothing, if set.</summary>
        public long? ignore_index { get; }

        /// <summary>The label-smoothing amount in [0, 1].</summary>
        public double label_smoothing { get; }
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A cross-entropy loss (use the constructor for label smoothing).</summary>
            public static CrossEntropyLoss CrossEntropyLoss(Tensor? weight = null, long? ignore_index = null, Reduction reduction = Reduction.Mean) =>
                new CrossEntropyLoss(weight, ignore_index, reduction);
        }
    }
}
