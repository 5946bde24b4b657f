using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using static TorchSharp.torch;

namespace Gen.Architectures.Tests.Infrastructure
{
    /// <summary>
    /// One entry of tests/fixtures/parity/manifest.json (a reduced variant or a single block) and its
    /// <c>&lt;name&gt;.io.safetensors</c> tensors. Dispose it to free the tensors.
    /// </summary>
    internal sealed class ParityFixture : IDisposable
    {
        private static readonly Lazy<JsonDocument> Manifest = new(() => JsonDocument.Parse(File.ReadAllText(TestData.Parity("manifest.json"))));

        private readonly Dictionary<string, Tensor> io;

        private ParityFixture(JsonElement entry)
        {
            Entry = entry;
            Name = entry.GetProperty("name").GetString()!;
            WeightsPath = TestData.Parity(entry.GetProperty("weights_file").GetString()!);
            io = Safetensors.LoadTensors(TestData.Parity(entry.GetProperty("io_file").GetString()!));
        }

        public string Name { get; }

        public JsonElement Entry { get; }

        public string WeightsPath { get; }

        public IReadOnlyCollection<string> Keys => io.Keys;

        public static ParityFixture Variant(string name) => new(Find("variants", name));

        public static ParityFixture Block(string name) => new(Find("blocks", name));

        /// <summary>A manifest entry alone, without loading its tensors.</summary>
        public static JsonElement Describe(string section, string name) => Find(section, name);

        /// <summary>The strings of an array property of an entry (empty when absent).</summary>
        public static IReadOnlyList<string> Strings(JsonElement entry, string property) =>
            entry.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.Array
                ? p.EnumerateArray().Select(e => e.GetString()!).ToList()
                : Array.Empty<string>();

        public static IEnumerable<string> Names(string section) =>
            Manifest.Value.RootElement.GetProperty(section).EnumerateArray().Select(e => e.GetProperty("name").GetString()!);

        public Tensor this[string key] =>
            io.TryGetValue(key, out var t) ? t : throw new KeyNotFoundException($"{Name}.io.safetensors has no tensor '{key}'.");

        public bool Has(string key) => io.ContainsKey(key);

        /// <summary>The keys starting with <paramref name="prefix"/>, prefix removed, in file order.</summary>
        public IEnumerable<string> KeysUnder(string prefix) =>
            io.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k.Substring(prefix.Length));

        public IReadOnlyList<string> Strings(string property) => Strings(Entry, property);

        public long Long(string property) => Entry.GetProperty(property).GetInt64();

        public double Floor(string quantity) =>
            Entry.TryGetProperty("float32_vs_float64_rel_err", out var f) && f.TryGetProperty(quantity, out var v) ? v.GetDouble() : double.NaN;

        public void Dispose()
        {
            foreach (var t in io.Values)
            {
                t.Dispose();
            }
        }

        private static JsonElement Find(string section, string name) =>
            Manifest.Value.RootElement.GetProperty(section).EnumerateArray()
                .FirstOrDefault(e => e.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } found
                ? found
                : throw new KeyNotFoundException($"manifest.json has no {section} entry '{name}'.");
    }
}
