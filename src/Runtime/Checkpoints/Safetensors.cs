using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using TorchSharp;
using static TorchSharp.torch;

[assembly: InternalsVisibleTo("Runtime.Tests")]

namespace Gen
{
    /// <summary>
    /// Reads and writes checkpoints in the safetensors format as PyTorch's ecosystem writes it
    /// (huggingface/safetensors): an unsigned 64-bit little-endian header length, a UTF-8 JSON
    /// header mapping each tensor key to <c>{"dtype", "shape", "data_offsets": [begin, end]}</c>
    /// (offsets relative to the data region) plus an optional <c>"__metadata__"</c> map of strings,
    /// then the raw little-endian tensor data, tensors tiling the data region without gaps.
    /// Supported dtypes: F32, F16, BF16, F64, I64, I32, I16, I8, U8, BOOL.
    /// </summary>
    public static class Safetensors
    {
        /// <summary>The largest header accepted (the limit of the reference implementation).</summary>
        public const long MaxHeaderBytes = 100_000_000;

        private const string MetadataKey = "__metadata__";

        /// <summary>
        /// Loads a safetensors checkpoint into <paramref name="module"/>'s state dict (parameters and
        /// persistent buffers). The whole file is read and validated first: its structure, and for
        /// every state-dict key present in both, dtype and shape. The first problem found is thrown
        /// as a <see cref="SafetensorsException"/> before any weight changes. With
        /// <paramref name="strict"/>, a key missing from the file or a key the module lacks is such a
        /// problem; otherwise they are reported and left alone. A shape or dtype mismatch is an
        /// error either way. The file's tensors are held in memory (once) until they are copied.
        /// </summary>
        /// <param name="module">The module to load into (tensors are copied in place, under no_grad).</param>
        /// <param name="path">The .safetensors file.</param>
        /// <param name="strict">Require the file's keys to equal the module's state-dict keys.</param>
        /// <returns>The keys loaded, missing and unexpected, and the file's metadata.</returns>
        /// <exception cref="SafetensorsException">The file is malformed or does not fit the module.</exception>
        public static SafetensorsLoadReport Load(torch.nn.Module module, string path, bool strict = true)
        {
            if (module is null) throw new ArgumentNullException(nameof(module));
            if (path is null) throw new ArgumentNullException(nameof(path));
            CheckEndianness();
            var file = ReadHeader(path);
            var stateDict = PyTorchStateDict.Of(module);

            var loaded = new List<(string Key, Tensor Target, Entry Entry)>();
            var missing = new List<string>();
            foreach (var pair in stateDict)
            {
                string key = pair.Key;
                Tensor target = pair.Value;
                if (!file.ByKey.TryGetValue(key, out var entry))
                {
                    if (strict)
                        throw new SafetensorsException(path, key,
                            $"missing from the file; the module expects {Describe(target)} ({CountMissing(stateDict, file)} missing key(s) in all, strict load).");
                    missing.Add(key);
                    continue;
                }
                string? expectedDtype = DtypeCode(target.dtype);
                if (expectedDtype != entry.Dtype)
                    throw new SafetensorsException(path, key,
                        $"dtype {entry.Dtype} in the file, but the module's tensor is {expectedDtype ?? target.dtype.ToString()} (shape {FormatShape(target.shape)}).");
                if (!target.shape.SequenceEqual(entry.Shape))
                    throw new SafetensorsException(path, key,
                        $"shape {FormatShape(entry.Shape)} in the file, but the module expects {FormatShape(target.shape)} ({entry.Dtype}).");
                loaded.Add((key, target, entry));
            }
            var unexpected = file.Entries.Where(e => !stateDict.ContainsKey(e.Key)).Select(e => e.Key).ToList();
            if (strict && unexpected.Count > 0)
                throw new SafetensorsException(path, unexpected[0],
                    $"in the file but not in the module's state dict ({unexpected.Count} unexpected key(s) in all, strict load).");

            // Read every tensor before touching the module, so that an I/O failure changes nothing.
            var sources = new List<Tensor>(loaded.Count);
            try
            {
                using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read))
                {
                    foreach (var (key, _, entry) in loaded)
                        sources.Add(ReadTensor(handle, file, entry, path));
                }
                using (no_grad())
                {
                    for (int i = 0; i < loaded.Count; i++)
                        loaded[i].Target.copy_(sources[i]);
                }
            }
            finally
            {
                foreach (var t in sources) t.Dispose();
            }
            return new SafetensorsLoadReport(loaded.Select(l => l.Key).ToList(), missing, unexpected, file.Metadata);
        }

        /// <summary>
        /// Saves <paramref name="module"/>'s state dict (parameters and persistent buffers, in
        /// state-dict order) as a safetensors file. The file is written under a temporary name in the
        /// same directory and renamed over <paramref name="path"/>, so a failed save leaves any
        /// previous file untouched.
        /// </summary>
        /// <param name="module">The module to save.</param>
        /// <param name="path">The target file.</param>
        /// <param name="metadata">The header's <c>__metadata__</c>; <see langword="null"/> writes <c>{"format": "pt"}</c>.</param>
        public static void Save(torch.nn.Module module, string path, IReadOnlyDictionary<string, string>? metadata = null)
        {
            if (module is null) throw new ArgumentNullException(nameof(module));
            SaveTensors(PyTorchStateDict.Of(module), path, metadata);
        }

        /// <summary>
        /// Writes named tensors as a safetensors file (atomically, as <see cref="Save"/>), in the
        /// order given. Keys must be unique and must not be <c>__metadata__</c>.
        /// </summary>
        /// <param name="tensors">The tensors and their keys.</param>
        /// <param name="path">The target file.</param>
        /// <param name="metadata">The header's <c>__metadata__</c>; <see langword="null"/> writes <c>{"format": "pt"}</c>.</param>
        public static void SaveTensors(IEnumerable<KeyValuePair<string, Tensor>> tensors, string path, IReadOnlyDictionary<string, string>? metadata = null) =>
            SaveTensors(tensors, path, metadata, beforeTensor: null);

        /// <summary>
        /// Reads every tensor of a safetensors file (validated as in <see cref="Load"/>) into new CPU
        /// tensors, in file order. The caller owns (and disposes) them.
        /// </summary>
        /// <param name="path">The .safetensors file.</param>
        /// <returns>The tensors by key, in the order of the file's header.</returns>
        /// <exception cref="SafetensorsException">The file is malformed or has a dtype Gen cannot hold.</exception>
        public static Dictionary<string, Tensor> LoadTensors(string path)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            CheckEndianness();
            var file = ReadHeader(path);
            foreach (var entry in file.Entries)
                if (ScalarTypeOf(entry.Dtype) is null)
                    throw new SafetensorsException(path, entry.Key, $"dtype {entry.Dtype} is not supported (supported: {string.Join(", ", Supported)}).");
            var result = new Dictionary<string, Tensor>(file.Entries.Count);
            try
            {
                using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
                foreach (var entry in file.Entries)
                    result.Add(entry.Key, ReadTensor(handle, file, entry, path));
            }
            catch
            {
                foreach (var t in result.Values) t.Dispose();
                throw;
            }
            return result;
        }

        /// <summary>
        /// Reads and validates a safetensors header without reading tensor data: the keys in file
        /// order with their dtype codes and shapes.
        /// </summary>
        /// <param name="path">The .safetensors file.</param>
        /// <returns>(key, dtype code such as <c>"F32"</c>, shape) per tensor, in header order.</returns>
        public static IReadOnlyList<(string Key, string Dtype, long[] Shape)> ReadIndex(string path)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            return ReadHeader(path).Entries.Select(e => (e.Key, e.Dtype, (long[])e.Shape.Clone())).ToList();
        }

        // ------------------------------------------------------------------------------------
        // Writing
        // ------------------------------------------------------------------------------------

        internal static void SaveTensors(IEnumerable<KeyValuePair<string, Tensor>> tensors, string path,
                                         IReadOnlyDictionary<string, string>? metadata, Action<string>? beforeTensor)
        {
            if (tensors is null) throw new ArgumentNullException(nameof(tensors));
            if (path is null) throw new ArgumentNullException(nameof(path));
            CheckEndianness();
            var items = tensors.ToList();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var codes = new string[items.Count];
            for (int i = 0; i < items.Count; i++)
            {
                var (key, t) = (items[i].Key, items[i].Value);
                if (key is null || key.Length == 0) throw new ArgumentException("a tensor key is null or empty.", nameof(tensors));
                if (key == MetadataKey) throw new ArgumentException($"'{MetadataKey}' is reserved for the header's metadata.", nameof(tensors));
                if (!seen.Add(key)) throw new ArgumentException($"duplicate tensor key '{key}'.", nameof(tensors));
                if (t is null) throw new ArgumentException($"tensor '{key}' is null.", nameof(tensors));
                codes[i] = DtypeCode(t.dtype)
                    ?? throw new ArgumentException($"tensor '{key}' has dtype {t.dtype}, which safetensors cannot hold here (supported: {string.Join(", ", Supported)}).", nameof(tensors));
            }

            byte[] header = BuildHeader(items, codes, metadata ?? new Dictionary<string, string> { ["format"] = "pt" });
            Gen.IO.AtomicFile.Write(path, stream =>
            {
                Span<byte> length = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
                stream.Write(length);
                stream.Write(header);
                for (int i = 0; i < items.Count; i++)
                {
                    beforeTensor?.Invoke(items[i].Key);
                    WriteTensor(stream, items[i].Value, codes[i]);
                }
            });
        }

        private static byte[] BuildHeader(List<KeyValuePair<string, Tensor>> items, string[] codes, IReadOnlyDictionary<string, string> metadata)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                if (metadata.Count > 0)
                {
                    json.WriteStartObject(MetadataKey);
                    foreach (var pair in metadata)
                        json.WriteString(pair.Key, pair.Value);
                    json.WriteEndObject();
                }
                long offset = 0;
                for (int i = 0; i < items.Count; i++)
                {
                    long[] shape = items[i].Value.shape;
                    long bytes = checked(Numel(shape) * ElementSize(codes[i]));
                    json.WriteStartObject(items[i].Key);
                    json.WriteString("dtype", codes[i]);
                    json.WriteStartArray("shape");
                    foreach (long d in shape) json.WriteNumberValue(d);
                    json.WriteEndArray();
                    json.WriteStartArray("data_offsets");
                    json.WriteNumberValue(offset);
                    json.WriteNumberValue(offset + bytes);
                    json.WriteEndArray();
                    json.WriteEndObject();
                    offset += bytes;
                }
                json.WriteEndObject();
            }
            // Pad with spaces to a multiple of 8, as the reference writer does (keeps data aligned).
            int padding = (int)((8 - buffer.Length % 8) % 8);
            for (int i = 0; i < padding; i++) buffer.WriteByte((byte)' ');
            return buffer.ToArray();
        }

        private static void WriteTensor(Stream stream, Tensor tensor, string code)
        {
            if (DtypeCode(tensor.dtype) != code)
                throw new InvalidOperationException($"a {tensor.dtype} tensor cannot be written as {code}.");
            if (tensor.numel() == 0) return;
            // Every supported dtype is stored as libtorch holds it in memory (little-endian IEEE
            // floats, bfloat16 as the upper half of a float32, two's-complement integers, one byte
            // per bool), so the tensor's own bytes are written with no managed copy.
            using var scope = NewDisposeScope();
            stream.Write(tensor.detach().cpu().contiguous().bytes);
        }

        // ------------------------------------------------------------------------------------
        // Reading
        // ------------------------------------------------------------------------------------

        internal sealed class Entry
        {
            internal Entry(string key, string dtype, long[] shape, long begin, long end)
            {
                Key = key;
                Dtype = dtype;
                Shape = shape;
                Begin = begin;
                End = end;
            }

            internal string Key { get; }
            internal string Dtype { get; }
            internal long[] Shape { get; }
            internal long Begin { get; }
            internal long End { get; }
        }

        internal sealed class HeaderInfo
        {
            internal HeaderInfo(long dataStart, long dataLength, List<Entry> entries, Dictionary<string, string> metadata)
            {
                DataStart = dataStart;
                DataLength = dataLength;
                Entries = entries;
                Metadata = metadata;
                ByKey = entries.ToDictionary(e => e.Key, StringComparer.Ordinal);
            }

            internal long DataStart { get; }
            internal long DataLength { get; }
            internal List<Entry> Entries { get; }
            internal Dictionary<string, Entry> ByKey { get; }
            internal Dictionary<string, string> Metadata { get; }
        }

        internal static HeaderInfo ReadHeader(string path)
        {
            long fileLength;
            byte[] headerBytes;
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
                fileLength = stream.Length;
                if (fileLength < 8)
                    throw new SafetensorsException(path, null, $"the file is {fileLength} bytes, too short for the 8-byte header length.");
                Span<byte> prefix = stackalloc byte[8];
                stream.ReadExactly(prefix);
                ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
                if (headerLength > (ulong)MaxHeaderBytes)
                    throw new SafetensorsException(path, null, $"the header length is {headerLength} bytes, more than the {MaxHeaderBytes}-byte limit (not a safetensors file?).");
                if (headerLength > (ulong)(fileLength - 8))
                    throw new SafetensorsException(path, null, $"the header length is {headerLength} bytes but only {fileLength - 8} bytes follow the length (file truncated?).");
                if (headerLength < 2)
                    throw new SafetensorsException(path, null, $"the header length is {headerLength} bytes, too short for a JSON object.");
                headerBytes = new byte[(int)headerLength];
                stream.ReadExactly(headerBytes);
            }
            catch (EndOfStreamException e)
            {
                throw new SafetensorsException(path, null, $"the file ended while reading the header ({e.Message}).");
            }

            long dataStart = 8 + headerBytes.Length;
            long dataLength = fileLength - dataStart;
            if (headerBytes[0] != (byte)'{')
                throw new SafetensorsException(path, null, $"the header does not start with '{{' (byte 0x{headerBytes[0]:X2}): not a safetensors file?");

            JsonDocument document;
            try
            {
                string text = new UTF8Encoding(false, true).GetString(headerBytes);
                document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            }
            catch (Exception e) when (e is JsonException || e is DecoderFallbackException || e is ArgumentException)
            {
                throw new SafetensorsException(path, null, $"the header is not valid UTF-8 JSON: {e.Message}");
            }

            var entries = new List<Entry>();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                    throw new SafetensorsException(path, null, $"the header is a JSON {root.ValueKind}, not an object.");
                foreach (var property in root.EnumerateObject())
                {
                    string key = property.Name;
                    if (!seen.Add(key))
                        throw new SafetensorsException(path, key, "appears twice in the header.");
                    if (key == MetadataKey)
                    {
                        ReadMetadata(path, property.Value, metadata);
                        continue;
                    }
                    entries.Add(ReadEntry(path, key, property.Value, dataLength));
                }
            }
            CheckLayout(path, entries, dataLength);
            return new HeaderInfo(dataStart, dataLength, entries, metadata);
        }

        private static void ReadMetadata(string path, JsonElement value, Dictionary<string, string> metadata)
        {
            if (value.ValueKind == JsonValueKind.Null) return;
            if (value.ValueKind != JsonValueKind.Object)
                throw new SafetensorsException(path, MetadataKey, $"must be an object of strings, not a JSON {value.ValueKind}.");
            foreach (var item in value.EnumerateObject())
            {
                if (item.Value.ValueKind != JsonValueKind.String)
                    throw new SafetensorsException(path, MetadataKey, $"entry '{item.Name}' must be a string, not a JSON {item.Value.ValueKind}.");
                metadata[item.Name] = item.Value.GetString()!;
            }
        }

        private static Entry ReadEntry(string path, string key, JsonElement value, long dataLength)
        {
            if (value.ValueKind != JsonValueKind.Object)
                throw new SafetensorsException(path, key, $"the header entry is a JSON {value.ValueKind}, not an object with dtype, shape and data_offsets.");
            if (!value.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
                throw new SafetensorsException(path, key, "the header entry has no string 'dtype'.");
            string dtype = dtypeElement.GetString()!;
            if (!KnownDtypes.ContainsKey(dtype))
                throw new SafetensorsException(path, key, $"unknown dtype '{dtype}'.");
            if (!value.TryGetProperty("shape", out var shapeElement) || shapeElement.ValueKind != JsonValueKind.Array)
                throw new SafetensorsException(path, key, "the header entry has no 'shape' array.");
            var shape = new long[shapeElement.GetArrayLength()];
            int index = 0;
            foreach (var d in shapeElement.EnumerateArray())
            {
                if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt64(out long size) || size < 0)
                    throw new SafetensorsException(path, key, $"shape {shapeElement.GetRawText()} has an entry that is not a non-negative integer.");
                shape[index++] = size;
            }
            if (!value.TryGetProperty("data_offsets", out var offsets) || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2)
                throw new SafetensorsException(path, key, "the header entry has no 'data_offsets' pair [begin, end].");
            long begin = 0, end = 0;
            int i = 0;
            foreach (var o in offsets.EnumerateArray())
            {
                if (o.ValueKind != JsonValueKind.Number || !o.TryGetInt64(out long v) || v < 0)
                    throw new SafetensorsException(path, key, $"data_offsets {offsets.GetRawText()} are not two non-negative integers.");
                if (i++ == 0) begin = v; else end = v;
            }
            if (end < begin)
                throw new SafetensorsException(path, key, $"data_offsets [{begin}, {end}] end before they begin.");
            long expected;
            try
            {
                expected = checked(Numel(shape) * KnownDtypes[dtype]);
            }
            catch (OverflowException)
            {
                throw new SafetensorsException(path, key, $"shape {FormatShape(shape)} of {dtype} is too large.");
            }
            if (end - begin != expected)
                throw new SafetensorsException(path, key,
                    $"shape {FormatShape(shape)} of {dtype} needs {expected} bytes but data_offsets [{begin}, {end}] span {end - begin}.");
            if (end > dataLength)
                throw new SafetensorsException(path, key,
                    $"data_offsets [{begin}, {end}] run past the end of the data ({dataLength} bytes after the header): the file is truncated or corrupt.");
            return new Entry(key, dtype, shape, begin, end);
        }

        /// <summary>Tensors must tile the data region: no overlap, no gap, nothing after the last one.</summary>
        private static void CheckLayout(string path, List<Entry> entries, long dataLength)
        {
            var ordered = entries.OrderBy(e => e.Begin).ThenBy(e => e.End).ToList();
            long position = 0;
            Entry? previous = null;
            foreach (var e in ordered)
            {
                if (e.Begin < position)
                    throw new SafetensorsException(path, e.Key,
                        $"data_offsets [{e.Begin}, {e.End}] overlap those of '{previous!.Key}' [{previous.Begin}, {previous.End}].");
                if (e.Begin > position)
                    throw new SafetensorsException(path, e.Key,
                        $"data_offsets [{e.Begin}, {e.End}] leave bytes [{position}, {e.Begin}) of the data unused (tensors must tile the data region).");
                position = e.End;
                previous = e;
            }
            if (position != dataLength)
                throw new SafetensorsException(path, null,
                    $"the data region has {dataLength} bytes but the tensors cover {position}: {dataLength - position} unexplained trailing bytes.");
        }

        /// <summary>
        /// Reads one tensor's bytes straight into the storage of a new CPU tensor of its dtype and
        /// shape: no managed copy, so loading holds at most one copy of the checkpoint beside the
        /// model (the format is little-endian, as the host is; see <see cref="CheckEndianness"/>).
        /// </summary>
        private static Tensor ReadTensor(SafeFileHandle handle, HeaderInfo file, Entry entry, string path)
        {
            var type = ScalarTypeOf(entry.Dtype)
                ?? throw new SafetensorsException(path, entry.Key, $"dtype {entry.Dtype} is not supported (supported: {string.Join(", ", Supported)}).");
            long length = entry.End - entry.Begin;
            if (length > Array.MaxLength)
                throw new SafetensorsException(path, entry.Key, $"{length} bytes is more than one read can hold.");
            var result = empty(entry.Shape, type);
            try
            {
                if (length == 0) return result;
                Span<byte> storage = result.bytes;
                if (storage.Length != length)
                    throw new SafetensorsException(path, entry.Key, $"{length} bytes in the file for a tensor of {storage.Length} bytes.");
                long done = 0;
                while (done < length)
                {
                    int read = RandomAccess.Read(handle, storage.Slice((int)done), file.DataStart + entry.Begin + done);
                    if (read <= 0)
                        throw new SafetensorsException(path, entry.Key, "the file ended while reading the tensor's data (was it changed while loading?).");
                    done += read;
                }
                if (type == ScalarType.Bool)
                {
                    int bad = storage.IndexOfAnyExcept((byte)0, (byte)1);
                    if (bad >= 0)
                        throw new SafetensorsException(path, entry.Key, $"a BOOL element holds {storage[bad]} (byte {bad}); only 0 and 1 are booleans.");
                }
                return result;
            }
            catch
            {
                result.Dispose();
                throw;
            }
        }

        // ------------------------------------------------------------------------------------
        // Dtypes and formatting
        // ------------------------------------------------------------------------------------

        /// <summary>Every dtype code of the format, with its element size in bytes.</summary>
        private static readonly Dictionary<string, long> KnownDtypes = new(StringComparer.Ordinal)
        {
            ["BOOL"] = 1, ["U8"] = 1, ["I8"] = 1, ["F8_E4M3"] = 1, ["F8_E5M2"] = 1,
            ["I16"] = 2, ["U16"] = 2, ["F16"] = 2, ["BF16"] = 2,
            ["I32"] = 4, ["U32"] = 4, ["F32"] = 4,
            ["I64"] = 8, ["U64"] = 8, ["F64"] = 8,
        };

        private static readonly string[] Supported = { "F32", "F16", "BF16", "F64", "I64", "I32", "I16", "I8", "U8", "BOOL" };

        internal static string? DtypeCode(ScalarType type) => type switch
        {
            ScalarType.Float32 => "F32",
            ScalarType.Float16 => "F16",
            ScalarType.BFloat16 => "BF16",
            ScalarType.Float64 => "F64",
            ScalarType.Int64 => "I64",
            ScalarType.Int32 => "I32",
            ScalarType.Int16 => "I16",
            ScalarType.Int8 => "I8",
            ScalarType.Byte => "U8",
            ScalarType.Bool => "BOOL",
            _ => null,
        };

        private static ScalarType? ScalarTypeOf(string code) => code switch
        {
            "F32" => ScalarType.Float32,
            "F16" => ScalarType.Float16,
            "BF16" => ScalarType.BFloat16,
            "F64" => ScalarType.Float64,
            "I64" => ScalarType.Int64,
            "I32" => ScalarType.Int32,
            "I16" => ScalarType.Int16,
            "I8" => ScalarType.Int8,
            "U8" => ScalarType.Byte,
            "BOOL" => ScalarType.Bool,
            _ => null,
        };

        private static long ElementSize(string code) => KnownDtypes[code];

        private static long Numel(long[] shape)
        {
            long n = 1;
            foreach (long d in shape) n = checked(n * d);
            return n;
        }

        private static int CountMissing(Dictionary<string, Tensor> stateDict, HeaderInfo file) =>
            stateDict.Keys.Count(k => !file.ByKey.ContainsKey(k));

        private static string Describe(Tensor t) => $"{FormatShape(t.shape)} {DtypeCode(t.dtype) ?? t.dtype.ToString()}";

        internal static string FormatShape(long[] shape) =>
            "[" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";

        private static void CheckEndianness()
        {
            if (!BitConverter.IsLittleEndian)
                throw new PlatformNotSupportedException("Gen.Safetensors reads and writes little-endian data on little-endian machines only.");
        }
    }
}
