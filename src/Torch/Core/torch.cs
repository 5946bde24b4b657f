namespace TorchSharp
{
    /// <summary>
    /// The root of TorchSharp's PyTorch-style API: tensor factories and operations, <c>torch.nn</c>,
    /// <c>torch.optim</c>, grad modes, threads and seeds. In Gen.Torch it runs on Debian's libtorch 1.13.1.
    /// </summary>
    public static partial class torch
    {
    }
}
