using System.Collections.Generic;
using System.IO;
using System.Linq;
using Gen.Architectures.Tests.Infrastructure;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Gen.Architectures.Tests
{
    /// <summary>
    /// Item 3 of issue 4: the generated models' state dicts equal the reference PyTorch models' line
    /// for line (key, order, shape, dtype), so a reference checkpoint loads as it is.
    /// </summary>
    [Collection(FullSizeCollection.Name)]
    public sealed class StateDictTests
    {
        private readonly FullSizeModels models;

        public StateDictTests(FullSizeModels models) => this.models = models;

        public static TheoryData<string> WithReference => new() { "CoTNet50", "ResNet50Nam", "EPSANet50", "CoAtNet0" };

        [Theory]
        [MemberData(nameof(WithReference))]
        public void StateDictKeysOrderShapesAndDtypesEqualTheReferenceListing(string name)
        {
            var expected = File.ReadAllLines(TestData.Reference(name))
                .Where(line => line.Length > 0 && !line.StartsWith("#"))
                .ToList();
            var model = models.Get(ReferenceCounts.Get(name));
            var actual = Describe(model.state_dict());

            var differences = new List<string>();
            for (var i = 0; i < System.Math.Max(expected.Count, actual.Count); i++)
            {
                var e = i < expected.Count ? expected[i] : "(none)";
                var a = i < actual.Count ? actual[i] : "(none)";
                if (e != a)
                {
                    differences.Add($"  line {i + 1}: expected '{e}', got '{a}'");
                }
            }

            Assert.True(
                differences.Count == 0,
                $"{name}: {differences.Count} of {expected.Count} reference lines differ ({actual.Count} state-dict entries); first ones:\n"
                + string.Join("\n", differences.Take(10)));
        }

        [Fact]
        public void RelativeIndexIsAPersistentInt64BufferOfEveryTransformerBlock()
        {
            // coatnet-pytorch registers relative_index as a persistent buffer: it is part of the
            // checkpoint (and of the reference listing), and it must not be trainable.
            var model = models.Get(ReferenceCounts.Get("CoAtNet0"));
            var state = model.state_dict();
            var indices = state.Where(kv => kv.Key.EndsWith(".relative_index")).ToList();
            Assert.Equal(7, indices.Count); // s3: 5 blocks, s4: 2 blocks
            Assert.All(indices, kv => Assert.Equal(ScalarType.Int64, kv.Value.dtype));
            Assert.Equal(new long[] { 38416, 1 }, state["s3.0.attn.1.fn.relative_index"].shape); // (14*14)^2
            Assert.Equal(new long[] { 2401, 1 }, state["s4.0.attn.1.fn.relative_index"].shape);  // (7*7)^2
            Assert.DoesNotContain(model.named_parameters(), p => p.name.EndsWith(".relative_index"));
        }

        internal static List<string> Describe(Dictionary<string, Tensor> stateDict) =>
            stateDict.Select(kv => $"{kv.Key} [{string.Join(", ", kv.Value.shape)}] {DtypeName(kv.Value.dtype)}").ToList();

        private static string DtypeName(ScalarType dtype) => dtype switch
        {
            ScalarType.Float32 => "float32",
            ScalarType.Float64 => "float64",
            ScalarType.Float16 => "float16",
            ScalarType.BFloat16 => "bfloat16",
            ScalarType.Int64 => "int64",
            ScalarType.Int32 => "int32",
            ScalarType.Bool => "bool",
            _ => dtype.ToString(),
        };
    }
}
