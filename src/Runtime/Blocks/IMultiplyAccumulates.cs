using static TorchSharp.torch;

namespace Gen.Blocks
{
    /// <summary>
    /// A module whose cheaper runtime formulation does not show in the modules it calls, and which
    /// therefore states how many multiply-accumulates one call counts as in Gen's figures:
    /// torchinfo's count of the formulation it replaces (the one the generator's <c>MacCount</c>,
    /// the seeds and the PyTorch twin declare). <c>gen summary</c> asks leaf modules that implement
    /// it instead of recognising a convolution or linear layer.
    /// </summary>
    public interface IMultiplyAccumulates
    {
        /// <summary>The multiply-accumulates one call that produced <paramref name="output"/> counts as.</summary>
        /// <param name="output">The call's output (its shape gives the batch and the spatial size).</param>
        /// <returns>The declared multiply-accumulates of that call.</returns>
        long MultiplyAccumulates(Tensor output);
    }
}
