using System.Linq;
using Gen.Architectures.Tests.Infrastructure;
using TorchSharp;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Gen.Architectures.Tests
{
    /// <summary>
    /// The single-block fixtures (built alone with the block contract's constructors,
    /// src/Runtime/Blocks/README.md): eval output, train-mode output, input gradient and every
    /// parameter's gradient equal PyTorch's to 1e-4; the parameters whose gradient vanishes
    /// mathematically (manifest <c>zero_grad_params</c>) get only rounding noise. When a variant
    /// diverges, these say which block.
    /// </summary>
    public sealed class BlockParityTests
    {
        private readonly ITestOutputHelper output;

        public BlockParityTests(ITestOutputHelper output) => this.output = output;

        public static TheoryData<string> Blocks => new(Variants.Blocks.Select(b => b.Name));

        [Fact]
        public void EveryFixtureBlockIsCoveredHere()
        {
            Assert.Equal(ParityFixture.Names("blocks").OrderBy(n => n), Variants.Blocks.Select(b => b.Name).OrderBy(n => n));
        }

        [Theory]
        [MemberData(nameof(Blocks))]
        public void BlockMatchesPyTorchInEvalAndTrainMode(string name)
        {
            using var scope = NewDisposeScope();
            using var fixture = ParityFixture.Block(name);
            using var block = Variants.GetBlock(name).Create();
            var report = Safetensors.Load(block, fixture.WeightsPath, strict: true);
            // A block alone keeps TorchSharp's state_dict order (parameters, then buffers); in
            // PyTorch's per-module order, which checkpoints use, its keys are the reference's.
            Assert.Equal(fixture.Strings("keys"), PyTorchStateDict.Of(block).Keys);
            Assert.Equal(fixture.Long("parameters"), ReferenceCounts.CountParameters(block));

            block.eval();
            using (no_grad())
            {
                Check(name, "output", block.call(fixture["input"]), fixture["output"]);
            }

            block.train();
            var input = fixture["input"].detach().clone();
            input.requires_grad = true;
            var result = block.call(input);
            Check(name, "train.output", result, fixture["train.output"]);
            (result * fixture["loss_weight"]).sum().backward();
            Check(name, "train.input_grad", input.grad!, fixture["train.input_grad"]);

            var zero = fixture.Strings("zero_grad_params");
            var parameters = block.named_parameters().ToList();
            var scale = parameters.Where(p => p.parameter.grad is not null).Select(p => Compare.MaxAbs(p.parameter.grad!)).DefaultIfEmpty(0).Max();
            foreach (var (key, p) in parameters)
            {
                var grad = p.grad;
                Assert.True(grad is not null, $"{name}: parameter '{key}' got no gradient.");
                if (zero.Contains(key))
                {
                    var size = Compare.MaxAbs(grad!);
                    output.WriteLine($"{name} {key}: max|grad| = {size:E2} (vanishes mathematically; largest gradient {scale:E2})");
                    Assert.True(size <= 1e-4 * scale, $"{name}: '{key}' should have a vanishing gradient, got {size:E2} against {scale:E2}.");
                }
                else
                {
                    Check(name, "train.grad." + key, grad!, fixture["train.grad." + key]);
                }
            }
        }

        private void Check(string name, string quantity, Tensor actual, Tensor expected)
        {
            var error = Compare.RelativeError(actual, expected, $"{name} {quantity}");
            output.WriteLine($"{name} {quantity}: relative error {error:E2}");
            Assert.True(error <= Compare.Tolerance, $"{name} {quantity}: relative error {error:E2} > {Compare.Tolerance:E0}.");
        }
    }
}
