using System.Linq;
using Gen.Blocks;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Gen.Runtime.Tests
{
    /// <summary>
    /// <see cref="MeanPointwiseConv"/> (CoT's <c>attention_embed.3</c>): the fused formulation
    /// against the literal one it replaces, a 1x1 convolution to means*C outputs and the mean over
    /// each run of <c>means</c> consecutive channels, on the same weights, in float64.
    /// </summary>
    public class MeanPointwiseConvTests
    {
        private const long In = 6, Channels = 5, Means = 9;

        [Fact]
        public void Output_and_every_gradient_equal_the_literal_convolution_followed_by_the_mean()
        {
            manual_seed(3);
            using var fused = new MeanPointwiseConv(In, Channels, Means);
            fused.to(float64);
            var weight = fused.named_parameters().Single(p => p.name == "weight").parameter;
            var bias = fused.named_parameters().Single(p => p.name == "bias").parameter;
            using var x = randn(2, In, 4, 3, dtype: float64).requires_grad_();
            using var literalX = x.detach().clone().requires_grad_();
            using var literalWeight = weight.detach().clone().requires_grad_();
            using var literalBias = bias.detach().clone().requires_grad_();
            using var upstream = randn(2, Channels, 4, 3, dtype: float64);

            using var output = fused.call(x);
            using var literal = nn.functional.conv2d(literalX, literalWeight, literalBias).reshape(2, Channels, Means, 4, 3).mean(new long[] { 2 });
            (output * upstream).sum().backward();
            (literal * upstream).sum().backward();

            Assert.Equal(new long[] { 2, Channels, 4, 3 }, output.shape);
            AssertClose(literal, output, "output");
            AssertClose(literalX.grad!, x.grad!, "input gradient");
            AssertClose(literalWeight.grad!, weight.grad!, "weight gradient");
            AssertClose(literalBias.grad!, bias.grad!, "bias gradient");
        }

        [Fact]
        public void Keys_and_shapes_are_those_of_the_literal_convolution()
        {
            using var fused = new MeanPointwiseConv(In, Channels, Means);
            var state = fused.state_dict();
            Assert.Equal(new[] { "weight", "bias" }, state.Keys.ToArray());
            Assert.Equal(new[] { Means * Channels, In, 1L, 1L }, state["weight"].shape);
            Assert.Equal(new[] { Means * Channels }, state["bias"].shape);
        }

        [Fact]
        public void Initialisation_draws_the_same_weights_as_the_literal_Conv2d()
        {
            manual_seed(11);
            using var literal = nn.Conv2d(In, Means * Channels, 1);
            manual_seed(11);
            using var fused = new MeanPointwiseConv(In, Channels, Means);
            Assert.True(literal.weight!.equal(fused.state_dict()["weight"]).all().item<bool>());
            Assert.True(literal.bias!.equal(fused.state_dict()["bias"]).all().item<bool>());
        }

        [Fact]
        public void Counts_the_multiply_accumulates_of_the_literal_convolution()
        {
            using var fused = new MeanPointwiseConv(In, Channels, Means);
            using var output = fused.call(zeros(2, In, 4, 3));
            // the literal 1x1 convolution: (2 * Means*Channels * 4 * 3) outputs, In products each
            Assert.Equal(2 * Means * Channels * 4 * 3 * In, fused.MultiplyAccumulates(output));
        }

        private static void AssertClose(Tensor expected, Tensor actual, string what)
        {
            var error = (expected - actual).abs().max().item<double>() / expected.abs().max().item<double>();
            Assert.True(error < 1e-12, $"{what}: relative error {error:E2}");
        }
    }
}
