using System;
using TorchSharp.Interop;

namespace TorchSharp
{
    public static partial class torch
    {
        public partial class Tensor
        {
            /// <summary>A copy with its own storage (recorded by autograd).</summary>
            public Tensor clone() => Ops.Tensor("aten::clone", "", this);

            /// <summary>A new wrapper over the same native tensor.</summary>
            public Tensor alias() => new Tensor(NativeMethods.Check(NativeMethods.gen_tensor_alias(Handle)));

            /// <summary>Copies <paramref name="source"/>'s elements into this tensor (broadcasting, converting).</summary>
            public Tensor copy_(Tensor source, bool nonBlocking = false)
            {
                Ops.Run("aten::copy_", "", this, source, nonBlocking);
                return this;
            }

            /// <summary>This tensor if contiguous, else a contiguous copy.</summary>
            public Tensor contiguous() => Ops.Tensor("aten::contiguous", "", this);

            /// <summary>The tensor on the CPU (this bridge keeps every tensor there).</summary>
            public Tensor cpu() => to(CPU);

            /// <summary>Not available: the bridge is CPU-only.</summary>
            public Tensor cuda(Device? device = null, bool non_blocking = false) => throw new InvalidOperationException("CUDA is not available: Gen.Torch runs on Debian's CPU-only libtorch.");

            /// <summary>Converts the element type.</summary>
            public Tensor to_type(ScalarType type, bool copy = false, bool disposeAfter = false, bool non_blocking = false)
                => Finish(Ops.Tensor("aten::to", "dtype", this, type, non_blocking, copy), disposeAfter);

            /// <summary>Moves to a device.</summary>
            public Tensor to(DeviceType deviceType, int deviceIndex = -1, bool copy = false, bool disposeAfter = false, bool non_blocking = false)
                => to(new Device(deviceType, deviceIndex), copy, disposeAfter, non_blocking);

            /// <summary>Converts the element type and moves to a device.</summary>
            public Tensor to(ScalarType type, Device device, bool copy = false, bool disposeAfter = false, bool non_blocking = false)
            {
                CheckDevice(device);
                return Finish(Ops.Tensor("aten::to", "dtype", this, type, non_blocking, copy), disposeAfter);
            }

            /// <summary>Converts the element type.</summary>
            public Tensor to(ScalarType type, bool copy = false, bool disposeAfter = false, bool non_blocking = false)
                => to_type(type, copy, disposeAfter, non_blocking);

            /// <summary>Moves to a device given by description ("cpu").</summary>
            public Tensor to(string device, bool copy = false, bool disposeAfter = false, bool non_blocking = false)
                => to(new Device(device), copy, disposeAfter, non_blocking);

            /// <summary>Moves to a device.</summary>
            public Tensor to(Device device, bool copy = false, bool disposeAfter = false, bool non_blocking = false)
            {
                CheckDevice(device);
                return Finish(copy ? clone() : alias(), disposeAfter);
            }

            /// <summary>Converts to <paramref name="other"/>'s dtype and device.</summary>
            public Tensor to(Tensor other, bool non_blocking = false) => to(other.dtype, other.device, non_blocking: non_blocking);

#pragma warning disable CS1591 // conversions named after their dtype
            public Tensor @float() => to_type(ScalarType.Float32);
            public Tensor @double() => to_type(ScalarType.Float64);
            public Tensor half() => to_type(ScalarType.Float16);
            public Tensor bfloat16() => to_type(ScalarType.BFloat16);
            public Tensor @long() => to_type(ScalarType.Int64);
            public Tensor @int() => to_type(ScalarType.Int32);
            public Tensor @short() => to_type(ScalarType.Int16);
            public Tensor @byte() => to_type(ScalarType.Byte);
            public Tensor @char() => to_type(ScalarType.Int8);
            public Tensor @bool() => to_type(ScalarType.Bool);
#pragma warning restore CS1591

            private Tensor Finish(Tensor result, bool disposeAfter)
            {
                if (disposeAfter && !ReferenceEquals(result, this)) Dispose();
                return result;
            }

            private static void CheckDevice(Device device)
            {
                if (device.type != DeviceType.CPU)
                    throw new InvalidOperationException($"device {device} is not available: Gen.Torch runs on Debian's CPU-only libtorch.");
            }
        }
    }
}
