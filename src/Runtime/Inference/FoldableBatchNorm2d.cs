using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gen.Inference
{
    /// <summary>
    /// A <c>BatchNorm2d</c> over the output channels of the convolution that directly feeds it, which
    /// <see cref="BatchNormFolding.Fold"/> can fold into that convolution for deployment. Until it is
    /// folded it is exactly <c>torch.nn.BatchNorm2d(conv.out_channels)</c>: the same defaults
    /// (eps 1e-5, momentum 0.1, affine, running statistics), the same keys (<c>weight</c>, <c>bias</c>,
    /// <c>running_mean</c>, <c>running_var</c>, <c>num_batches_tracked</c>), the same kernel, outputs
    /// and gradients. Once folded it holds no state and passes its input through; it refuses to run
    /// in training mode.
    /// </summary>
    /// <remarks>
    /// Gen's blocks and generated stems build one wherever a batch norm follows a convolution
    /// (<see cref="ConvBatchNorm.Sequential"/> for the <c>Sequential(conv, BN, ...)</c> shape). Naming
    /// the convolution at construction is what makes folding safe: the pair is declared where the
    /// data flow is written, not guessed from the order of the modules.
    /// </remarks>
    public sealed class FoldableBatchNorm2d : BatchNorm
    {
        /// <summary>The batch norm over <paramref name="conv"/>'s output channels, which follows it directly.</summary>
        /// <param name="conv">The convolution whose output, and nothing else, this batch norm normalizes.</param>
        public FoldableBatchNorm2d(Conv2d conv)
            : base((conv ?? throw new ArgumentNullException(nameof(conv))).out_channels, 1e-5, 0.1, true, true, null, null, nameof(BatchNorm2d))
        {
            Conv = conv;
        }

        /// <summary>The convolution this batch norm follows, into which it folds.</summary>
        internal Conv2d Conv { get; }

        /// <summary>Whether <see cref="BatchNormFolding.Fold"/> has folded this batch norm into <see cref="Conv"/>.</summary>
        public bool IsFolded { get; private set; }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input)
        {
            if (!IsFolded)
            {
                return base.forward(input);
            }

            if (training)
            {
                throw new InvalidOperationException("this batch norm was folded into its convolution for deployment: the folded model runs in eval mode only (rebuild the unfolded model to train it).");
            }

            // A new handle: Sequential disposes what each module returns once the next one has run.
            return input.alias();
        }

        /// <inheritdoc/>
        protected override void ValidateInputDimensions(Tensor input)
        {
            if (input.ndim != 4)
            {
                throw new ArgumentException($"expected 4D input, but got {input.ndim}D input.");
            }
        }

        /// <summary>
        /// Folds this batch norm's eval-mode transform into <see cref="Conv"/>, whose weight is scaled
        /// per output channel and which gains (or updates) a bias; then drops every parameter and buffer
        /// of its own. Called by <see cref="BatchNormFolding.Fold"/> only, in eval mode, under no_grad.
        /// </summary>
        internal void FoldIntoConv()
        {
            var (weight, bias) = nn.utils.fuse_conv_bn_weights(Conv.weight, Conv.bias, running_mean!, running_var!, eps, this.weight, this.bias);
            Conv.weight = weight;
            Conv.bias = bias;
            this.bias = null;
            running_mean = null;
            running_var = null;
            num_batches_tracked = null;
            // NormBase's weight setter takes no null: unregister it directly (the tensor is freed with the module).
            ConditionallyRegisterParameter(nameof(weight), (Parameter?)null);
            IsFolded = true;
        }

        /// <summary>
        /// Registers nothing: the base class registers the batch norm's own state as it builds it, and
        /// the convolution this batch norm names belongs to the parent (registering it here would add
        /// it to the state dict a second time, and would bring the weight back after folding).
        /// </summary>
        protected override void RegisterComponents()
        {
        }

        /// <inheritdoc/>
        protected override nn.Module _to(Device device, ScalarType dtype, bool non_blocking) => IsFolded ? this : base._to(device, dtype, non_blocking);

        /// <inheritdoc/>
        protected override nn.Module _to(DeviceType deviceType, int deviceIndex, bool non_blocking) => IsFolded ? this : base._to(deviceType, deviceIndex, non_blocking);

        /// <inheritdoc/>
        protected override nn.Module _to(ScalarType dtype, bool non_blocking) => IsFolded ? this : base._to(dtype, non_blocking);
    }
}
