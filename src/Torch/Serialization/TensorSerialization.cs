using System;
using System.IO;
using System.Linq;
using TorchSharp.Interop;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace TorchSharp
{
    public static partial class TensorExtensionMethods
    {
        /// <summary>
        /// Writes one tensor record in TorchSharp's format: LEB128 dtype code, LEB128 rank, LEB128 dimensions, then the
        /// raw little-endian elements. A non-contiguous tensor throws <see cref="InvalidOperationException"/>.
        /// </summary>
        public static void Save(this Tensor tensor, BinaryWriter writer)
        {
            var t = tensor.device_type == DeviceType.CPU ? tensor : tensor.cpu();
            if (!t.is_contiguous()) throw new InvalidOperationException("Tensor.Save: the tensor is not contiguous (call contiguous() first).");
            writer.Encode((long)t.dtype);
            var shape = t.shape;
            writer.Encode(shape.Length);
            foreach (var d in shape) writer.Encode(d);
            writer.Write(t.ToBytes());
            if (!ReferenceEquals(t, tensor)) t.Dispose();
        }

        /// <summary>Writes one tensor record to a stream (left open).</summary>
        public static void Save(this Tensor tensor, Stream stream)
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            tensor.Save(writer);
            writer.Flush();
        }

        /// <summary>Writes one tensor record to a file.</summary>
        public static void Save(this Tensor tensor, string location)
        {
            using var stream = File.Create(location);
            tensor.Save(stream);
        }

        /// <summary>
        /// Reads one tensor record into <paramref name="tensor"/> (dtype and shape must match, else
        /// <see cref="ArgumentException"/>), or skips it when <paramref name="skip"/> is true.
        /// </summary>
        public static void Load(this Tensor tensor, BinaryReader reader, bool skip = false)
        {
            var record = TensorRecord.Read(reader, skip);
            if (skip) return;
            record.CheckMatches(tensor, "tensor");
            record.CopyInto(tensor);
        }

        /// <summary>Reads one tensor record as a new tensor (null when <paramref name="skip"/> is true).</summary>
        public static Tensor Load(BinaryReader reader, bool skip = false)
        {
            var record = TensorRecord.Read(reader, skip);
            if (skip) return null!;
            var t = Ops.Tensor("aten::empty", "memory_format", record.Shape, record.DType);
            record.CopyInto(t);
            return t;
        }
    }

    /// <summary>One tensor record of TorchSharp's format, read into memory.</summary>
    internal sealed class TensorRecord
    {
        internal ScalarType DType { get; private set; }
        internal long[] Shape { get; private set; } = Array.Empty<long>();
        internal byte[]? Data { get; private set; }

        internal static TensorRecord Read(BinaryReader reader, bool skip)
        {
            var r = new TensorRecord();
            var code = reader.Decode();
            if (!Enum.IsDefined(typeof(ScalarType), (sbyte)code) || code > sbyte.MaxValue)
                throw new InvalidDataException($"unknown dtype code {code} in the tensor record");
            r.DType = (ScalarType)(sbyte)code;
            var rank = reader.Decode();
            if (rank > 64) throw new InvalidDataException($"implausible tensor rank {rank} in the tensor record");
            r.Shape = new long[rank];
            long numel = 1;
            for (int k = 0; k < rank; k++)
            {
                r.Shape[k] = reader.Decode();
                numel = checked(numel * r.Shape[k]);
            }
            var nbytes = checked(numel * ElementSize(r.DType));
            if (skip)
            {
                if (reader.BaseStream.CanSeek)
                {
                    if (reader.BaseStream.Position + nbytes > reader.BaseStream.Length) throw new EndOfStreamException();
                    reader.BaseStream.Seek(nbytes, SeekOrigin.Current);
                }
                else
                {
                    for (long left = nbytes; left > 0;)
                    {
                        var n = reader.ReadBytes((int)Math.Min(left, 1 << 20)).Length;
                        if (n == 0) throw new EndOfStreamException();
                        left -= n;
                    }
                }
                return r;
            }
            var data = reader.ReadBytes(checked((int)nbytes));
            if (data.Length != nbytes) throw new EndOfStreamException();
            r.Data = data;
            return r;
        }

        private static string Fmt(long[] shape) => "[" + string.Join(", ", shape) + "]";

        /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="key"/> when the dtype or shape differs.</summary>
        internal void CheckMatches(Tensor target, string key)
        {
            if (target.dtype != DType)
                throw new ArgumentException($"Mismatched element type for '{key}': the file has {DType}, the module has {target.dtype}.");
            var shape = target.shape;
            if (!shape.SequenceEqual(Shape))
                throw new ArgumentException($"Mismatched tensor shape for '{key}': the file has {Fmt(Shape)}, the module has {Fmt(shape)}.");
            if (!target.is_contiguous())
                throw new ArgumentException($"Cannot load '{key}': the module's tensor is not contiguous.");
        }

        internal void CopyInto(Tensor target)
        {
            using (no_grad()) target.CopyFromBytes(Data);
        }
    }
}
