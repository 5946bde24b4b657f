using System;
using TorchSharp.Interop;

namespace TorchSharp
{
    /// <summary>Tensor creation and small in-place ops for the modules, straight through ATen.</summary>
    internal static class NNHelpers
    {
        internal static void CheckDevice(torch.Device? device)
        {
            if (device is not null && device.type != DeviceType.CPU)
                throw new InvalidOperationException($"device {device} is not available: Gen.Torch runs on Debian's CPU-only libtorch.");
        }

        internal static torch.Tensor Empty(long[] shape, torch.ScalarType? dtype, torch.Device? device)
        {
            CheckDevice(device);
            return Ops.Tensor("aten::empty", "memory_format", shape, dtype ?? torch.get_default_dtype());
        }

        internal static torch.Tensor Zeros(long[] shape, torch.ScalarType? dtype, torch.Device? device)
        {
            CheckDevice(device);
            return Ops.Tensor("aten::zeros", "", shape, dtype ?? torch.get_default_dtype());
        }

        internal static torch.Tensor Ones(long[] shape, torch.ScalarType? dtype, torch.Device? device)
        {
            CheckDevice(device);
            return Ops.Tensor("aten::ones", "", shape, dtype ?? torch.get_default_dtype());
        }

        internal static string Shape(long[] shape) => "[" + string.Join(", ", shape) + "]";
    }
}
