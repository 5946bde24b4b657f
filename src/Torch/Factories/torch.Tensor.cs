using System;
using System.Collections.Generic;
using TorchSharp.Interop;

namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>Makes a tensor from raw elements of a given dtype (copied).</summary>
        internal static unsafe Tensor FromSpan<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> dimensions, ScalarType dtype) where T : unmanaged
        {
            long count = 1;
            foreach (var d in dimensions) count *= d;
            if (count > data.Length) throw new ArgumentException($"shape [{string.Join(", ", dimensions.ToArray())}] needs {count} elements, the array holds {data.Length}");
            fixed (T* p = data)
            fixed (long* s = dimensions)
            {
                return new Tensor(NativeMethods.Check(NativeMethods.gen_tensor_from_data(p, s, dimensions.Length, (int)dtype)));
            }
        }

        private static Tensor Finish(Tensor t, ScalarType? dtype, Device? device, bool requires_grad)
        {
            if (device != null && device.type != DeviceType.CPU)
                throw new InvalidOperationException($"device {device} is not available: Gen.Torch runs on Debian's CPU-only libtorch.");
            if (dtype.HasValue && dtype.Value != t.dtype)
            {
                var converted = t.to_type(dtype.Value);
                t.Dispose();
                t = converted;
            }
            if (requires_grad) t.requires_grad = true;
            return t;
        }
    }
}
