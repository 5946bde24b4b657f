using System.Linq;
using Gen.Blocks;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Gen.Runtime.Tests
{
    /// <summary>
    /// Both readings of NAM: the seed post lets the gradient flow through the channel weight
    /// |gamma| / sum|gamma| (<see cref="AttentionKind.Nam"/>); the official repository detaches it
    /// (<see cref="AttentionKind.NamDetached"/>). Each has its own PyTorch fixture (nam,
    /// nam_detached; checked by BlockTests); here: they agree on outputs and not on the NAM scale's gradient.
    /// </summary>
    public class NamReadingsTests
    {
        [Fact]
        public void Fixtures_of_the_two_readings_share_outputs_and_differ_in_the_NAM_scale_gradient()
        {
            var seed = Safetensors.LoadTensors(Fixtures.Block("nam.io.safetensors"));
            var official = Safetensors.LoadTensors(Fixtures.Block("nam_detached.io.safetensors"));
            const string scale = "train.grad.Channel_Att.bn2.weight";

            Assert.True(seed["eval.output"].allclose(official["eval.output"], rtol: 0, atol: 0));
            Assert.True(seed["train.output"].allclose(official["train.output"], rtol: 0, atol: 0));
            Assert.True(seed["train.grad.Channel_Att.bn2.bias"].allclose(official["train.grad.Channel_Att.bn2.bias"], rtol: 0, atol: 0));
            var difference = (seed[scale] - official[scale]).abs().max().item<float>() / seed[scale].abs().max().item<float>();
            Assert.True(difference > 0.1f, $"the NAM scale gradients differ by only {difference:P0}");
        }

        [Fact]
        public void Detached_weight_gives_the_same_output_and_another_NAM_scale_gradient_on_the_same_weights()
        {
            using var seedReading = new NamAttention(8);
            using var official = new NamAttention(8, detachWeight: true);
            using (torch.no_grad())
            {
                foreach (var (name, parameter) in seedReading.named_parameters())
                {
                    parameter.copy_(torch.linspace(-1.0, 1.5, parameter.numel()).reshape(parameter.shape));
                    official.named_parameters().Single(p => p.name == name).parameter.copy_(parameter);
                }
            }

            using var x = torch.linspace(-2.0, 2.0, 2 * 8 * 3 * 3).reshape(2, 8, 3, 3);
            using var a = seedReading.call(x);
            using var b = official.call(x);
            a.sum().backward();
            b.sum().backward();

            Assert.True(a.allclose(b));
            var gradA = seedReading.named_parameters().Single(p => p.name.EndsWith("weight")).parameter.grad!;
            var gradB = official.named_parameters().Single(p => p.name.EndsWith("weight")).parameter.grad!;
            Assert.False(gradA.allclose(gradB, rtol: 1e-3, atol: 1e-6));
        }
    }
}
