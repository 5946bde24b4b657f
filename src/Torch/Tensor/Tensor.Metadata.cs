using TorchSharp.Interop;

namespace TorchSharp
{
    public static partial class torch
    {
        public partial class Tensor
        {
            /// <summary>The sizes of each dimension.</summary>
            public unsafe long[] shape
            {
                get
                {
                    var h = Handle;
                    var sizes = new long[NativeMethods.gen_tensor_ndim(h)];
                    fixed (long* p = sizes) NativeMethods.gen_tensor_sizes(h, p);
                    return sizes;
                }
            }

            /// <summary>The sizes of each dimension.</summary>
            public long[] size() => shape;

            /// <summary>The size of one dimension (negative counts from the end).</summary>
            public long size(int dim)
            {
                var s = shape;
                return s[dim < 0 ? dim + s.Length : dim];
            }

            /// <summary>The number of dimensions.</summary>
            public long dim() => NativeMethods.gen_tensor_ndim(Handle);

            /// <summary>The number of dimensions.</summary>
            public long ndim => dim();

            /// <summary>The number of elements.</summary>
            public long numel() => NativeMethods.gen_tensor_numel(Handle);

            /// <summary>The size of one element in bytes.</summary>
            public long element_size() => ElementSize(dtype);

            /// <summary>The element type.</summary>
            public ScalarType dtype => (ScalarType)NativeMethods.gen_tensor_dtype(Handle);

            /// <summary>The device the tensor lives on.</summary>
            public Device device => new Device(device_type, device_index);

            /// <summary>The index of the tensor's device (-1 for the CPU).</summary>
            public unsafe int device_index
            {
                get
                {
                    int type, index;
                    NativeMethods.gen_tensor_device(Handle, &type, &index);
                    return index;
                }
            }

            /// <summary>The type of the tensor's device.</summary>
            public unsafe DeviceType device_type
            {
                get
                {
                    int type, index;
                    NativeMethods.gen_tensor_device(Handle, &type, &index);
                    return (DeviceType)type;
                }
            }

            /// <summary>True when the elements are laid out densely in row-major order.</summary>
            public bool is_contiguous() => NativeMethods.gen_tensor_is_contiguous(Handle) != 0;
        }
    }
}
