using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp.Interop;

namespace TorchSharp
{
    public static partial class torch
    {
        // ---- helpers -------------------------------------------------------------------------------

        private static void CheckNames(string[]? names)
        {
            if (names != null)
                throw new NotSupportedException("Gen.Torch does not support named tensors.");
        }

        private static void CheckFactoryDevice(Device? device)
        {
            if (device != null && device.type != DeviceType.CPU)
                throw new InvalidOperationException($"device {device} is not available: Gen.Torch runs on Debian's CPU-only libtorch.");
        }

        private static Tensor Make<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> dimensions, ScalarType elementType, ScalarType? dtype, Device? device, bool requires_grad, string[]? names) where T : unmanaged
        {
            CheckNames(names);
            CheckFactoryDevice(device);
            return Finish(FromSpan(data, dimensions, elementType), dtype, device, requires_grad);
        }

        private static ReadOnlySpan<T> ListSpan<T>(IList<T> list)
        {
            if (list is T[] array) return array;
            if (list is List<T> l) return CollectionsMarshal.AsSpan(l);
            var copy = new T[list.Count];
            list.CopyTo(copy, 0);
            return copy;
        }

        private static ReadOnlySpan<T> ArraySpan<T>(Array array) where T : unmanaged =>
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);

        private static long[] ShapeOf(Array array)
        {
            var shape = new long[array.Rank];
            for (int k = 0; k < shape.Length; k++) shape[k] = array.GetLength(k);
            return shape;
        }

        /// <summary>Runs a factory operator whose trailing arguments are (dtype, layout, device, pin_memory).</summary>
        private static Tensor Factory(string name, string overload, object?[] args, ScalarType? dtype, Device? device, bool requires_grad, string[]? names)
        {
            CheckNames(names);
            CheckFactoryDevice(device);
            var all = new object?[args.Length + 4];
            Array.Copy(args, all, args.Length);
            all[args.Length] = dtype;
            all[args.Length + 1] = null;
            all[args.Length + 2] = null;
            all[args.Length + 3] = null;
            var t = Ops.Tensor(name, overload, all);
            if (requires_grad) t.requires_grad = true;
            return t;
        }

        // ---- zeros / ones / empty ------------------------------------------------------------------

        /// <summary>A tensor of zeros.</summary>
        public static Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => Factory("aten::zeros", "", new object?[] { size }, dtype ?? get_default_dtype(), device, requires_grad, names);
        /// <summary>A tensor of zeros.</summary>
        public static Tensor zeros(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => zeros(size.ToArray(), dtype, device, requires_grad, names);
        /// <summary>A 1-D tensor of zeros.</summary>
        public static Tensor zeros(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => zeros(new[] { size }, dtype, device, requires_grad, names);
        /// <summary>A 2-D tensor of zeros.</summary>
        public static Tensor zeros(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => zeros(new[] { rows, columns }, dtype, device, requires_grad, names);
        /// <summary>A 3-D tensor of zeros.</summary>
        public static Tensor zeros(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => zeros(new[] { dim0, dim1, dim2 }, dtype, device, requires_grad, names);
        /// <summary>A 4-D tensor of zeros.</summary>
        public static Tensor zeros(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => zeros(new[] { dim0, dim1, dim2, dim3 }, dtype, device, requires_grad, names);
        /// <summary>A 1-D tensor of zeros.</summary>
        public static Tensor zeros(int size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => zeros(new long[] { size }, dtype, device, requires_grad, names);
        /// <summary>A 2-D tensor of zeros.</summary>
        public static Tensor zeros(int rows, int columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => zeros(new long[] { rows, columns }, dtype, device, requires_grad, names);
        /// <summary>A 3-D tensor of zeros.</summary>
        public static Tensor zeros(int dim0, int dim1, int dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => zeros(new long[] { dim0, dim1, dim2 }, dtype, device, requires_grad, names);
        /// <summary>A 4-D tensor of zeros.</summary>
        public static Tensor zeros(int dim0, int dim1, int dim2, int dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => zeros(new long[] { dim0, dim1, dim2, dim3 }, dtype, device, requires_grad, names);

        /// <summary>A tensor of ones.</summary>
        public static Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => Factory("aten::ones", "", new object?[] { size }, dtype ?? get_default_dtype(), device, requires_grad, names);
        /// <summary>A tensor of ones.</summary>
        public static Tensor ones(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => ones(size.ToArray(), dtype, device, requires_grad, names);
        /// <summary>A 1-D tensor of ones.</summary>
        public static Tensor ones(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => ones(new[] { size }, dtype, device, requires_grad, names);
        /// <summary>A 2-D tensor of ones.</summary>
        public static Tensor ones(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => ones(new[] { rows, columns }, dtype, device, requires_grad, names);
        /// <summary>A 3-D tensor of ones.</summary>
        public static Tensor ones(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => ones(new[] { dim0, dim1, dim2 }, dtype, device, requires_grad, names);
        /// <summary>A 4-D tensor of ones.</summary>
        public static Tensor ones(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => ones(new[] { dim0, dim1, dim2, dim3 }, dtype, device, requires_grad, names);
        /// <summary>A 1-D tensor of ones.</summary>
        public static Tensor ones(int size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => ones(new long[] { size }, dtype, device, requires_grad, names);
        /// <summary>A 2-D tensor of ones.</summary>
        public static Tensor ones(int rows, int columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => ones(new long[] { rows, columns }, dtype, device, requires_grad, names);
        /// <summary>A 3-D tensor of ones.</summary>
        public static Tensor ones(int dim0, int dim1, int dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => ones(new long[] { dim0, dim1, dim2 }, dtype, device, requires_grad, names);
        /// <summary>A 4-D tensor of ones.</summary>
        public static Tensor ones(int dim0, int dim1, int dim2, int dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => ones(new long[] { dim0, dim1, dim2, dim3 }, dtype, device, requires_grad, names);

        /// <summary>An uninitialized tensor.</summary>
        public static Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => Factory("aten::empty", "memory_format", new object?[] { size }, dtype ?? get_default_dtype(), device, requires_grad, names);
        /// <summary>An uninitialized tensor.</summary>
        public static Tensor empty(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => empty(size.ToArray(), dtype, device, requires_grad, names);
        /// <summary>An uninitialized 1-D tensor.</summary>
        public static Tensor empty(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => empty(new[] { size }, dtype, device, requires_grad, names);
        /// <summary>An uninitialized 2-D tensor.</summary>
        public static Tensor empty(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => empty(new[] { rows, columns }, dtype, device, requires_grad, names);
        /// <summary>An uninitialized 3-D tensor.</summary>
        public static Tensor empty(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => empty(new[] { dim0, dim1, dim2 }, dtype, device, requires_grad, names);
        /// <summary>An uninitialized 4-D tensor.</summary>
        public static Tensor empty(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => empty(new[] { dim0, dim1, dim2, dim3 }, dtype, device, requires_grad, names);
        /// <summary>An uninitialized 1-D tensor.</summary>
        public static Tensor empty(int size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => empty(new long[] { size }, dtype, device, requires_grad, names);
        /// <summary>An uninitialized 2-D tensor.</summary>
        public static Tensor empty(int rows, int columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => empty(new long[] { rows, columns }, dtype, device, requires_grad, names);
        /// <summary>An uninitialized 3-D tensor.</summary>
        public static Tensor empty(int dim0, int dim1, int dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => empty(new long[] { dim0, dim1, dim2 }, dtype, device, requires_grad, names);
        /// <summary>An uninitialized 4-D tensor.</summary>
        public static Tensor empty(int dim0, int dim1, int dim2, int dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => empty(new long[] { dim0, dim1, dim2, dim3 }, dtype, device, requires_grad, names);

        // ---- rand / randn --------------------------------------------------------------------------

        /// <summary>Samples of U[0, 1) (the bridge has only the default generator).</summary>
        public static Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
        {
            Tensor.CheckGenerator(generator);
            return Factory("aten::rand", "", new object?[] { size }, dtype ?? get_default_dtype(), device, requires_grad, names);
        }
        /// <summary>Samples of U[0, 1).</summary>
        public static Tensor rand(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
            => rand(size.ToArray(), dtype, device, requires_grad, generator, names);
        /// <summary>A 1-D tensor of samples of U[0, 1).</summary>
        public static Tensor rand(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
            => rand(new[] { size }, dtype, device, requires_grad, generator, names);
        /// <summary>A 2-D tensor of samples of U[0, 1).</summary>
        public static Tensor rand(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
            => rand(new[] { rows, columns }, dtype, device, requires_grad, generator, names);
        /// <summary>A 3-D tensor of samples of U[0, 1).</summary>
        public static Tensor rand(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
            => rand(new[] { dim0, dim1, dim2 }, dtype, device, requires_grad, generator, names);
        /// <summary>A 4-D tensor of samples of U[0, 1).</summary>
        public static Tensor rand(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
            => rand(new[] { dim0, dim1, dim2, dim3 }, dtype, device, requires_grad, generator, names);
        /// <summary>A 1-D tensor of samples of U[0, 1).</summary>
        public static Tensor rand(int size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
            => rand(new long[] { size }, dtype, device, requires_grad, generator, names);
        /// <summary>A 2-D tensor of samples of U[0, 1).</summary>
        public static Tensor rand(int rows, int columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
            => rand(new long[] { rows, columns }, dtype, device, requires_grad, generator, names);
        /// <summary>A 3-D tensor of samples of U[0, 1).</summary>
        public static Tensor rand(int dim0, int dim1, int dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
            => rand(new long[] { dim0, dim1, dim2 }, dtype, device, requires_grad, generator, names);
        /// <summary>A 4-D tensor of samples of U[0, 1).</summary>
        public static Tensor rand(int dim0, int dim1, int dim2, int dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
            => rand(new long[] { dim0, dim1, dim2, dim3 }, dtype, device, requires_grad, generator, names);

        /// <summary>Samples of N(0, 1) (the bridge has only the default generator).</summary>
        public static Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
        {
            Tensor.CheckGenerator(generator);
            return Factory("aten::randn", "", new object?[] { size }, dtype ?? get_default_dtype(), device, requires_grad, names);
        }
        /// <summary>Samples of N(0, 1).</summary>
        public static Tensor randn(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
            => randn(size.ToArray(), dtype, device, requires_grad, generator, names);
        /// <summary>A 1-D tensor of samples of N(0, 1).</summary>
        public static Tensor randn(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
            => randn(new[] { size }, dtype, device, requires_grad, generator, names);
        /// <summary>A 2-D tensor of samples of N(0, 1).</summary>
        public static Tensor randn(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
            => randn(new[] { rows, columns }, dtype, device, requires_grad, generator, names);
        /// <summary>A 3-D tensor of samples of N(0, 1).</summary>
        public static Tensor randn(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
            => randn(new[] { dim0, dim1, dim2 }, dtype, device, requires_grad, generator, names);
        /// <summary>A 4-D tensor of samples of N(0, 1).</summary>
        public static Tensor randn(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
            => randn(new[] { dim0, dim1, dim2, dim3 }, dtype, device, requires_grad, generator, names);
        /// <summary>A 1-D tensor of samples of N(0, 1).</summary>
        public static Tensor randn(int size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
            => randn(new long[] { size }, dtype, device, requires_grad, generator, names);
        /// <summary>A 2-D tensor of samples of N(0, 1).</summary>
        public static Tensor randn(int rows, int columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
            => randn(new long[] { rows, columns }, dtype, device, requires_grad, generator, names);
        /// <summary>A 3-D tensor of samples of N(0, 1).</summary>
        public static Tensor randn(int dim0, int dim1, int dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
            => randn(new long[] { dim0, dim1, dim2 }, dtype, device, requires_grad, generator, names);
        /// <summary>A 4-D tensor of samples of N(0, 1).</summary>
        public static Tensor randn(int dim0, int dim1, int dim2, int dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null)
            => randn(new long[] { dim0, dim1, dim2, dim3 }, dtype, device, requires_grad, generator, names);

        // ---- *_like / full ---------------------------------------------------------------------------

        private static Tensor Like(string name, Tensor input, ScalarType? dtype, Device? device, bool requires_grad, string[]? names)
        {
            CheckNames(names);
            CheckFactoryDevice(device);
            var t = Ops.Tensor(name, "", input, dtype, null, null, null, null);
            if (requires_grad) t.requires_grad = true;
            return t;
        }

        /// <summary>Zeros with <paramref name="input"/>'s shape (and dtype unless given).</summary>
        public static Tensor zeros_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => Like("aten::zeros_like", input, dtype, device, requires_grad, names);

        /// <summary>Ones with <paramref name="input"/>'s shape (and dtype unless given).</summary>
        public static Tensor ones_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => Like("aten::ones_like", input, dtype, device, requires_grad, names);

        /// <summary>An uninitialized tensor with <paramref name="input"/>'s shape (and dtype unless given).</summary>
        public static Tensor empty_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => Like("aten::empty_like", input, dtype, device, requires_grad, names);

        /// <summary>Samples of U[0, 1) with <paramref name="input"/>'s shape (and dtype unless given).</summary>
        public static Tensor rand_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => Like("aten::rand_like", input, dtype, device, requires_grad, names);

        /// <summary>Samples of N(0, 1) with <paramref name="input"/>'s shape (and dtype unless given).</summary>
        public static Tensor randn_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => Like("aten::randn_like", input, dtype, device, requires_grad, names);

        /// <summary>A tensor filled with <paramref name="value"/> (dtype inferred from the value when not given).</summary>
        public static Tensor full(long[] size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => Factory("aten::full", "", new object?[] { size, value }, dtype, device, requires_grad, names);
        /// <summary>A tensor filled with <paramref name="value"/>.</summary>
        public static Tensor full(ReadOnlySpan<long> size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => full(size.ToArray(), value, dtype, device, requires_grad, names);
        /// <summary>A 1-D tensor filled with <paramref name="value"/>.</summary>
        public static Tensor full(long size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => full(new[] { size }, value, dtype, device, requires_grad, names);
        /// <summary>A 2-D tensor filled with <paramref name="value"/>.</summary>
        public static Tensor full(long rows, long columns, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => full(new[] { rows, columns }, value, dtype, device, requires_grad, names);
        /// <summary>A 3-D tensor filled with <paramref name="value"/>.</summary>
        public static Tensor full(long dim0, long dim1, long dim2, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => full(new[] { dim0, dim1, dim2 }, value, dtype, device, requires_grad, names);
        /// <summary>A 4-D tensor filled with <paramref name="value"/>.</summary>
        public static Tensor full(long dim0, long dim1, long dim2, long dim3, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => full(new[] { dim0, dim1, dim2, dim3 }, value, dtype, device, requires_grad, names);

        /// <summary>A tensor filled with <paramref name="value"/> with <paramref name="input"/>'s shape.</summary>
        public static Tensor full_like(Tensor input, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
        {
            CheckNames(names);
            CheckFactoryDevice(device);
            var t = Ops.Tensor("aten::full_like", "", input, value, dtype, null, null, null, null);
            if (requires_grad) t.requires_grad = true;
            return t;
        }

        // ---- ranges --------------------------------------------------------------------------------

        /// <summary>Values from <paramref name="start"/> to <paramref name="stop"/> (exclusive) by <paramref name="step"/>; Int64 when all three are integral, else the default dtype.</summary>
        public static Tensor arange(Scalar start, Scalar stop, Scalar step, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
        {
            var type = dtype ?? (start.IsIntegral && stop.IsIntegral && step.IsIntegral ? ScalarType.Int64 : get_default_dtype());
            return Factory("aten::arange", "start_step", new object?[] { start, stop, step }, type, device, requires_grad, null);
        }

        /// <summary>Values from <paramref name="start"/> to <paramref name="stop"/> (exclusive) by 1.</summary>
        public static Tensor arange(Scalar start, Scalar stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
            => arange(start, stop, 1, dtype, device, requires_grad);

        /// <summary>Values from 0 to <paramref name="stop"/> (exclusive) by 1.</summary>
        public static Tensor arange(Scalar stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
            => arange(0, stop, 1, dtype, device, requires_grad);

        /// <summary><paramref name="steps"/> evenly spaced values from <paramref name="start"/> to <paramref name="end"/> (inclusive).</summary>
        public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
            => Factory("aten::linspace", "", new object?[] { start, end, steps }, dtype ?? get_default_dtype(), device, requires_grad, null);

        /// <summary>The identity matrix (or an n x m matrix with ones on the diagonal).</summary>
        public static Tensor eye(long rows, long columns = -1L, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
            => columns < 0
                ? Factory("aten::eye", "", new object?[] { rows }, dtype ?? get_default_dtype(), device, requires_grad, names)
                : Factory("aten::eye", "m", new object?[] { rows, columns }, dtype ?? get_default_dtype(), device, requires_grad, names);

        // ---- from .NET arrays ----------------------------------------------------------------------

        /// <summary>A tensor with a copy of any .NET array's elements and shape (the bridge always copies).</summary>
        public static Tensor from_array(Array rawArray, Device? device = null) => from_array(rawArray, null, device);

        /// <summary>A tensor with a copy of any .NET array's elements and shape, converted to <paramref name="dtype"/> if given.</summary>
        public static Tensor from_array(Array rawArray, ScalarType? dtype, Device? device = null, bool requires_grad = false, string[]? names = null)
        {
            CheckNames(names);
            CheckFactoryDevice(device);
            var shape = ShapeOf(rawArray);
            var element = rawArray.GetType().GetElementType()!;
            Tensor t;
            if (element == typeof(float)) t = FromSpan(ArraySpan<float>(rawArray), shape, ScalarType.Float32);
            else if (element == typeof(double)) t = FromSpan(ArraySpan<double>(rawArray), shape, ScalarType.Float64);
            else if (element == typeof(long)) t = FromSpan(ArraySpan<long>(rawArray), shape, ScalarType.Int64);
            else if (element == typeof(int)) t = FromSpan(ArraySpan<int>(rawArray), shape, ScalarType.Int32);
            else if (element == typeof(short)) t = FromSpan(ArraySpan<short>(rawArray), shape, ScalarType.Int16);
            else if (element == typeof(sbyte)) t = FromSpan(ArraySpan<sbyte>(rawArray), shape, ScalarType.Int8);
            else if (element == typeof(byte)) t = FromSpan(ArraySpan<byte>(rawArray), shape, ScalarType.Byte);
            else if (element == typeof(bool)) t = FromSpan(ArraySpan<bool>(rawArray), shape, ScalarType.Bool);
            else if (element == typeof(Half)) t = FromSpan(ArraySpan<Half>(rawArray), shape, ScalarType.Float16);
            else if (element == typeof((float, float))) t = FromSpan(ArraySpan<(float, float)>(rawArray), shape, ScalarType.ComplexFloat32);
            else if (element == typeof(Complex)) t = FromSpan(ArraySpan<Complex>(rawArray), shape, ScalarType.ComplexFloat64);
            else throw new NotSupportedException($"from_array: element type {element.Name} is not supported");
            return Finish(t, dtype, device, requires_grad);
        }

        /// <summary>A tensor from a .NET array (the bridge always copies).</summary>
        public static Tensor as_tensor(Array data, ScalarType? dtype = null, Device? device = null) => from_array(data, dtype, device);

        // ---- joining -------------------------------------------------------------------------------

        /// <summary>Concatenates tensors along an existing dimension.</summary>
        public static Tensor cat(IList<Tensor> tensors, long dim = 0) => Ops.Tensor("aten::cat", "", tensors, dim);
        /// <summary>Concatenates tensors along an existing dimension.</summary>
        public static Tensor cat(Tensor[] tensors, long dim = 0) => Ops.Tensor("aten::cat", "", tensors, dim);
        /// <summary>Concatenates tensors along an existing dimension.</summary>
        public static Tensor cat(ReadOnlySpan<Tensor> tensors, long dim = 0) => Ops.Tensor("aten::cat", "", tensors.ToArray(), dim);

        /// <summary>Same as <see cref="cat(IList{Tensor}, long)"/>.</summary>
        public static Tensor concat(IList<Tensor> tensors, long dim = 0) => cat(tensors, dim);
        /// <summary>Same as <see cref="cat(Tensor[], long)"/>.</summary>
        public static Tensor concat(Tensor[] tensors, long dim = 0) => cat(tensors, dim);
        /// <summary>Same as <see cref="cat(ReadOnlySpan{Tensor}, long)"/>.</summary>
        public static Tensor concat(ReadOnlySpan<Tensor> tensors, long dim = 0) => cat(tensors, dim);

        /// <summary>Same as <see cref="cat(IList{Tensor}, long)"/>.</summary>
        public static Tensor concatenate(IList<Tensor> tensors, long axis = 0) => cat(tensors, axis);
        /// <summary>Same as <see cref="cat(Tensor[], long)"/>.</summary>
        public static Tensor concatenate(Tensor[] tensors, long axis = 0) => cat(tensors, axis);
        /// <summary>Same as <see cref="cat(ReadOnlySpan{Tensor}, long)"/>.</summary>
        public static Tensor concatenate(ReadOnlySpan<Tensor> tensors, long axis = 0) => cat(tensors, axis);

        /// <summary>Stacks same-shaped tensors along a new dimension.</summary>
        public static Tensor stack(IEnumerable<Tensor> tensors, long dim = 0) => Ops.Tensor("aten::stack", "", tensors.ToArray(), dim);

        // ---- other operations ----------------------------------------------------------------------

        /// <summary>Einstein summation, e.g. <c>einsum("bij,bjk->bik", a, b)</c>.</summary>
        public static Tensor einsum(string equation, params Tensor[] tensors) => Ops.Tensor("aten::einsum", "", equation, tensors);

        /// <summary>Matrix product with broadcasting.</summary>
        public static Tensor matmul(Tensor input, Tensor target) => input.matmul(target);

        /// <summary>Softmax along <paramref name="dim"/>.</summary>
        public static Tensor softmax(Tensor input, int dim, ScalarType? dtype = null) => input.softmax(dim, dtype);

        /// <summary>Coordinate grids from 1-D tensors; <paramref name="indexing"/> is "ij" or "xy".</summary>
        public static Tensor[] meshgrid(IEnumerable<Tensor> tensors, string indexing = "ij") => Ops.Tensors("aten::meshgrid", "indexing", tensors.ToArray(), indexing);

        /// <summary>The mean over the given dimensions.</summary>
        public static Tensor mean(Tensor input, long[] dimensions, bool keepdim = false, ScalarType? type = null) => input.mean(dimensions, keepdim, type);

        /// <summary>The mean of all elements.</summary>
        public static Tensor mean(Tensor input) => input.mean();

        /// <summary>The position of the largest element of the flattened tensor.</summary>
        public static Tensor argmax(Tensor input) => input.argmax();

        /// <summary>The positions of the largest values along <paramref name="dim"/>.</summary>
        public static Tensor argmax(Tensor input, long dim, bool keepdim = false) => input.argmax(dim, keepdim);

        /// <summary>True when every element of <paramref name="tensor"/> is close to <paramref name="target"/>'s.</summary>
        public static bool allclose(Tensor tensor, Tensor target, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) => tensor.allclose(target, rtol, atol, equal_nan);

        /// <summary>Elementwise equality (a Bool tensor; unlike PyTorch, not a single boolean).</summary>
        public static Tensor equal(Tensor tensor, Tensor target) => tensor.eq(target);
    }
}
