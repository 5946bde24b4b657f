using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using TorchSharp.Interop;
using TorchSharp.Utils;

namespace TorchSharp
{
    public static partial class torch
    {
        public partial class Tensor
        {
            /// <summary>The single element of a one-element tensor; <typeparamref name="T"/> must match the dtype.</summary>
            public unsafe T item<T>() where T : unmanaged
            {
                if (numel() != 1) throw new ArgumentException($"item<T>() needs a tensor of one element, not {numel()}");
                CheckElementType<T>();
                T value;
                NativeMethods.Check(NativeMethods.gen_tensor_copy_out(Handle, &value, sizeof(T)));
                return value;
            }

            /// <summary>Access to the elements; <typeparamref name="T"/> must match the dtype.</summary>
            public TensorAccessor<T> data<T>() where T : unmanaged
            {
                CheckElementType<T>();
                return new TensorAccessor<T>(this);
            }

            /// <summary>The single element as a <see cref="Scalar"/>.</summary>
            public Scalar ToScalar() => dtype switch
            {
                ScalarType.Float32 => item<float>(),
                ScalarType.Float64 => item<double>(),
                ScalarType.Int64 => item<long>(),
                ScalarType.Int32 => item<int>(),
                ScalarType.Int16 => item<short>(),
                ScalarType.Int8 => item<sbyte>(),
                ScalarType.Byte => item<byte>(),
                ScalarType.Bool => item<bool>(),
                _ => ItemAsDouble(),
            };

            private double ItemAsDouble()
            {
                using var converted = to_type(ScalarType.Float64);
                return converted.item<double>();
            }

            /// <summary>Copies the elements out as a flat array (row-major); <typeparamref name="T"/> must match the dtype.</summary>
            internal unsafe T[] ToArray<T>() where T : unmanaged
            {
                CheckElementType<T>();
                var result = new T[numel()];
                fixed (T* p = result) NativeMethods.Check(NativeMethods.gen_tensor_copy_out(Handle, p, (long)result.Length * sizeof(T)));
                return result;
            }

            /// <summary>Overwrites the elements in place from raw bytes of the tensor's dtype (no autograd).</summary>
            internal unsafe void CopyFromBytes(ReadOnlySpan<byte> bytes)
            {
                fixed (byte* p = bytes) NativeMethods.Check(NativeMethods.gen_tensor_copy_in(Handle, p, bytes.Length));
            }

            /// <summary>Copies the elements out as raw bytes of the tensor's dtype (contiguous, row-major).</summary>
            internal unsafe byte[] ToBytes()
            {
                var result = new byte[numel() * element_size()];
                fixed (byte* p = result) NativeMethods.Check(NativeMethods.gen_tensor_copy_out(Handle, p, result.Length));
                return result;
            }

            internal void CheckElementType<T>() where T : unmanaged
            {
                var expected = ElementTypeOf<T>();
                if (expected != dtype) throw new ArgumentException($"{typeof(T).Name} does not match the tensor's dtype {dtype}");
            }

            internal static ScalarType ElementTypeOf<T>() where T : unmanaged
            {
                var t = typeof(T);
                if (t == typeof(float)) return ScalarType.Float32;
                if (t == typeof(double)) return ScalarType.Float64;
                if (t == typeof(long)) return ScalarType.Int64;
                if (t == typeof(int)) return ScalarType.Int32;
                if (t == typeof(short)) return ScalarType.Int16;
                if (t == typeof(sbyte)) return ScalarType.Int8;
                if (t == typeof(byte)) return ScalarType.Byte;
                if (t == typeof(bool)) return ScalarType.Bool;
                if (t == typeof(Half)) return ScalarType.Float16;
                throw new ArgumentException($"{t.Name} is not a tensor element type");
            }
        }
    }
}

namespace TorchSharp.Utils
{
    /// <summary>
    /// Element access to a tensor. For a contiguous CPU tensor reads and writes go to the tensor's own
    /// storage; otherwise the accessor works on a contiguous copy (writes do not reach the original).
    /// </summary>
    public sealed unsafe class TensorAccessor<T> : IDisposable, IEnumerable<T> where T : unmanaged
    {
        private readonly torch.Tensor tensor;
        private readonly torch.Tensor? copy;
        private readonly T* data;
        private readonly long[] strides;

        internal TensorAccessor(torch.Tensor tensor)
        {
            this.tensor = tensor;
            var p = NativeMethods.gen_tensor_data_ptr(tensor.Handle);
            if (p == IntPtr.Zero && tensor.numel() > 0)
            {
                copy = tensor.contiguous().DetachFromDisposeScope();
                p = NativeMethods.Check(NativeMethods.gen_tensor_data_ptr(copy.Handle));
            }
            data = (T*)p;
            var shape = tensor.shape;
            strides = new long[shape.Length];
            long s = 1;
            for (int k = shape.Length - 1; k >= 0; k--) { strides[k] = s; s *= shape[k]; }
            Count = s;
        }

        /// <summary>The number of elements.</summary>
        public long Count { get; }

        /// <summary>The element at the given indices (row-major).</summary>
        public T this[params long[] indices]
        {
            get => data[Offset(indices)];
            set => data[Offset(indices)] = value;
        }

        private long Offset(long[] indices)
        {
            if (indices.Length == 1 && strides.Length != 1)
            {
                if ((ulong)indices[0] >= (ulong)Count) throw new IndexOutOfRangeException();
                return indices[0];
            }
            if (indices.Length != strides.Length) throw new ArgumentException($"{indices.Length} indices for a tensor of {strides.Length} dimensions");
            long offset = 0;
            for (int k = 0; k < indices.Length; k++) offset += indices[k] * strides[k];
            if ((ulong)offset >= (ulong)Count) throw new IndexOutOfRangeException();
            return offset;
        }

        /// <summary>A copy of all elements, flat and row-major.</summary>
        public T[] ToArray()
        {
            var result = new T[Count];
            new ReadOnlySpan<T>(data, checked((int)Count)).CopyTo(result);
            GC.KeepAlive(tensor);
            return result;
        }

        /// <summary>Copies all elements into <paramref name="array"/> starting at <paramref name="arrayIndex"/>.</summary>
        public void CopyTo(T[] array, int arrayIndex = 0) => new ReadOnlySpan<T>(data, checked((int)Count)).CopyTo(array.AsSpan(arrayIndex));

        /// <summary>Overwrites the elements from <paramref name="array"/>.</summary>
        public void CopyFrom(T[] array, int arrayIndex = 0) => array.AsSpan(arrayIndex, checked((int)Count)).CopyTo(new Span<T>(data, checked((int)Count)));

        /// <inheritdoc/>
        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)ToArray()).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>Releases the contiguous copy, if one was made.</summary>
        public void Dispose() => copy?.Dispose();
    }
}
