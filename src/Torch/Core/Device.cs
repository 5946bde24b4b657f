using System;

namespace TorchSharp
{
    /// <summary>The kind of device a tensor lives on. Values equal libtorch's <c>c10::DeviceType</c>.</summary>
    public enum DeviceType
    {
        /// <summary>The host CPU.</summary>
        CPU = 0,
        /// <summary>An NVIDIA GPU.</summary>
        CUDA = 1,
#pragma warning disable CS1591
        MKLDNN = 2, OPENGL = 3, OPENCL = 4, IDEEP = 5, HIP = 6, FPGA = 7, MSNPU = 8, XLA = 9, MPS = 13, META = 14,
#pragma warning restore CS1591
    }

    public static partial class torch
    {
        /// <summary>A device: a type and an optional index (-1 = the current one).</summary>
        public class Device
        {
            /// <summary>The device type.</summary>
            public DeviceType type { get; private set; } = DeviceType.CPU;

            /// <summary>The device index, -1 for "current".</summary>
            public int index { get; private set; } = -1;

            /// <summary>Parses "cpu", "cuda" or "cuda:1".</summary>
            public Device(string description)
            {
                var parts = description.Split(':');
                type = (DeviceType)Enum.Parse(typeof(DeviceType), parts[0].ToUpperInvariant());
                index = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : -1;
            }

            /// <summary>A device from a type name and index.</summary>
            public Device(string deviceType, int index = -1) : this((DeviceType)Enum.Parse(typeof(DeviceType), deviceType.ToUpperInvariant()), index) { }

            /// <summary>A device from a type and index.</summary>
            public Device(DeviceType deviceType, int index = -1)
            {
                type = deviceType;
                this.index = index;
            }

            /// <summary>A CUDA device by index.</summary>
            public Device(int index) : this(DeviceType.CUDA, index) { }

            /// <summary>"cpu", "cuda" or "cuda:1".</summary>
            public override string ToString() => index < 0 ? type.ToString().ToLowerInvariant() : $"{type.ToString().ToLowerInvariant()}:{index}";

            /// <summary>Parses a device description.</summary>
            public static implicit operator Device(string description) => new Device(description);
        }

        /// <summary>The CPU device.</summary>
        public static readonly Device CPU = new Device(DeviceType.CPU);

        /// <summary>The meta device (shapes without storage).</summary>
        public static readonly Device META = new Device(DeviceType.META);

        /// <summary>The default CUDA device. This bridge is CPU-only; tensors cannot be moved there.</summary>
        public static Device CUDA => new Device(DeviceType.CUDA);

        /// <summary>A device from a description such as "cpu".</summary>
        public static Device device(string description) => new Device(description);

        /// <summary>A device from a type name and index.</summary>
        public static Device device(string deviceType, int index = -1) => new Device(deviceType, index);

        /// <summary>A device from a type and index.</summary>
        public static Device device(DeviceType deviceType, int index = -1) => new Device(deviceType, index);

        /// <summary>A CUDA device by index.</summary>
        public static Device device(int index) => new Device(index);

        private static Device defaultDevice = CPU;

        /// <summary>The device factories use when none is given.</summary>
        public static Device get_default_device() => defaultDevice;

        /// <summary>Sets the device factories use when none is given.</summary>
        public static void set_default_device(Device device) => defaultDevice = device;

        /// <summary>Sets the device factories use when none is given.</summary>
        public static void set_default_device(string device) => defaultDevice = new Device(device);

        /// <summary>CUDA support: the bridge is built over Debian's CPU-only libtorch.</summary>
        public static class cuda
        {
            /// <summary>Always false: Debian's libtorch is CPU-only.</summary>
            public static bool is_available() => false;

            /// <summary>Always 0.</summary>
            public static int device_count() => 0;

            /// <summary>Seeds CUDA generators: nothing to do without CUDA.</summary>
            public static void manual_seed(long seed) { }

            /// <summary>Seeds all CUDA generators: nothing to do without CUDA.</summary>
            public static void manual_seed_all(long seed) { }
        }

        /// <summary>Always false: Debian's libtorch is CPU-only.</summary>
        public static bool cuda_is_available() => false;
    }
}
