using System;
using static TorchSharp.torch;

namespace TorchSharp
{
    /// <summary>Moving and converting modules: each method returns the same module, typed as its argument.</summary>
    public static class ModuleExtensionMethods
    {
        private static void CheckFloating(ScalarType type)
        {
            if (!is_floating_point(type) && !is_complex(type))
                throw new ArgumentException($"nn.Module.to only accepts floating point or complex dtypes, but got desired dtype={type}");
        }

        /// <summary>Converts the module's floating-point parameters and buffers to <paramref name="type"/>.</summary>
        public static T to<T>(this T module, ScalarType type, bool non_blocking = false) where T : nn.Module
        {
            CheckFloating(type);
            module._to(type, non_blocking);
            return module;
        }

        /// <summary>Moves the module to <paramref name="device"/> and converts it to <paramref name="type"/>.</summary>
        public static T to<T>(this T module, Device device, ScalarType type, bool non_blocking = false) where T : nn.Module
        {
            CheckFloating(type);
            module._to(device, type, non_blocking);
            return module;
        }

        /// <summary>Moves the module to a device (CUDA is not available in the bridge: InvalidOperationException).</summary>
        public static T to<T>(this T module, DeviceType deviceType, int deviceIndex = -1, bool non_blocking = false) where T : nn.Module
        {
            module._to(deviceType, deviceIndex, non_blocking);
            return module;
        }

        /// <summary>Moves the module to a device.</summary>
        public static T to<T>(this T module, Device device, bool non_blocking = false) where T : nn.Module => to(module, device.type, device.index, non_blocking);

        /// <summary>Moves the module to a device given by description ("cpu").</summary>
        public static T to<T>(this T module, string device, bool non_blocking = false) where T : nn.Module => to(module, new Device(device), non_blocking);

        /// <summary>Moves the module to <paramref name="other"/>'s device and converts it to its dtype.</summary>
        public static T to<T>(this T module, Tensor other, bool non_blocking = false) where T : nn.Module => to(module, other.device, other.dtype, non_blocking);

        /// <summary>Moves the module to the CPU.</summary>
        public static T cpu<T>(this T module, bool non_blocking = false) where T : nn.Module => to(module, DeviceType.CPU, -1, non_blocking);

        /// <summary>Moves the module to a CUDA device (not available in the bridge: InvalidOperationException).</summary>
        public static T cuda<T>(this T module, int deviceIndex = -1, bool non_blocking = false) where T : nn.Module => to(module, DeviceType.CUDA, deviceIndex, non_blocking);

#pragma warning disable CS1591 // conversions named after their dtype
        public static T @bool<T>(this T module, bool non_blocking = false) where T : nn.Module => to(module, ScalarType.Bool, non_blocking);
        public static T @byte<T>(this T module, bool non_blocking = false) where T : nn.Module => to(module, ScalarType.Byte, non_blocking);
        public static T @char<T>(this T module, bool non_blocking = false) where T : nn.Module => to(module, ScalarType.Int8, non_blocking);
        public static T @short<T>(this T module, bool non_blocking = false) where T : nn.Module => to(module, ScalarType.Int16, non_blocking);
        public static T @int<T>(this T module, bool non_blocking = false) where T : nn.Module => to(module, ScalarType.Int32, non_blocking);
        public static T @long<T>(this T module, bool non_blocking = false) where T : nn.Module => to(module, ScalarType.Int64, non_blocking);
        public static T half<T>(this T module, bool non_blocking = false) where T : nn.Module => to(module, ScalarType.Float16, non_blocking);
        public static T bfloat16<T>(this T module, bool non_blocking = false) where T : nn.Module => to(module, ScalarType.BFloat16, non_blocking);
        public static T @float<T>(this T module, bool non_blocking = false) where T : nn.Module => to(module, ScalarType.Float32, non_blocking);
        public static T @double<T>(this T module, bool non_blocking = false) where T : nn.Module => to(module, ScalarType.Float64, non_blocking);
        public static T cfloat<T>(this T module, bool non_blocking = false) where T : nn.Module => to(module, ScalarType.ComplexFloat32, non_blocking);
        public static T cdouble<T>(this T module, bool non_blocking = false) where T : nn.Module => to(module, ScalarType.ComplexFloat64, non_blocking);
#pragma warning restore CS1591
    }
}
