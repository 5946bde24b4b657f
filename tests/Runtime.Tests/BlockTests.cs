using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Gen.Blocks;
using TorchSharp;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Gen.Runtime.Tests
{
    /// <summary>
    /// Every block against PyTorch (tests/fixtures/models/reference_models.py, through
    /// fixtures/make_block_fixtures.py): state-dict keys, shapes and dtypes line for line; eval-mode
    /// output; train-mode output, input gradient, every parameter's gradient and every buffer after
    /// one train-mode forward. Relative error &lt;= 1e-4.
    /// </summary>
    public sealed class BlockTests
    {
        private const double Tolerance = 1e-4;
        private readonly ITestOutputHelper output;

        public BlockTests(ITestOutputHelper output) => this.output = output;

        [Theory]
        [MemberData(nameof(BlockCatalog.All), MemberType = typeof(BlockCatalog))]
        public void StateDictMatchesPyTorch(string name)
        {
            using var block = BlockCatalog.Blocks[name]();
            var expected = File.ReadAllLines(Fixtures.Block($"{name}.keys.txt"));
            var actual = Fixtures.KeyLines(block);
            Assert.Equal(expected, actual);
        }

        [Theory]
        [MemberData(nameof(BlockCatalog.WithIO), MemberType = typeof(BlockCatalog))]
        public void EvalOutputMatchesPyTorch(string name)
        {
            using var block = BlockCatalog.Blocks[name]();
            var report = Safetensors.Load(block, Fixtures.Block($"{name}.weights.safetensors"));
            Assert.True(report.IsExactMatch);
            var io = Safetensors.LoadTensors(Fixtures.Block($"{name}.io.safetensors"));
            try
            {
                block.eval();
                using (no_grad())
                {
                    using var y = block.call(io["input"]);
                    double err = Fixtures.RelativeError(y, io["eval.output"]);
                    output.WriteLine($"{name} eval.output rel err {err:E1}");
                    Assert.True(err <= Tolerance, $"{name}: eval output relative error {err:E2}");
                }
            }
            finally
            {
                foreach (var t in io.Values) t.Dispose();
            }
        }

        [Theory]
        [MemberData(nameof(BlockCatalog.WithIO), MemberType = typeof(BlockCatalog))]
        public void TrainStepMatchesPyTorch(string name)
        {
            using var block = BlockCatalog.Blocks[name]();
            Safetensors.Load(block, Fixtures.Block($"{name}.weights.safetensors"));
            var io = Safetensors.LoadTensors(Fixtures.Block($"{name}.io.safetensors"));
            var errors = new List<(string Quantity, double Error)>();
            try
            {
                block.train();
                using var x = io["input"].detach().clone().requires_grad_(true);
                using var y = block.call(x);
                using var loss = (y * io["loss_weight"]).sum();
                loss.backward();

                errors.Add(("train.output", Fixtures.RelativeError(y, io["train.output"])));
                errors.Add(("train.loss", Fixtures.RelativeError(loss, io["train.loss"])));
                using (var g = x.grad!)
                    errors.Add(("train.input_grad", Fixtures.RelativeError(g, io["train.input_grad"])));

                var zeroGrads = ZeroGradients(name);
                double gradientScale = io.Where(p => p.Key.StartsWith("train.grad.", StringComparison.Ordinal)).Max(p => Fixtures.MaxAbs(p.Value));
                var parameters = block.named_parameters().ToList();
                var expectedGrads = io.Keys.Where(k => k.StartsWith("train.grad.", StringComparison.Ordinal)).ToList();
                Assert.Equal(expectedGrads.Select(k => k.Substring("train.grad.".Length)), parameters.Select(p => p.name));
                foreach (var (key, parameter) in parameters)
                {
                    var reference = io[$"train.grad.{key}"];
                    using var grad = parameter.grad ?? throw new Xunit.Sdk.XunitException($"{name}: '{key}' has no gradient");
                    if (zeroGrads.Contains(key))
                    {
                        // zero in exact arithmetic (see make_block_fixtures.py): both sides hold
                        // float32 noise, measured against the block's largest gradient
                        using var diff = grad - reference;
                        errors.Add(($"train.grad.{key} (zero; vs the largest gradient)", Fixtures.MaxAbs(diff) / gradientScale));
                        continue;
                    }
                    errors.Add(($"train.grad.{key}", Fixtures.RelativeError(grad, reference)));
                }

                var buffers = block.named_buffers().ToList();
                var expectedBuffers = io.Keys.Where(k => k.StartsWith("train.after.", StringComparison.Ordinal)).ToList();
                Assert.Equal(expectedBuffers.Select(k => k.Substring("train.after.".Length)), buffers.Select(b => b.name));
                foreach (var (key, buffer) in buffers)
                {
                    var reference = io[$"train.after.{key}"];
                    if (buffer.dtype == ScalarType.Int64)
                        Assert.True(buffer.Equals(reference), $"{name}: buffer '{key}' differs after the train forward");
                    else
                        errors.Add(($"train.after.{key}", Fixtures.RelativeError(buffer, reference)));
                }
            }
            finally
            {
                foreach (var t in io.Values) t.Dispose();
            }
            var worst = errors.OrderByDescending(e => e.Error).First();
            output.WriteLine($"{name}: {errors.Count} quantities, worst {worst.Quantity} {worst.Error:E1}");
            foreach (var (quantity, error) in errors)
                Assert.True(error <= Tolerance, $"{name}: {quantity} relative error {error:E2}");
        }

        private static HashSet<string> ZeroGradients(string name)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Fixtures.Block("manifest.json")));
            var entry = doc.RootElement.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("name").GetString() == name);
            return entry.GetProperty("zero_grads").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        }

        [Fact]
        public void ParameterCountsMatchPyTorch()
        {
            // Totals of make_block_fixtures.py's SUMMARY.md (torch: sum of p.numel()).
            var expected = new Dictionary<string, long>
            {
                ["full_coatnet0_s3_0"] = 917_832,
                ["full_coatnet0_s1_0"] = 58_944,
                ["full_cotnet50_layer2_0"] = 487_680,
                ["full_epsanet50_layer2_0"] = 340_386,
                ["full_resnet50nam_layer1_0"] = 75_520,
                ["epsa_s2"] = 55_025,
                ["transformer_identity_out"] = 801,
            };
            foreach (var (name, count) in expected)
            {
                using var block = BlockCatalog.Blocks[name]();
                Assert.Equal(count, block.parameters().Sum(p => p.numel()));
            }
        }

        [Fact]
        public void RelativeIndexIsAPersistentInt64Buffer()
        {
            using var block = new RelativeTransformer(8, 16, 3, 2, downsample: true, heads: 2, headDim: 4);
            var buffers = block.named_buffers().ToDictionary(b => b.name, b => b.buffer);
            var index = buffers["attn.1.fn.relative_index"];
            Assert.Equal(ScalarType.Int64, index.dtype);
            Assert.Equal(new long[] { 36, 1 }, index.shape);
            Assert.Contains("attn.1.fn.relative_index", block.state_dict().Keys);
            Assert.DoesNotContain(block.named_parameters(), p => p.name.EndsWith("relative_index", StringComparison.Ordinal));
            // first token (0,0) against the last (2,1): dy = -2, dx = -1 -> (0) * 3 + 0 = 0;
            // last against first: dy = 2, dx = 1 -> 4 * 3 + 2 = 14; diagonal -> (2) * 3 + 1 = 7
            var values = index.data<long>().ToArray();
            Assert.Equal(0L, values[0 * 6 + 5]);
            Assert.Equal(14L, values[5 * 6 + 0]);
            Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(7L, values[i * 6 + i]));
            Assert.Equal(new long[] { 15, 2 }, block.named_parameters().Single(p => p.name == "attn.1.fn.relative_bias_table").parameter.shape);
        }

        [Fact]
        public void DropPathIsIdentityInEvalAndDropsWholeSamplesInTraining()
        {
            using var block = new DropPath(0.5);
            using var x = rand(new long[] { 64, 3, 2, 2 }) + 0.5;
            block.eval();
            using (var y = block.call(x))
                Assert.True(y.Equals(x));

            block.train();
            manual_seed(1234);
            using var xg = x.detach().clone().requires_grad_(true);
            using var yt = block.call(xg);
            var input = x.data<float>().ToArray();
            var result = yt.detach().data<float>().ToArray();
            int kept = 0, dropped = 0;
            for (int sample = 0; sample < 64; sample++)
            {
                var slice = Enumerable.Range(sample * 12, 12).ToArray();
                if (slice.All(i => result[i] == 0f)) { dropped++; continue; }
                Assert.All(slice, i => Assert.Equal(input[i] * 2f, result[i], 5));
                kept++;
            }
            Assert.True(kept > 10 && dropped > 10, $"kept {kept}, dropped {dropped} of 64 at rate 0.5");
            using var loss = yt.sum();
            loss.backward();
            using var grad = xg.grad!;
            var g = grad.data<float>().ToArray();
            for (int i = 0; i < g.Length; i++)
                Assert.Equal(result[i] == 0f ? 0f : 2f, g[i], 5);
        }

        [Fact]
        public void DropPathOnABlockOnlyActsInTraining()
        {
            using var plain = new Bottleneck(16, 4);
            using var stochastic = new Bottleneck(16, 4, dropPath: 0.3);
            Assert.Equal(Fixtures.KeyLines(plain), Fixtures.KeyLines(stochastic));
            var state = plain.state_dict();
            using (no_grad())
                foreach (var (key, t) in stochastic.state_dict()) t.copy_(state[key]);
            plain.eval();
            stochastic.eval();
            using var x = randn(4, 16, 5, 5);
            using (no_grad())
            {
                using var a = plain.call(x);
                using var b = stochastic.call(x);
                Assert.True(a.Equals(b));
            }
        }

        [Fact]
        public void NamGradientFlowsThroughTheChannelWeight()
        {
            // seed 002 computes |gamma| / sum|gamma| from bn2.weight without detaching it: with the
            // BN output held equal across channels, bn2.weight still gets a gradient from the weight.
            using var nam = new NamAttention(4);
            nam.train();
            using var x = randn(2, 4, 3, 3);
            using var y = nam.call(x);
            using var loss = y.sum();
            loss.backward();
            var weight = nam.named_parameters().Single(p => p.name == "Channel_Att.bn2.weight").parameter;
            using var grad = weight.grad!;
            Assert.True(Fixtures.MaxAbs(grad) > 0);
        }

        [Theory]
        [InlineData("basic")]
        [InlineData("mbconv")]
        [InlineData("transformer")]
        [InlineData("psa")]
        [InlineData("se")]
        [InlineData("droppath")]
        public void InvalidArgumentsAreRejected(string which)
        {
            Assert.ThrowsAny<ArgumentException>(() =>
            {
                IDisposable _ = which switch
                {
                    "basic" => new BasicBlock(0, 16),
                    "mbconv" => new MBConv(16, 24),                                       // no downsample, inp != oup
                    "transformer" => new RelativeTransformer(16, 24, 4, 4),               // same
                    "psa" => new PSAModule(16, 64, 1, new long[] { 3, 5, 7 }, new long[] { 1, 4, 8, 16 }),
                    "se" => new SqueezeExcite(8),                                         // 8 / 16 = 0 hidden
                    _ => new DropPath(1.0),
                };
            });
        }

        [Fact]
        public void ForwardLeavesNoTensorsBehind()
        {
            using var block = new RelativeTransformer(16, 24, 4, 4, downsample: true, heads: 2, headDim: 8);
            block.eval();
            using var x = randn(2, 16, 8, 8);
            using (no_grad())
            {
                using var scope = NewDisposeScope();
                using (var y = block.call(x)) { }
                Assert.Equal(0, scope.DisposablesCount);
            }
        }
    }
}
