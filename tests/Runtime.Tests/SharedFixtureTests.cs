using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Gen.Blocks;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Gen.Runtime.Tests
{
    /// <summary>
    /// The blocks against the single-block fixtures of tests/fixtures/models/make_fixtures.py
    /// (tests/fixtures/parity/block_*): same reference transcriptions, other seeds and sizes.
    /// Eval output, train output, input gradient and the stored parameter gradients, &lt;= 1e-4.
    /// </summary>
    public sealed class SharedFixtureTests
    {
        private readonly ITestOutputHelper output;

        public SharedFixtureTests(ITestOutputHelper output) => this.output = output;

        private static string Dir => Path.Combine(AppContext.BaseDirectory, "shared-parity");

        private static readonly Dictionary<string, Func<nn.Module<Tensor, Tensor>>> Blocks = new()
        {
            ["block_cot_layer"] = () => new CoTLayer(16),
            ["block_cot_layer_g4"] = () => new CoTLayer(16, 3, 4),
            ["block_cot_bottleneck_s2"] = () => new CoTBottleneck(32, 8, 2),
            ["block_nam"] = () => new NamAttention(16),
            ["block_bottleneck_nam"] = () => new Bottleneck(32, 8, attention: AttentionKind.Nam),
            ["block_basic_nam_s2"] = () => new BasicBlock(16, 32, 2, AttentionKind.Nam),
            ["block_psa_s2"] = () => new PSAModule(64, 64, 2, new long[] { 3, 5, 7, 9 }, new long[] { 1, 4, 8, 16 }),
            ["block_mbconv_down"] = () => new MBConv(16, 24, downsample: true),
            ["block_mbconv"] = () => new MBConv(24, 24),
            ["block_transformer_down"] = () => new RelativeTransformer(16, 32, 4, 4, downsample: true, heads: 2, headDim: 8),
            ["block_transformer"] = () => new RelativeTransformer(32, 32, 4, 3, heads: 2, headDim: 8),
        };

        public static IEnumerable<object[]> Names()
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "manifest.json")));
            return doc.RootElement.GetProperty("blocks").EnumerateArray().Select(b => new object[] { b.GetProperty("name").GetString()! }).ToList();
        }

        [Theory]
        [MemberData(nameof(Names))]
        public void MatchesTheModelFixtureScript(string name)
        {
            Assert.True(Blocks.ContainsKey(name), $"no C# constructor for the shared fixture '{name}': add it here");
            using var block = Blocks[name]();
            Safetensors.Load(block, Path.Combine(Dir, $"{name}.weights.safetensors"));
            var io = Safetensors.LoadTensors(Path.Combine(Dir, $"{name}.io.safetensors"));
            var errors = new List<(string, double)>();
            try
            {
                block.eval();
                using (no_grad())
                using (var y = block.call(io["input"]))
                    errors.Add(("output", Fixtures.RelativeError(y, io["output"])));

                Safetensors.Load(block, Path.Combine(Dir, $"{name}.weights.safetensors"));
                block.train();
                using var x = io["input"].detach().clone().requires_grad_(true);
                using var yt = block.call(x);
                using var loss = (yt * io["loss_weight"]).sum();
                loss.backward();
                errors.Add(("train.output", Fixtures.RelativeError(yt, io["train.output"])));
                using (var g = x.grad!)
                    errors.Add(("train.input_grad", Fixtures.RelativeError(g, io["train.input_grad"])));
                var parameters = block.named_parameters().ToDictionary(p => p.name, p => p.parameter);
                foreach (var key in io.Keys.Where(k => k.StartsWith("train.grad.", StringComparison.Ordinal)))
                {
                    using var grad = parameters[key.Substring("train.grad.".Length)].grad!;
                    errors.Add((key, Fixtures.RelativeError(grad, io[key])));
                }
            }
            finally
            {
                foreach (var t in io.Values) t.Dispose();
            }
            output.WriteLine($"{name}: worst {errors.Max(e => e.Item2):E1} over {errors.Count} quantities");
            foreach (var (quantity, error) in errors)
                Assert.True(error <= 1e-4, $"{name}: {quantity} relative error {error:E2}");
        }
    }
}
