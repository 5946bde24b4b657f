using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Gen.Blocks;
using TorchSharp;
using static TorchSharp.torch;

namespace Gen.Runtime.Tests
{
    public sealed class SafetensorsTests : IDisposable
    {
        private readonly string dir = Directory.CreateTempSubdirectory("gen-safetensors-").FullName;

        public void Dispose() => Directory.Delete(dir, recursive: true);

        private string PathOf(string name) => Path.Combine(dir, name);

        /// <summary>A small module with parameters, BN buffers (incl. an I64 scalar) and a relative_index.</summary>
        private static nn.Module<Tensor, Tensor> NewModule() => new RelativeTransformer(8, 16, 2, 2, downsample: true, heads: 2, headDim: 4);

        private static void Randomize(nn.Module module, int seed)
        {
            manual_seed(seed);
            using (no_grad())
                foreach (var (key, t) in module.state_dict())
                    if (t.dtype == ScalarType.Float32)
                        t.copy_(randn(t.shape));
        }

        // ----------------------------------------------------------------------------------------
        // Round trip and interop
        // ----------------------------------------------------------------------------------------

        [Fact]
        public void RoundTripRestoresEveryTensorExactly()
        {
            using var source = NewModule();
            Randomize(source, 1);
            string path = PathOf("m.safetensors");
            Safetensors.Save(source, path);

            using var target = NewModule();
            Randomize(target, 2);
            var report = Safetensors.Load(target, path);
            Assert.True(report.IsExactMatch);
            Assert.Equal(PyTorchStateDict.Of(source).Keys, report.LoadedKeys);
            Assert.Equal("pt", report.Metadata["format"]);
            var expected = source.state_dict();
            foreach (var (key, t) in target.state_dict())
                Assert.True(t.Equals(expected[key]), key);
            // parameters stay parameters (copied in place, still trainable)
            Assert.All(target.parameters(), p => Assert.True(p.requires_grad));
        }

        [Fact]
        public void SaveWritesTheSameBytesAsThePythonWriter()
        {
            // fixtures/blocks/*.weights.safetensors were written by make_block_fixtures.py; loading
            // one and saving it with the same metadata must reproduce the file byte for byte.
            string name = "cot_bottleneck_s2";
            string reference = Fixtures.Block($"{name}.weights.safetensors");
            using var block = BlockCatalog.Blocks[name]();
            var report = Safetensors.Load(block, reference);
            string path = PathOf("resaved.safetensors");
            var metadata = new Dictionary<string, string>
            {
                ["block"] = name,
                ["generator"] = report.Metadata["generator"],
                ["torch"] = report.Metadata["torch"],
            };
            Safetensors.Save(block, path, metadata);
            Assert.Equal(File.ReadAllBytes(reference), File.ReadAllBytes(path));
        }

        [Fact]
        public void ReadsEveryDtypeWrittenByPython()
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.Root, "interop.json")));
            var tensors = Safetensors.LoadTensors(Path.Combine(Fixtures.Root, "interop.safetensors"));
            try
            {
                var expectedKeys = doc.RootElement.GetProperty("tensors").EnumerateArray().Select(e => e.GetProperty("key").GetString()!).ToList();
                Assert.Equal(expectedKeys, tensors.Keys.ToList());
                foreach (var e in doc.RootElement.GetProperty("tensors").EnumerateArray())
                {
                    string key = e.GetProperty("key").GetString()!;
                    string dtype = e.GetProperty("dtype").GetString()!;
                    var shape = e.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
                    var values = e.GetProperty("values").EnumerateArray().Select(v => v.GetInt64()).ToArray();
                    var t = tensors[key];
                    Assert.Equal(shape, t.shape);
                    Assert.Equal(dtype, Safetensors.DtypeCode(t.dtype));
                    Assert.Equal(values, Spell(t));
                }
                var index = Safetensors.ReadIndex(Path.Combine(Fixtures.Root, "interop.safetensors"));
                Assert.Equal(expectedKeys, index.Select(i => i.Key).ToList());
            }
            finally
            {
                foreach (var t in tensors.Values) t.Dispose();
            }

            // and writing them again gives Python's bytes
            var again = Safetensors.LoadTensors(Path.Combine(Fixtures.Root, "interop.safetensors"));
            try
            {
                string path = PathOf("interop.safetensors");
                Safetensors.SaveTensors(again, path, new Dictionary<string, string>
                {
                    ["format"] = "pt",
                    ["note"] = "written by make_block_fixtures.py",
                });
                Assert.Equal(File.ReadAllBytes(Path.Combine(Fixtures.Root, "interop.safetensors")), File.ReadAllBytes(path));
            }
            finally
            {
                foreach (var t in again.Values) t.Dispose();
            }
        }

        /// <summary>The values as interop.json spells them: bit patterns for floats, values otherwise.</summary>
        private static long[] Spell(Tensor t)
        {
            using var scope = NewDisposeScope();
            if (t.numel() == 0) return Array.Empty<long>();
            switch (t.dtype)
            {
                case ScalarType.Float32:
                    return t.data<float>().ToArray().Select(v => (long)BitConverter.SingleToInt32Bits(v)).ToArray();
                case ScalarType.Float64:
                    return t.data<double>().ToArray().Select(v => BitConverter.DoubleToInt64Bits(v)).ToArray();
                case ScalarType.Float16:
                    return t.to_type(ScalarType.Float32).data<float>().ToArray().Select(v => (long)(short)BitConverter.HalfToUInt16Bits((Half)v)).ToArray();
                case ScalarType.BFloat16:
                    return t.to_type(ScalarType.Float32).data<float>().ToArray().Select(v => (long)(short)(BitConverter.SingleToUInt32Bits(v) >> 16)).ToArray();
                case ScalarType.Int64:
                    return t.data<long>().ToArray();
                default:
                    return t.to_type(ScalarType.Int64).data<long>().ToArray();
            }
        }

        [Fact]
        public void HalfAndBFloat16ModulesRoundTrip()
        {
            foreach (var type in new[] { ScalarType.Float16, ScalarType.BFloat16, ScalarType.Float64 })
            {
                using var source = new SqueezeExcite(32);
                Randomize(source, 3);
                source.to(type);
                string path = PathOf($"m-{type}.safetensors");
                Safetensors.Save(source, path);
                Assert.All(Safetensors.ReadIndex(path), e => Assert.Equal(Safetensors.DtypeCode(type), e.Dtype));

                using var target = new SqueezeExcite(32);
                target.to(type);
                Safetensors.Load(target, path);
                var expected = source.state_dict();
                foreach (var (key, t) in target.state_dict())
                    Assert.True(t.Equals(expected[key]), $"{type} {key}");
            }
        }

        // ----------------------------------------------------------------------------------------
        // Failures: each names the problem and changes no weight
        // ----------------------------------------------------------------------------------------

        /// <summary>Saves a reference module, lets <paramref name="corrupt"/> damage the file, loads it into a
        /// randomised module and checks the message and that nothing changed.</summary>
        private SafetensorsException LoadFails(Func<byte[], byte[]> corrupt, bool strict = true, nn.Module? into = null)
        {
            using var source = NewModule();
            Randomize(source, 10);
            string path = PathOf("bad.safetensors");
            Safetensors.Save(source, path);
            File.WriteAllBytes(path, corrupt(File.ReadAllBytes(path)));
            var target = into ?? NewModule();
            try
            {
                Randomize(target, 11);
                var before = Fixtures.Snapshot(target);
                var e = Assert.Throws<SafetensorsException>(() => Safetensors.Load(target, path, strict));
                Fixtures.AssertUnchanged(target, before);
                Assert.Contains(path, e.Message);
                return e;
            }
            finally
            {
                if (into is null) target.Dispose();
            }
        }

        private static (long Length, string Json, byte[] Data) Split(byte[] file)
        {
            long n = (long)BinaryPrimitives.ReadUInt64LittleEndian(file);
            return (n, Encoding.UTF8.GetString(file, 8, (int)n), file.Skip(8 + (int)n).ToArray());
        }

        private static byte[] Join(string json, byte[] data)
        {
            var header = Encoding.UTF8.GetBytes(json);
            var result = new byte[8 + header.Length + data.Length];
            BinaryPrimitives.WriteUInt64LittleEndian(result, (ulong)header.Length);
            header.CopyTo(result, 8);
            data.CopyTo(result, 8 + header.Length);
            return result;
        }

        private static byte[] EditHeader(byte[] file, Func<string, string> edit)
        {
            var (_, json, data) = Split(file);
            return Join(edit(json), data);
        }

        [Fact]
        public void TooShortFileIsNamed()
        {
            var e = LoadFails(f => f.Take(5).ToArray());
            Assert.Null(e.Key);
            Assert.Contains("too short for the 8-byte header length", e.Message);
        }

        [Fact]
        public void HeaderLengthPastTheEndIsNamed()
        {
            var e = LoadFails(f => { BinaryPrimitives.WriteUInt64LittleEndian(f, (ulong)f.Length); return f; });
            Assert.Contains("only", e.Problem);
            Assert.Contains("follow the length", e.Problem);
        }

        [Fact]
        public void HugeHeaderLengthIsNamed()
        {
            var e = LoadFails(f => { BinaryPrimitives.WriteUInt64LittleEndian(f, ulong.MaxValue); return f; });
            Assert.Contains("limit", e.Problem);
        }

        [Fact]
        public void HeaderThatIsNotJsonIsNamed()
        {
            var e = LoadFails(f => EditHeader(f, json => "{" + json.Substring(2)));
            Assert.Contains("not valid UTF-8 JSON", e.Problem);
        }

        [Fact]
        public void HeaderThatIsNotAnObjectIsNamed()
        {
            var e = LoadFails(f => EditHeader(f, json => "[1, 2]" + new string(' ', json.Length - 6)));
            Assert.Contains("does not start with '{'", e.Problem);
        }

        [Fact]
        public void UnknownDtypeIsNamed()
        {
            var e = LoadFails(f => EditHeader(f, json => json.Replace("\"dtype\":\"F32\"", "\"dtype\":\"X32\"")));
            Assert.Equal("proj.weight", e.Key);        // the first F32 entry of the header
            Assert.Contains("unknown dtype 'X32'", e.Problem);
        }

        [Fact]
        public void BoolElementOtherThanZeroOrOneIsNamed()
        {
            string path = PathOf("bools.safetensors");
            string json = "{\"flags\":{\"dtype\":\"BOOL\",\"shape\":[4],\"data_offsets\":[0,4]}}";
            File.WriteAllBytes(path, Join(json + new string(' ', (8 - (json.Length % 8)) % 8), new byte[] { 1, 0, 2, 1 }));
            var e = Assert.Throws<SafetensorsException>(() => Safetensors.LoadTensors(path));
            Assert.Equal("flags", e.Key);
            Assert.Contains("holds 2 (byte 2)", e.Problem);

            File.WriteAllBytes(path, Join(json + new string(' ', (8 - (json.Length % 8)) % 8), new byte[] { 1, 0, 0, 1 }));
            var flags = Safetensors.LoadTensors(path)["flags"];
            Assert.Equal(new[] { true, false, false, true }, flags.data<bool>().ToArray());
        }

        [Fact]
        public void OffsetsThatDisagreeWithTheShapeAreNamed()
        {
            // proj.weight is [16, 8, 1, 1] F32 = 512 bytes; claim [16, 8, 1, 2]
            var e = LoadFails(f => EditHeader(f, json => json.Replace("\"shape\":[16,8,1,1]", "\"shape\":[16,8,1,2]")));
            Assert.Equal("proj.weight", e.Key);
            Assert.Contains("needs 1024 bytes but data_offsets", e.Problem);
        }

        [Fact]
        public void OverlappingTensorsAreNamed()
        {
            var e = LoadFails(f => EditHeader(f, json =>
            {
                using var doc = JsonDocument.Parse(json);
                var first = doc.RootElement.EnumerateObject().First(p => p.Name == "proj.weight");
                var second = doc.RootElement.EnumerateObject().First(p => p.Name == "attn.1.norm.weight");
                long begin = first.Value.GetProperty("data_offsets")[0].GetInt64();
                string old = second.Value.GetProperty("data_offsets").GetRawText();
                long length = second.Value.GetProperty("data_offsets")[1].GetInt64() - second.Value.GetProperty("data_offsets")[0].GetInt64();
                return json.Replace("\"attn.1.norm.weight\":{\"dtype\":\"F32\",\"shape\":[8],\"data_offsets\":" + old,
                                    $"\"attn.1.norm.weight\":{{\"dtype\":\"F32\",\"shape\":[8],\"data_offsets\":[{begin},{begin + length}]");
            }));
            Assert.Contains("overlap", e.Problem);
        }

        [Fact]
        public void DuplicateKeyIsNamed()
        {
            var e = LoadFails(f => EditHeader(f, json =>
            {
                int at = json.IndexOf("\"proj.weight\"", StringComparison.Ordinal);
                int end = json.IndexOf('}', at) + 1;
                string entry = json.Substring(at, end - at);
                return json.Insert(end, "," + entry);
            }));
            Assert.Equal("proj.weight", e.Key);
            Assert.Contains("appears twice", e.Problem);
        }

        [Fact]
        public void GapBetweenTensorsIsNamed()
        {
            // move the last tensor 4 bytes further and grow the data by 4: a hole before it
            var e = LoadFails(f =>
            {
                var (_, json, data) = Split(f);
                using var doc = JsonDocument.Parse(json);
                var last = doc.RootElement.EnumerateObject().Where(p => p.Name != "__metadata__")
                    .OrderBy(p => p.Value.GetProperty("data_offsets")[0].GetInt64()).Last();
                long b = last.Value.GetProperty("data_offsets")[0].GetInt64(), en = last.Value.GetProperty("data_offsets")[1].GetInt64();
                string edited = json.Replace($"\"data_offsets\":[{b},{en}]", $"\"data_offsets\":[{b + 4},{en + 4}]");
                var grown = data.Take((int)b).Concat(new byte[4]).Concat(data.Skip((int)b)).ToArray();
                return Join(edited, grown);
            });
            Assert.Contains("unused", e.Problem);
        }

        [Fact]
        public void TruncatedDataIsNamed()
        {
            var e = LoadFails(f => f.Take(f.Length - 10).ToArray());
            Assert.NotNull(e.Key);
            Assert.Contains("run past the end of the data", e.Problem);
            Assert.Contains("truncated", e.Problem);
        }

        [Fact]
        public void TrailingBytesAreNamed()
        {
            var e = LoadFails(f => f.Concat(new byte[16]).ToArray());
            Assert.Contains("16 unexplained trailing bytes", e.Problem);
        }

        [Fact]
        public void WrongShapeIsNamedWithBothShapes()
        {
            // a block built for another size: same keys, other shapes
            using var other = new RelativeTransformer(8, 16, 2, 2, downsample: true, heads: 2, headDim: 8);
            var e = LoadFails(f => f, into: other);
            Assert.Equal("attn.1.fn.to_qkv.weight", e.Key);
            Assert.Contains("shape [24, 8] in the file, but the module expects [48, 8]", e.Problem);
        }

        [Fact]
        public void WrongDtypeIsNamedWithBothDtypes()
        {
            using var source = NewModule();
            string path = PathOf("dtype.safetensors");
            var tensors = source.state_dict().Select(p => new KeyValuePair<string, Tensor>(p.Key,
                p.Key == "ff.1.norm.bias" ? p.Value.to_type(ScalarType.Float64) : p.Value)).ToList();
            Safetensors.SaveTensors(tensors, path);
            using var target = NewModule();
            Randomize(target, 4);
            var before = Fixtures.Snapshot(target);
            var e = Assert.Throws<SafetensorsException>(() => Safetensors.Load(target, path));
            Assert.Equal("ff.1.norm.bias", e.Key);
            Assert.Contains("dtype F64 in the file, but the module's tensor is F32", e.Problem);
            Fixtures.AssertUnchanged(target, before);
        }

        [Fact]
        public void MissingKeyFailsStrictAndIsReportedOtherwise()
        {
            using var source = NewModule();
            Randomize(source, 5);
            string path = PathOf("missing.safetensors");
            var kept = source.state_dict().Where(p => p.Key != "attn.1.fn.relative_bias_table").ToList();
            Safetensors.SaveTensors(kept, path);

            using var target = NewModule();
            Randomize(target, 6);
            var before = Fixtures.Snapshot(target);
            var e = Assert.Throws<SafetensorsException>(() => Safetensors.Load(target, path));
            Assert.Equal("attn.1.fn.relative_bias_table", e.Key);
            Assert.Contains("missing from the file; the module expects [9, 2] F32", e.Problem);
            Fixtures.AssertUnchanged(target, before);

            var report = Safetensors.Load(target, path, strict: false);
            Assert.Equal(new[] { "attn.1.fn.relative_bias_table" }, report.MissingKeys);
            Assert.Empty(report.UnexpectedKeys);
            var now = target.state_dict();
            Assert.True(now["attn.1.fn.relative_bias_table"].Equals(before["attn.1.fn.relative_bias_table"]));
            foreach (var (key, t) in kept)
                Assert.True(now[key].Equals(t), key);
        }

        [Fact]
        public void UnexpectedKeyFailsStrictAndIsReportedOtherwise()
        {
            using var source = NewModule();
            Randomize(source, 7);
            string path = PathOf("unexpected.safetensors");
            using var extra = ones(3);
            var tensors = source.state_dict().ToList();
            tensors.Add(new KeyValuePair<string, Tensor>("head.weight", extra));
            Safetensors.SaveTensors(tensors, path);

            using var target = NewModule();
            Randomize(target, 8);
            var before = Fixtures.Snapshot(target);
            var e = Assert.Throws<SafetensorsException>(() => Safetensors.Load(target, path));
            Assert.Equal("head.weight", e.Key);
            Assert.Contains("not in the module's state dict", e.Problem);
            Fixtures.AssertUnchanged(target, before);

            var report = Safetensors.Load(target, path, strict: false);
            Assert.Equal(new[] { "head.weight" }, report.UnexpectedKeys);
            Assert.Empty(report.MissingKeys);
            var expected = source.state_dict();
            foreach (var (key, t) in target.state_dict())
                Assert.True(t.Equals(expected[key]), key);
        }

        [Fact]
        public void ShapeProblemsFailEvenWhenNotStrict()
        {
            using var other = new RelativeTransformer(8, 16, 2, 2, downsample: true, heads: 2, headDim: 8);
            var e = LoadFails(f => f, strict: false, into: other);
            Assert.Equal("attn.1.fn.to_qkv.weight", e.Key);
        }

        // ----------------------------------------------------------------------------------------
        // Atomic save
        // ----------------------------------------------------------------------------------------

        [Fact]
        public void FailedSaveLeavesTheOldFileIntactAndNoTemporaryFile()
        {
            using var module = NewModule();
            Randomize(module, 9);
            string path = PathOf("atomic.safetensors");
            Safetensors.Save(module, path);
            var old = File.ReadAllBytes(path);

            Randomize(module, 10);
            int written = 0;
            var e = Assert.Throws<IOException>(() => Safetensors.SaveTensors(module.state_dict(), path, null, key =>
            {
                if (++written == 4) throw new IOException($"disk full before '{key}'");
            }));
            Assert.Contains("disk full", e.Message);
            Assert.Equal(old, File.ReadAllBytes(path));
            Assert.Equal(new[] { path }, Directory.GetFiles(dir));

            // the same save without the failure replaces the file
            Safetensors.Save(module, path);
            Assert.NotEqual(old, File.ReadAllBytes(path));
            Assert.Equal(new[] { path }, Directory.GetFiles(dir));
        }

        [Fact]
        public void SaveRejectsDuplicateAndReservedKeysBeforeWriting()
        {
            using var a = ones(2);
            string path = PathOf("keys.safetensors");
            Assert.Throws<ArgumentException>(() => Safetensors.SaveTensors(new[]
            {
                new KeyValuePair<string, Tensor>("x", a), new KeyValuePair<string, Tensor>("x", a),
            }, path));
            Assert.Throws<ArgumentException>(() => Safetensors.SaveTensors(new[]
            {
                new KeyValuePair<string, Tensor>("__metadata__", a),
            }, path));
            Assert.False(File.Exists(path));
            Assert.Empty(Directory.GetFiles(dir));
        }
    }
}
