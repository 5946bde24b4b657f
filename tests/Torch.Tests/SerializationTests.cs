using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Torch.Tests
{
    /// <summary>Module.save / Module.load in TorchSharp's own format (torchsharp-api.md §13).</summary>
    public class SerializationTests
    {
        private static byte[] Save(nn.Module m)
        {
            using var ms = new MemoryStream();
            m.save(ms);
            return ms.ToArray();
        }

        private static void Load(nn.Module m, byte[] bytes, bool strict = true)
        {
            using var ms = new MemoryStream(bytes);
            m.load(ms, strict);
        }

        private static Dictionary<string, Tensor> Snapshot(nn.Module m) =>
            m.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone().DetachFromDisposeScope());

        private static void AssertSameState(Dictionary<string, Tensor> expected, nn.Module m, string what)
        {
            var sd = m.state_dict();
            Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), sd.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach (var (k, v) in expected)
                Assert.True(v.Equals(sd[k]), $"{what}: {k} changed");
        }

        // ---- hand-built bytes of the format ---------------------------------------------------------------

        private static void Leb128(BinaryWriter w, long value)
        {
            ulong v = checked((ulong)value);
            do
            {
                byte b = (byte)(v & 0x7F);
                v >>= 7;
                if (v != 0) b |= 0x80;
                w.Write(b);
            } while (v != 0);
        }

        private static void Record(BinaryWriter w, string key, ScalarType dtype, long[] shape, byte[] data)
        {
            w.Write(key);                    // 7-bit-encoded byte length + UTF-8
            Leb128(w, (long)dtype);
            Leb128(w, shape.Length);
            foreach (var d in shape) Leb128(w, d);
            w.Write(data);
        }

        private static byte[] Bytes(float[] v) { var b = new byte[v.Length * 4]; Buffer.BlockCopy(v, 0, b, 0, b.Length); return b; }
        private static byte[] Bytes(long[] v) { var b = new byte[v.Length * 8]; Buffer.BlockCopy(v, 0, b, 0, b.Length); return b; }

        [Fact]
        public void Saved_bytes_are_LEB128_count_then_key_dtype_rank_dims_and_raw_data_per_entry()
        {
            // weight [1, 200]: a dimension of two LEB128 bytes (0xC8 0x01); BatchNorm adds an Int64 rank-0 entry.
            using var model = Sequential(("fc", Linear(200, 1, hasBias: false)), ("bn", BatchNorm2d(2)));
            var w = Enumerable.Range(0, 200).Select(i => i * 0.5f - 3f).ToArray();
            using (var scope = NewDisposeScope())
            using (no_grad())
            {
                model.state_dict()["fc.weight"].copy_(torch.tensor(w, new long[] { 1, 200 }));
            }

            using var expected = new MemoryStream();
            using (var bw = new BinaryWriter(expected, Encoding.UTF8, leaveOpen: true))
            {
                Leb128(bw, 6);
                Record(bw, "fc.weight", ScalarType.Float32, new long[] { 1, 200 }, Bytes(w));
                Record(bw, "bn.weight", ScalarType.Float32, new long[] { 2 }, Bytes(new[] { 1f, 1f }));
                Record(bw, "bn.bias", ScalarType.Float32, new long[] { 2 }, Bytes(new[] { 0f, 0f }));
                Record(bw, "bn.running_mean", ScalarType.Float32, new long[] { 2 }, Bytes(new[] { 0f, 0f }));
                Record(bw, "bn.running_var", ScalarType.Float32, new long[] { 2 }, Bytes(new[] { 1f, 1f }));
                Record(bw, "bn.num_batches_tracked", ScalarType.Int64, Array.Empty<long>(), Bytes(new[] { 0L }));
            }
            var actual = Save(model);
            Assert.Equal(0x06, actual[0]);
            Assert.Equal(expected.ToArray(), actual);
        }


        private static long ReadLeb128(BinaryReader r)
        {
            long v = 0;
            int shift = 0;
            byte b;
            do { b = r.ReadByte(); v |= (long)(b & 0x7F) << shift; shift += 7; } while ((b & 0x80) != 0);
            return v;
        }

        /// <summary>The keys of a saved file, in file order, read with the format's own rules.</summary>
        private static List<string> SavedKeys(byte[] bytes)
        {
            using var r = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            var keys = new List<string>();
            long n = ReadLeb128(r);
            for (long i = 0; i < n; i++)
            {
                keys.Add(r.ReadString());
                var dtype = (ScalarType)ReadLeb128(r);
                long rank = ReadLeb128(r), numel = 1;
                for (long d = 0; d < rank; d++) numel *= ReadLeb128(r);
                r.ReadBytes(checked((int)(numel * (dtype == ScalarType.Int64 || dtype == ScalarType.Float64 ? 8 : 4))));
            }
            Assert.Equal(bytes.Length, r.BaseStream.Position);
            return keys;
        }

        [Fact]
        public void Saved_entries_follow_TorchSharps_order_all_parameters_then_all_buffers()
        {
            using var model = Sequential(Conv2d(3, 4, 3, bias: false), BatchNorm2d(4), Flatten(), Linear(4, 2));
            Assert.Equal(new[] { "0.weight", "1.weight", "1.bias", "3.weight", "3.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked" },
                         SavedKeys(Save(model)));
        }

        [Fact]
        public void Loading_hand_built_bytes_sets_the_values_and_accepts_any_entry_order()
        {
            using var lin = Linear(2, 3);
            var weight = new[] { 1f, 2f, 3f, 4f, 5f, 6f };
            var bias = new[] { -1f, 0.5f, 7f };
            using var ms = new MemoryStream();
            using (var bw = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
            {
                Leb128(bw, 2);
                Record(bw, "bias", ScalarType.Float32, new long[] { 3 }, Bytes(bias));
                Record(bw, "weight", ScalarType.Float32, new long[] { 3, 2 }, Bytes(weight));
            }
            ms.Position = 0;
            lin.load(ms);
            Assert.Equal(weight, lin.weight.data<float>().ToArray());
            Assert.Equal(bias, lin.bias!.data<float>().ToArray());
            Assert.True(lin.weight.requires_grad);
        }

        [Fact]
        public void More_than_127_entries_use_a_two_byte_LEB128_count()
        {
            var layers = Enumerable.Range(0, 70).Select(_ => (Module<Tensor, Tensor>)Linear(1, 1)).ToArray();
            using var seq = Sequential(layers);
            var bytes = Save(seq);
            Assert.Equal(new byte[] { 0x8C, 0x01 }, bytes.Take(2).ToArray()); // 140 entries
        }

        [Fact]
        public void Save_then_load_round_trips_every_tensor_exactly()
        {
            torch.manual_seed(1);
            using var a = new NamingNet();
            using (var scope = NewDisposeScope())
            {
                a.train();
                a.call(torch.randn(2, 3, 6, 6)); // moves BatchNorm statistics and num_batches_tracked
            }
            var bytes = Save(a);
            torch.manual_seed(2);
            using var b = new NamingNet();
            Load(b, bytes);
            AssertSameState(Snapshot(a), b, "round trip");
        }

        [Fact]
        public void A_file_written_by_the_bridge_reads_back_bit_identical()
        {
            torch.manual_seed(3);
            using var a = new NamingNet();
            var first = Save(a);
            torch.manual_seed(4);
            using var b = new NamingNet();
            Assert.NotEqual(first, Save(b));
            Load(b, first);
            Assert.Equal(first, Save(b));
        }

        [Fact]
        public void Save_and_load_by_path_and_skip_keys()
        {
            var path = Path.Combine(Path.GetTempPath(), $"gen-torch-tests-{Guid.NewGuid():N}.bin");
            try
            {
                torch.manual_seed(5);
                using var a = Linear(3, 2);
                a.save(path, skip: new[] { "bias" });
                using var b = Linear(3, 2);
                var biasBefore = b.bias!.clone().DetachFromDisposeScope();
                b.load(path, strict: false);
                Assert.True(a.weight.Equals(b.weight));
                Assert.True(biasBefore.Equals(b.bias!), "a skipped key must not be written or loaded");
                biasBefore.Dispose();
                using var c = Linear(3, 2);
                c.load(path, strict: false, skip: new[] { "weight" });
                Assert.False(a.weight.Equals(c.weight));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_file_in_exportsd_format_from_PyTorch_loads_and_saves_back_byte_identical()
        {
            var bytes = File.ReadAllBytes(Path.Combine(Gen.Torch.Tests.Infrastructure.Fixtures.Dir, "exportsd_mlp.bin"));
            using var model = Sequential(Linear(4, 8), ReLU(), Linear(8, 3));
            Load(model, bytes);
            using (var scope = NewDisposeScope())
            {
                var sd = model.state_dict();
                foreach (var (key, entry) in Gen.Torch.Tests.Infrastructure.Fixtures.Optim.WithPrefix("model.init."))
                    Assert.True(entry.ToTensor().Equals(sd[key]), $"{key} differs from PyTorch's");
            }
            Assert.Equal(bytes, Save(model));
        }

        [Fact]
        public void A_PyTorch_convnet_exported_in_exportsd_format_loads_every_entry_by_key()
        {
            var bytes = File.ReadAllBytes(Path.Combine(Gen.Torch.Tests.Infrastructure.Fixtures.Dir, "exportsd_convnet.bin"));
            using var model = Sequential(Conv2d(3, 4, 3, padding: 1, bias: false), BatchNorm2d(4), ReLU(), MaxPool2d(2), Flatten(), Linear(36, 5));
            Load(model, bytes);
            using var scope = NewDisposeScope();
            var sd = model.state_dict();
            var expected = Gen.Torch.Tests.Infrastructure.Fixtures.Modules.WithPrefix("Sequential_convnet.state.").ToList();
            Assert.Equal(expected.Count, sd.Count);
            foreach (var (key, entry) in expected)
                Assert.True(entry.ToTensor().Equals(sd[key]), $"{key} differs from PyTorch's");
            Assert.Equal(3L, sd["1.num_batches_tracked"].item<long>());
        }

        [Fact]
        public void Load_state_dict_copies_values_into_the_existing_parameters()
        {
            using var a = Linear(3, 2);
            using var b = Linear(3, 2);
            var weightObject = b.weight;
            b.load_state_dict(a.state_dict());
            Assert.Same(weightObject, b.weight);
            Assert.True(a.weight.Equals(b.weight));
            Assert.True(b.weight.requires_grad && b.weight.is_leaf);
        }

        [Fact]
        public void Non_strict_load_state_dict_reports_missing_and_unexpected_keys()
        {
            using var lin = Linear(3, 2);
            using var scope = NewDisposeScope();
            var source = new Dictionary<string, Tensor> { ["weight"] = torch.ones(2, 3), ["stray"] = torch.zeros(1) };
            var (missing, unexpected) = lin.load_state_dict(source, strict: false);
            Assert.Equal(new[] { "bias" }, missing);
            Assert.Equal(new[] { "stray" }, unexpected);
            Assert.All(lin.weight.data<float>().ToArray(), v => Assert.Equal(1f, v));
        }
    }
}
