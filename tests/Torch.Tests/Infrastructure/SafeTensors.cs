using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace Gen.Torch.Tests.Infrastructure
{
    /// <summary>One tensor record of a safetensors file, as raw little-endian bytes.</summary>
    public sealed record SafeTensorEntry(string Name, string DType, long[] Shape, byte[] Data)
    {
        public long Numel => Shape.Aggregate(1L, (a, b) => a * b);

        public float[] Floats()
        {
            if (DType != "F32") throw new InvalidOperationException($"{Name} is {DType}, not F32");
            var a = new float[Numel];
            Buffer.BlockCopy(Data, 0, a, 0, Data.Length);
            return a;
        }

        public long[] Longs()
        {
            if (DType != "I64") throw new InvalidOperationException($"{Name} is {DType}, not I64");
            var a = new long[Numel];
            Buffer.BlockCopy(Data, 0, a, 0, Data.Length);
            return a;
        }

        /// <summary>A new tensor with these values (joins the current dispose scope, as any tensor does).</summary>
        public Tensor ToTensor() => DType switch
        {
            "F32" => torch.tensor(Floats(), Shape),
            "I64" => torch.tensor(Longs(), Shape),
            _ => throw new NotSupportedException($"{Name}: dtype {DType}"),
        };
    }

    /// <summary>
    /// A minimal reader of the safetensors format: an 8-byte little-endian header length, a JSON header
    /// {name: {dtype, shape, data_offsets: [begin, end]}} (plus an optional "__metadata__"), then the raw data.
    /// Entries keep the header's order.
    /// </summary>
    public sealed class SafeTensorsFile
    {
        private readonly Dictionary<string, SafeTensorEntry> byName = new();

        public IReadOnlyList<SafeTensorEntry> Entries { get; }

        private SafeTensorsFile(List<SafeTensorEntry> entries)
        {
            Entries = entries;
            foreach (var e in entries) byName.Add(e.Name, e);
        }

        public static SafeTensorsFile Read(string path) => Parse(File.ReadAllBytes(path), path);

        public static SafeTensorsFile Parse(byte[] raw, string what = "safetensors")
        {
            if (raw.Length < 8) throw new InvalidDataException($"{what}: shorter than its header length");
            ulong n = BitConverter.ToUInt64(raw, 0);
            if (n > (ulong)(raw.Length - 8)) throw new InvalidDataException($"{what}: header length {n} past the end");
            var baseOffset = 8 + (int)n;
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(raw, 8, (int)n));
            var entries = new List<SafeTensorEntry>();
            foreach (var prop in doc.RootElement.EnumerateObject())
            {
                if (prop.Name == "__metadata__") continue;
                var dtype = prop.Value.GetProperty("dtype").GetString()!;
                var shape = prop.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
                var offsets = prop.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
                long begin = offsets[0], end = offsets[1];
                long elem = dtype switch { "F32" => 4, "I64" => 8, "F64" => 8, _ => throw new NotSupportedException($"{what}: {prop.Name} has dtype {dtype}") };
                if (end - begin != elem * shape.Aggregate(1L, (a, b) => a * b) || baseOffset + end > raw.Length)
                    throw new InvalidDataException($"{what}: {prop.Name} has bad data_offsets [{begin}, {end}]");
                var data = new byte[end - begin];
                Array.Copy(raw, baseOffset + begin, data, 0, data.Length);
                entries.Add(new SafeTensorEntry(prop.Name, dtype, shape, data));
            }
            return new SafeTensorsFile(entries);
        }

        public bool Contains(string name) => byName.ContainsKey(name);

        public SafeTensorEntry Entry(string name) =>
            byName.TryGetValue(name, out var e) ? e : throw new KeyNotFoundException($"fixture has no tensor '{name}'");

        /// <summary>A new tensor for <paramref name="name"/>.</summary>
        public Tensor this[string name] => Entry(name).ToTensor();

        public IEnumerable<string> Names => Entries.Select(e => e.Name);

        /// <summary>The distinct case names: the part of each entry name before the first '.'.</summary>
        public IEnumerable<string> CaseNames => Entries.Select(e => e.Name.Split('.')[0]).Distinct();

        /// <summary>Entries named "<paramref name="prefix"/>..." with the prefix cut off, in file order.</summary>
        public IEnumerable<(string key, SafeTensorEntry entry)> WithPrefix(string prefix) =>
            Entries.Where(e => e.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(e => (e.Name.Substring(prefix.Length), e));
    }
}
