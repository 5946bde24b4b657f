using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using static TorchSharp.torch;

namespace TorchSharp.Interop
{
    /// <summary>
    /// Calls ATen operators through libtorch's dispatcher: <c>Ops.Tensor("aten::conv2d", "", input, weight, ...)</c>.
    /// Arguments are positional, as in the operator's schema; trailing arguments that have defaults may be
    /// left out. Accepted argument types: null (None), <see cref="Tensor"/>, long/int, double/float, bool,
    /// long[]/int[] (int lists; one long also fills an int[N]), double[], bool[], <see cref="Tensor"/>[] or
    /// IList&lt;Tensor&gt;, <see cref="OptionalTensors"/>, string, <see cref="ScalarType"/>, <see cref="Device"/>,
    /// <see cref="Scalar"/>, (long, long).
    /// </summary>
    internal static unsafe class Ops
    {
        private static readonly ConcurrentDictionary<string, IntPtr> Handles = new();

        /// <summary>A list of optional tensors (the <c>Tensor?[]</c> of an index operator).</summary>
        internal sealed class OptionalTensors
        {
            public OptionalTensors(Tensor?[] items) => Items = items;
            public Tensor?[] Items { get; }
        }

        private static IntPtr Find(string name, string overload)
        {
            var key = overload.Length == 0 ? name : name + "." + overload;
            if (Handles.TryGetValue(key, out var h)) return h;
            h = NativeMethods.Check(NativeMethods.gen_op_find(name, overload));
            Handles[key] = h;
            return h;
        }

        /// <summary>Calls the operator and returns its first result as a tensor.</summary>
        public static Tensor Tensor(string name, string overload, params object?[] args)
        {
            int n = Invoke(name, overload, args);
            if (n < 1) throw new InvalidOperationException($"{name} returned nothing");
            var results = NativeMethods.gen_op_results();
            for (int k = 1; k < n; k++) FreeResult(results[k]);
            return TakeTensor(results[0], name);
        }

        /// <summary>Calls the operator and returns all its tensor results in order (a tuple or a list).</summary>
        public static Tensor[] Tensors(string name, string overload, params object?[] args)
        {
            int n = Invoke(name, overload, args);
            var results = NativeMethods.gen_op_results();
            var list = new Tensor[n];
            for (int k = 0; k < n; k++) list[k] = TakeTensor(results[k], name);
            return list;
        }

        /// <summary>Calls an operator for its effect (an in-place operator whose returned alias is not needed).</summary>
        public static void Run(string name, string overload, params object?[] args)
        {
            int n = Invoke(name, overload, args);
            var results = NativeMethods.gen_op_results();
            for (int k = 0; k < n; k++) FreeResult(results[k]);
        }

        /// <summary>Calls an operator that returns one scalar (bool, int or double).</summary>
        public static Value Scalar(string name, string overload, params object?[] args)
        {
            int n = Invoke(name, overload, args);
            var results = NativeMethods.gen_op_results();
            var first = results[0];
            for (int k = 0; k < n; k++) FreeResult(results[k]);
            return first;
        }

        private static void FreeResult(Value v)
        {
            if (v.Tag == ValueTag.Tensor && v.P != IntPtr.Zero) NativeMethods.gen_tensor_free(v.P);
        }

        private static Tensor TakeTensor(Value v, string name)
        {
            if (v.Tag != ValueTag.Tensor) throw new InvalidOperationException($"{name} returned a {v.Tag}, not a tensor");
            if (v.P == IntPtr.Zero) throw new InvalidOperationException($"{name} returned an undefined tensor");
            return new Tensor(v.P);
        }

        private static int Invoke(string name, string overload, object?[] args)
        {
            var op = Find(name, overload);
            var values = stackalloc Value[args.Length];
            List<GCHandle>? pins = null;
            List<IntPtr>? blocks = null;
            try
            {
                for (int k = 0; k < args.Length; k++) values[k] = Encode(args[k], ref pins, ref blocks);
                int n = NativeMethods.gen_op_call(op, values, args.Length);
                if (n < 0) throw NativeMethods.LastError();
                GC.KeepAlive(args);
                return n;
            }
            finally
            {
                if (pins != null) foreach (var p in pins) p.Free();
                if (blocks != null) foreach (var b in blocks) Marshal.FreeHGlobal(b);
            }
        }

        private static IntPtr Pin(object array, ref List<GCHandle>? pins)
        {
            var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
            (pins ??= new List<GCHandle>()).Add(handle);
            return handle.AddrOfPinnedObject();
        }

        private static IntPtr HandleArray(IReadOnlyList<Tensor?> tensors, ref List<IntPtr>? blocks)
        {
            var block = Marshal.AllocHGlobal(IntPtr.Size * Math.Max(1, tensors.Count));
            (blocks ??= new List<IntPtr>()).Add(block);
            var p = (IntPtr*)block;
            for (int k = 0; k < tensors.Count; k++) p[k] = tensors[k] is null ? IntPtr.Zero : tensors[k]!.Handle;
            return block;
        }

        private static Value Encode(object? arg, ref List<GCHandle>? pins, ref List<IntPtr>? blocks)
        {
            switch (arg)
            {
                case null: return new Value { Tag = ValueTag.None };
                case Tensor t: return new Value { Tag = ValueTag.Tensor, P = t.Handle };
                case long l: return new Value { Tag = ValueTag.Int, I = l };
                case int i: return new Value { Tag = ValueTag.Int, I = i };
                case double d: return new Value { Tag = ValueTag.Double, D = d };
                case float f: return new Value { Tag = ValueTag.Double, D = f };
                case bool b: return new Value { Tag = ValueTag.Bool, I = b ? 1 : 0 };
                case ScalarType st: return new Value { Tag = ValueTag.Int, I = (long)st };
                case Scalar s: return s.Encode();
                case Device dev: return new Value { Tag = ValueTag.Device, I = (long)dev.type, N = dev.index };
                case string str:
                    {
                        var bytes = Encoding.UTF8.GetBytes(str + "\0");
                        return new Value { Tag = ValueTag.String, P = Pin(bytes, ref pins) };
                    }
                case long[] la: return new Value { Tag = ValueTag.IntList, P = Pin(la, ref pins), N = la.Length };
                case int[] ia:
                    {
                        var la = Array.ConvertAll(ia, x => (long)x);
                        return new Value { Tag = ValueTag.IntList, P = Pin(la, ref pins), N = la.Length };
                    }
                case ValueTuple<long, long> pair:
                    {
                        var la = new[] { pair.Item1, pair.Item2 };
                        return new Value { Tag = ValueTag.IntList, P = Pin(la, ref pins), N = 2 };
                    }
                case double[] da: return new Value { Tag = ValueTag.DoubleList, P = Pin(da, ref pins), N = da.Length };
                case bool[] ba:
                    {
                        var bytes = Array.ConvertAll(ba, x => (byte)(x ? 1 : 0));
                        return new Value { Tag = ValueTag.BoolList, P = Pin(bytes, ref pins), N = bytes.Length };
                    }
                case OptionalTensors ot: return new Value { Tag = ValueTag.OptionalTensorList, P = HandleArray(ot.Items, ref blocks), N = ot.Items.Length };
                case IReadOnlyList<Tensor> tl: return new Value { Tag = ValueTag.TensorList, P = HandleArray(tl, ref blocks), N = tl.Count };
                case IEnumerable<Tensor> te:
                    {
                        var tl = new List<Tensor>(te);
                        return new Value { Tag = ValueTag.TensorList, P = HandleArray(tl, ref blocks), N = tl.Count };
                    }
                default: throw new ArgumentException($"unsupported operator argument type {arg.GetType()}");
            }
        }
    }
}
