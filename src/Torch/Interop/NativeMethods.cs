using System;
using System.Runtime.InteropServices;

namespace TorchSharp.Interop
{
    /// <summary>The C ABI of libgentorch (src/Torch/native/gentorch.cpp). The one native entry point of Gen.Torch.</summary>
    internal static unsafe class NativeMethods
    {
        private const string Lib = "gentorch";

        [DllImport(Lib)] internal static extern IntPtr gen_last_error();

        [DllImport(Lib)] internal static extern IntPtr gen_op_find([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string overload);
        [DllImport(Lib)] internal static extern int gen_op_call(IntPtr op, Value* args, int nargs);
        [DllImport(Lib)] internal static extern Value* gen_op_results();

        [DllImport(Lib)] internal static extern void gen_tensor_free(IntPtr t);
        [DllImport(Lib)] internal static extern long gen_live_tensors();
        [DllImport(Lib)] internal static extern IntPtr gen_tensor_from_data(void* data, long* sizes, int ndim, int dtype);
        [DllImport(Lib)] internal static extern IntPtr gen_tensor_alias(IntPtr t);
        [DllImport(Lib)] internal static extern int gen_tensor_ndim(IntPtr t);
        [DllImport(Lib)] internal static extern void gen_tensor_sizes(IntPtr t, long* sizes);
        [DllImport(Lib)] internal static extern long gen_tensor_numel(IntPtr t);
        [DllImport(Lib)] internal static extern int gen_tensor_dtype(IntPtr t);
        [DllImport(Lib)] internal static extern void gen_tensor_device(IntPtr t, int* type, int* index);
        [DllImport(Lib)] internal static extern int gen_tensor_is_contiguous(IntPtr t);
        [DllImport(Lib)] internal static extern IntPtr gen_tensor_impl(IntPtr t);
        [DllImport(Lib)] internal static extern IntPtr gen_tensor_data_ptr(IntPtr t);
        [DllImport(Lib)] internal static extern int gen_tensor_copy_out(IntPtr t, void* dst, long nbytes);
        [DllImport(Lib)] internal static extern int gen_tensor_copy_in(IntPtr t, void* src, long nbytes);

        [DllImport(Lib)] internal static extern int gen_tensor_requires_grad(IntPtr t);
        [DllImport(Lib)] internal static extern int gen_tensor_set_requires_grad(IntPtr t, int value);
        [DllImport(Lib)] internal static extern int gen_tensor_is_leaf(IntPtr t);
        [DllImport(Lib)] internal static extern IntPtr gen_tensor_grad(IntPtr t);
        [DllImport(Lib)] internal static extern int gen_tensor_set_grad(IntPtr t, IntPtr grad);
        [DllImport(Lib)] internal static extern int gen_backward(IntPtr* tensors, int n, IntPtr* grads, int ngrads, int retainGraph, int createGraph, IntPtr* inputs, int ninputs);
        [DllImport(Lib)] internal static extern int gen_grad_enabled();
        [DllImport(Lib)] internal static extern void gen_set_grad_enabled(int enabled);
        [DllImport(Lib)] internal static extern IntPtr gen_inference_mode_enter(int enabled);
        [DllImport(Lib)] internal static extern void gen_inference_mode_exit(IntPtr guard);
        [DllImport(Lib)] internal static extern int gen_inference_mode_enabled();

        [DllImport(Lib)] internal static extern void gen_set_num_threads(int n);
        [DllImport(Lib)] internal static extern int gen_get_num_threads();
        [DllImport(Lib)] internal static extern int gen_set_num_interop_threads(int n);
        [DllImport(Lib)] internal static extern int gen_get_num_interop_threads();
        [DllImport(Lib)] internal static extern void gen_manual_seed(long seed);
        [DllImport(Lib)] internal static extern long gen_initial_seed();

        /// <summary>Throws the pending native error as TorchSharp does: an <see cref="ExternalException"/> with libtorch's message.</summary>
        internal static Exception LastError()
        {
            var message = Marshal.PtrToStringUTF8(gen_last_error()) ?? "unknown native error";
            return new ExternalException(message);
        }

        internal static void Check(int status)
        {
            if (status != 0) throw LastError();
        }

        internal static IntPtr Check(IntPtr handle)
        {
            if (handle == IntPtr.Zero) throw LastError();
            return handle;
        }
    }

    /// <summary>The value cell passed to and from <c>gen_op_call</c>; layout matches <c>Value</c> in gentorch.cpp.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Value
    {
        public ValueTag Tag;
        public int Reserved;
        public long I;
        public double D;
        public IntPtr P;
        public long N;
    }

    internal enum ValueTag : int
    {
        None = 0,
        Tensor = 1,
        Int = 2,
        Double = 3,
        Bool = 4,
        IntList = 5,
        TensorList = 6,
        String = 7,
        DoubleList = 8,
        OptionalTensorList = 9,
        Device = 10,
        BoolList = 11,
    }
}
