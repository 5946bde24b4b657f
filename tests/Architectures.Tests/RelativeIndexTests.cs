using System;
using System.Collections.Generic;
using System.Linq;
using Gen.Architectures.Tests.Infrastructure;
using TorchSharp;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Gen.Architectures.Tests
{
    /// <summary>
    /// The <c>relative_index</c> buffers that <c>Gen.Blocks.RelativeTransformer</c> computes itself.
    /// The parity tests strict-load the PyTorch fixture first, which overwrites these buffers with
    /// PyTorch's values, so a wrong index would go unseen there (and would silently break any model
    /// trained from scratch or loaded from a checkpoint without the buffer). Here every
    /// <c>*.relative_index</c> of a freshly constructed model, before any load, must equal the
    /// fixture's tensor exactly (dtype Int64, same shape, same values).
    /// </summary>
    public sealed class RelativeIndexTests
    {
        private const string Suffix = "relative_index";

        // The single-block fixtures with a relative_index, and their (height, width) token grid
        // (block_transformer is the non-square 4x3 one).
        private static readonly Dictionary<string, (long Height, long Width)> BlockGrids = new()
        {
            ["block_transformer"] = (4, 3),
            ["block_transformer_down"] = (4, 4),
        };

        private readonly ITestOutputHelper output;

        public RelativeIndexTests(ITestOutputHelper output) => this.output = output;

        /// <summary>Every reduced variant whose fixture checkpoint holds a relative_index.</summary>
        public static TheoryData<string> VariantsWithIndex => new(VariantNames());

        /// <summary>Every single-block fixture whose checkpoint holds a relative_index.</summary>
        public static TheoryData<string> BlocksWithIndex => new(BlockNames());

        [Fact]
        public void TheFixturesWithARelativeIndexAreAllCovered()
        {
            // Guards the theory data: the CoAtNet variant(s) and both transformer blocks, incl. 4x3.
            Assert.Contains("coatnet_tiny", VariantNames());
            Assert.Equal(BlockGrids.Keys.OrderBy(n => n), BlockNames().OrderBy(n => n));
        }

        [Theory]
        [MemberData(nameof(VariantsWithIndex))]
        public void FreshVariantIndexEqualsPyTorchBeforeAnyLoad(string name)
        {
            using var scope = NewDisposeScope();
            using var model = Variants.Get(name).Create();
            var entry = ParityFixture.Describe("variants", name);
            var checkedKeys = CompareWithFixture(name, model, entry);

            // The reference algorithm below reproduces the fixtures too, so it can stand in for
            // PyTorch on the full-size model, which has no fixture.
            long image = entry.GetProperty("image").GetInt64();
            foreach (var key in checkedKeys)
            {
                var (h, w) = StageGrid(key, image);
                using var expected = ReferenceIndex(h, w);
                AssertExactlyEqual($"{name} {key} (reference algorithm, {h}x{w})", expected, FixtureTensor(entry, key));
            }
        }

        [Theory]
        [MemberData(nameof(BlocksWithIndex))]
        public void FreshBlockIndexEqualsPyTorchBeforeAnyLoad(string name)
        {
            using var scope = NewDisposeScope();
            using var block = Variants.GetBlock(name).Create();
            var entry = ParityFixture.Describe("blocks", name);
            var checkedKeys = CompareWithFixture(name, block, entry);

            var (h, w) = BlockGrids[name];
            foreach (var key in checkedKeys)
            {
                using var expected = ReferenceIndex(h, w);
                AssertExactlyEqual($"{name} {key} (reference algorithm, {h}x{w})", expected, FixtureTensor(entry, key));
            }
        }

        [Fact]
        public void FullSizeCoAtNet0IndexEqualsTheReferenceAlgorithm()
        {
            // No PyTorch fixture holds CoAtNet-0's weights; the reference algorithm (checked against
            // every fixture above) gives the expected index: s3 at 224/16 = 14x14, s4 at 224/32 = 7x7.
            using var scope = NewDisposeScope();
            using var model = FullSizeModels.Build(ReferenceCounts.Get("CoAtNet0"));
            var state = model.state_dict();
            var keys = state.Keys.Where(IsIndexKey).ToList();
            Assert.Equal(7, keys.Count); // s3: 5 blocks, s4: 2 blocks (reference/CoAtNet0.state_dict.txt)
            foreach (var key in keys)
            {
                var (h, w) = StageGrid(key, 224);
                using var expected = ReferenceIndex(h, w);
                AssertExactlyEqual($"CoAtNet0 {key}", expected, state[key]);
            }
        }

        /// <summary>
        /// Compares every relative_index of <paramref name="model"/> (fresh) with the fixture
        /// checkpoint's; the two must hold the same set of such keys. Returns the keys compared.
        /// </summary>
        private List<string> CompareWithFixture(string name, nn.Module<Tensor, Tensor> model, System.Text.Json.JsonElement entry)
        {
            var path = TestData.Parity(entry.GetProperty("weights_file").GetString()!);
            var fixtureKeys = IndexKeys(entry).ToList();
            var state = model.state_dict();
            var modelKeys = state.Keys.Where(IsIndexKey).ToList();
            Assert.NotEmpty(fixtureKeys);
            Assert.Equal(fixtureKeys.OrderBy(k => k, StringComparer.Ordinal), modelKeys.OrderBy(k => k, StringComparer.Ordinal));

            var tensors = Safetensors.LoadTensors(path);
            try
            {
                foreach (var key in fixtureKeys)
                {
                    AssertExactlyEqual($"{name} {key}", tensors[key], state[key]);
                    output.WriteLine($"{name} {key}: {string.Join("x", state[key].shape)} int64, equal to PyTorch's");
                }
            }
            finally
            {
                foreach (var t in tensors.Values)
                {
                    t.Dispose();
                }
            }

            return fixtureKeys;
        }

        private static Tensor FixtureTensor(System.Text.Json.JsonElement entry, string key)
        {
            var tensors = Safetensors.LoadTensors(TestData.Parity(entry.GetProperty("weights_file").GetString()!));
            foreach (var (k, t) in tensors)
            {
                if (k != key)
                {
                    t.Dispose();
                }
            }

            return tensors[key]; // in the caller's dispose scope
        }

        private static void AssertExactlyEqual(string what, Tensor expected, Tensor actual)
        {
            Assert.True(expected.dtype == ScalarType.Int64, $"{what}: the expected tensor is {expected.dtype}, not Int64.");
            Assert.True(actual.dtype == ScalarType.Int64, $"{what}: dtype {actual.dtype}, expected Int64.");
            Assert.Equal(expected.shape, actual.shape);
            if (!expected.Equals(actual))
            {
                var e = expected.reshape(-1).data<long>().ToArray();
                var a = actual.reshape(-1).data<long>().ToArray();
                var first = Enumerable.Range(0, e.Length).First(i => e[i] != a[i]);
                var wrong = Enumerable.Range(0, e.Length).Count(i => e[i] != a[i]);
                Assert.Fail($"{what}: {wrong} of {e.Length} entries differ; first at flat index {first}: {a[first]}, expected {e[first]}.");
            }
        }

        private static string[] VariantNames() =>
            Variants.All.Select(v => v.Name).Where(n => IndexKeys(ParityFixture.Describe("variants", n)).Any()).ToArray();

        private static string[] BlockNames() =>
            Variants.Blocks.Select(b => b.Name).Where(n => IndexKeys(ParityFixture.Describe("blocks", n)).Any()).ToArray();

        private static bool IsIndexKey(string key) => key == Suffix || key.EndsWith("." + Suffix, StringComparison.Ordinal);

        private static IEnumerable<string> IndexKeys(System.Text.Json.JsonElement entry) =>
            Safetensors.ReadIndex(TestData.Parity(entry.GetProperty("weights_file").GetString()!)).Select(e => e.Key).Where(IsIndexKey);

        /// <summary>coatnet-pytorch's transformer stages: s3 at image/16, s4 at image/32 (square).</summary>
        private static (long Height, long Width) StageGrid(string key, long image) =>
            key.StartsWith("s3.", StringComparison.Ordinal) ? (image / 16, image / 16)
            : key.StartsWith("s4.", StringComparison.Ordinal) ? (image / 32, image / 32)
            : throw new ArgumentException($"'{key}' is in no transformer stage.");

        /// <summary>
        /// coatnet-pytorch's <c>Attention.__init__</c>, step by step with tensor ops (independent of
        /// Gen's loop): coords = stack(meshgrid(arange(ih), arange(iw))).flatten(1);
        /// rel = coords[:, :, None] - coords[:, None, :]; rel[0] += ih - 1; rel[1] += iw - 1;
        /// rel[0] *= 2 * iw - 1; index = rel.permute(1, 2, 0).sum(-1).flatten().unsqueeze(1).
        /// </summary>
        private static Tensor ReferenceIndex(long ih, long iw)
        {
            using var scope = NewDisposeScope();
            var grid = meshgrid(new[] { arange(ih, ScalarType.Int64), arange(iw, ScalarType.Int64) }, indexing: "ij");
            var coords = stack(grid).flatten(1);                                   // [2, n]
            var rel = coords.unsqueeze(2) - coords.unsqueeze(1);                   // [2, n, n]
            var dy = (rel[0] + (ih - 1)) * (2 * iw - 1);
            var dx = rel[1] + (iw - 1);
            var index = stack(new[] { dy, dx }).permute(1, 2, 0).sum(-1).flatten().unsqueeze(1);
            Assert.True(index.dtype == ScalarType.Int64);
            return index.MoveToOuterDisposeScope();
        }
    }
}
