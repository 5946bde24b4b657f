using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Blocks
{
    /// <summary>
    /// A 1x1 convolution to <c>means * channels</c> outputs followed by the mean over each run of
    /// <c>means</c> consecutive output channels (CoT's <c>attention_embed.3</c> and the average over
    /// its k*k axis), computed as one 1x1 convolution to <c>channels</c> outputs with the averaged
    /// weights and biases. The mean of convolutions is the convolution with the mean weight, and
    /// autograd spreads the gradient over the averaged weights as the mean over outputs did, so
    /// outputs, gradients and training match the literal formulation up to rounding; the literal
    /// one spends <c>means</c> times the work (about 28 % of CoTNet-50's multiply-accumulates).
    /// </summary>
    /// <remarks>
    /// State-dict keys are those of the convolution it replaces: <c>weight</c>
    /// [means*channels, in, 1, 1] and <c>bias</c> [means*channels], initialised as
    /// TorchSharp's <c>Conv2d</c> initialises them (it builds one and takes its tensors, so the random
    /// stream is consumed alike). It counts as the literal convolution's multiply-accumulates
    /// (<see cref="IMultiplyAccumulates"/>).
    /// </remarks>
    public sealed class MeanPointwiseConv : Module<Tensor, Tensor>, IMultiplyAccumulates
    {
        private readonly Parameter weight;
        private readonly Parameter bias;
        private readonly long inChannels;
        private readonly long channels;
        private readonly long means;

        /// <summary>Builds the layer.</summary>
        /// <param name="inChannels">Input channels.</param>
        /// <param name="channels">Output channels (after the mean).</param>
        /// <param name="means">Consecutive outputs of the literal convolution averaged into one.</param>
        public MeanPointwiseConv(long inChannels, long channels, long means) : base(nameof(MeanPointwiseConv))
        {
            BlockParts.Positive(inChannels, nameof(inChannels));
            BlockParts.Positive(channels, nameof(channels));
            BlockParts.Positive(means, nameof(means));
            this.inChannels = inChannels;
            this.channels = channels;
            this.means = means;
            using (var literal = Conv2d(inChannels, means * channels, 1))
            using (no_grad())
            {
                weight = new Parameter(literal.weight!.detach().clone());
                bias = new Parameter(literal.bias!.detach().clone());
            }

            RegisterComponents();
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            var w = weight.reshape(channels, means, inChannels, 1, 1).mean(new long[] { 1 });
            var b = bias.reshape(channels, means).mean(new long[] { 1 });
            return functional.conv2d(x, w, b).MoveToOuterDisposeScope();
        }

        /// <inheritdoc/>
        public long MultiplyAccumulates(Tensor output) => output.numel() * means * inChannels;
    }
}
