using System;
using System.Collections.Generic;
using System.Linq;
using Gen.Blocks;
using Gen.Inference;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gen.Runtime.Tests
{
    /// <summary>
    /// The contract of <see cref="FoldableBatchNorm2d"/> and <see cref="BatchNormFolding"/> on one
    /// bottleneck with a projection shortcut: unfolded it is <c>BatchNorm2d</c> exactly; folding
    /// refuses training mode, is a no-op the second time, changes the state dict as documented, and a
    /// folded model refuses to run in training mode.
    /// </summary>
    public sealed class BatchNormFoldingTests
    {
        [Fact]
        public void UnfoldedItIsTorchBatchNorm2dInOutputsGradientsAndStatistics()
        {
            manual_seed(3);
            using var conv = nn.Conv2d(4, 6, 3, padding: 1, bias: false);
            using var foldable = new FoldableBatchNorm2d(conv);
            using var plain = nn.BatchNorm2d(6);
            Assert.Equal(Keys(plain), Keys(foldable));
            using var input = randn(2, 6, 5, 5);
            using var x1 = input.clone().requires_grad_();
            using var x2 = input.clone().requires_grad_();
            using var y1 = foldable.call(x1);
            using var y2 = plain.call(x2);
            y1.square().sum().backward();
            y2.square().sum().backward();
            Assert.True(y1.equal(y2).all().item<bool>());
            Assert.True(x1.grad!.equal(x2.grad!).all().item<bool>());
            Assert.True(foldable.weight.grad!.equal(plain.weight.grad!).all().item<bool>());
            Assert.True(foldable.running_var!.equal(plain.running_var!).all().item<bool>());
        }

        [Fact]
        public void FoldingInTrainingModeThrowsAndChangesNothing()
        {
            using var block = Block();
            block.train();
            var before = Keys(block);
            var error = Assert.Throws<InvalidOperationException>(() => BatchNormFolding.Fold(block));
            Assert.Contains("eval()", error.Message);
            Assert.Equal(before, Keys(block));
            Assert.All(block.modules().OfType<FoldableBatchNorm2d>(), bn => Assert.False(bn.IsFolded));
        }

        [Fact]
        public void FoldingTwiceIsANoOp()
        {
            using var block = Block();
            block.eval();
            using var input = randn(1, 8, 6, 6);
            Assert.Equal(4, BatchNormFolding.Fold(block));   // bn1, bn2, bn3, downsample.1
            using var once = Forward(block, input);
            var keys = Keys(block);
            Assert.Equal(0, BatchNormFolding.Fold(block));
            using var twice = Forward(block, input);
            Assert.Equal(keys, Keys(block));
            Assert.True(once.equal(twice).all().item<bool>());
        }

        [Fact]
        public void FoldedStateDictDropsTheBatchNormsAndGivesTheirConvolutionsABias()
        {
            using var block = Block();
            var unfolded = Keys(block);
            block.eval();
            BatchNormFolding.Fold(block);
            var expected = new List<string>();
            foreach (var key in unfolded)
            {
                if (key.StartsWith("bn", StringComparison.Ordinal) || key.StartsWith("downsample.1.", StringComparison.Ordinal)) continue;
                expected.Add(key);
                if (key.EndsWith(".weight", StringComparison.Ordinal)) expected.Add(key[..^"weight".Length] + "bias");
            }

            Assert.Equal(expected, Keys(block));
            Assert.Equal(new[] { "conv1.weight", "conv1.bias" }, Keys(block).Take(2));
        }

        [Fact]
        public void AFoldedModelRefusesToRunInTrainingMode()
        {
            using var block = Block();
            block.eval();
            BatchNormFolding.Fold(block);
            block.train();
            using var input = randn(1, 8, 6, 6);
            Assert.Throws<InvalidOperationException>(() => block.call(input));
        }

        /// <summary>A bottleneck with a projection shortcut (8 -> 16 channels, stride 2); its batch norms are all foldable.</summary>
        private static Bottleneck Block()
        {
            manual_seed(4);
            return new Bottleneck(8, 4, stride: 2);
        }

        private static Tensor Forward(nn.Module<Tensor, Tensor> module, Tensor input)
        {
            using var guard = no_grad();
            return module.call(input);
        }

        private static List<string> Keys(nn.Module module) => PyTorchStateDict.Of(module).Keys.ToList();
    }
}
