using System;
using System.Collections.Generic;
using System.Linq;
using Gen.Architectures.Tests.Infrastructure;
using Gen.Inference;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Gen.Architectures.Tests
{
    /// <summary>
    /// Item 4 of the performance issue: <see cref="BatchNormFolding.Fold"/> over every family's reduced
    /// variant (runtime blocks and generated stems alike) keeps the eval outputs of the unfolded model,
    /// with batch-norm statistics and affine parameters moved off their init so that folding changes
    /// the weights; it folds exactly the batch norms that follow a convolution.
    /// </summary>
    public sealed class BatchNormFoldingTests
    {
        private const double Tolerance = 1e-4;

        /// <summary>Key endings of the batch norms that follow no convolution, which folding leaves alone.</summary>
        private static readonly string[] UnfoldableSuffixes = { "nam.Channel_Att.bn2", "conv.norm" };

        private readonly ITestOutputHelper output;

        public BatchNormFoldingTests(ITestOutputHelper output) => this.output = output;

        /// <summary>Each variant with its declared input size and the batch norms it folds.</summary>
        public static TheoryData<string, int, int> Cases => new()
        {
            { "resnet_tiny", 64, 20 },
            { "resnet_nam_bottleneck_tiny", 16, 20 },
            { "resnet_nam_basic_tiny", 16, 15 },
            { "cotnet_tiny", 64, 30 },
            { "cotnet_tiny_g4", 48, 24 },
            { "epsanet_tiny", 48, 15 },
            { "coatnet_tiny", 64, 11 },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void FoldedEvalOutputsEqualTheUnfoldedOnes(string name, int size, int expectedFolds)
        {
            var variant = Variants.Get(name);
            using var unfolded = Trained(variant);
            using var folded = variant.Create();
            folded.load_state_dict(unfolded.state_dict());
            unfolded.eval();
            folded.eval();
            manual_seed(2);
            using var input = randn(2, 3, size, size);

            Assert.Equal(expectedFolds, BatchNormFolding.Fold(folded));

            using (no_grad())
            {
                using var expected = unfolded.call(input);
                using var actual = folded.call(input);
                double error = Compare.RelativeError(actual, expected, name + " folded output");
                output.WriteLine($"{name}: {expectedFolds} batch norms folded, relative error {error:E2}");
                Assert.True(error <= Tolerance, $"{name}: folded output differs by {error:E2} (relative)");
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void FoldingLeavesOnlyTheBatchNormsThatFollowNoConvolution(string name, int size, int expectedFolds)
        {
            _ = size;
            using var model = Variants.Get(name).Create();
            model.eval();
            BatchNormFolding.Fold(model);
            var norms = model.named_modules().Where(m => m.module is BatchNorm).ToList();
            var notFolded = norms.Where(m => m.module is not FoldableBatchNorm2d { IsFolded: true }).Select(m => m.name).ToList();
            Assert.All(notFolded, n => Assert.True(
                UnfoldableSuffixes.Any(n.EndsWith) || IsBatchNormAfterAttention(model, n),
                $"{name}: batch norm {n} follows a convolution but was not folded"));
            Assert.Equal(expectedFolds, norms.Count - notFolded.Count);
        }

        /// <summary>A CoT or EPSA block's <c>bn2</c>: it follows the CoT layer or the PSA module, not a convolution.</summary>
        private static bool IsBatchNormAfterAttention(nn.Module model, string key)
        {
            if (!key.EndsWith(".bn2")) return false;
            var block = model.named_modules().Single(m => m.name == key[..^".bn2".Length]).module;
            return block is Gen.Blocks.CoTBottleneck or Gen.Blocks.EPSABottleneck;
        }

        /// <summary>The variant with every batch norm's statistics and affine parameters randomised (seeded).</summary>
        internal static nn.Module<Tensor, Tensor> Trained(Variant variant)
        {
            manual_seed(1);
            var model = variant.Create();
            using var guard = no_grad();
            using var fifth = 0.2.ToScalar(); // held: TorchSharp does not keep temporary Scalars alive (see TwinCheck.Perturb)
            using var half = 0.5.ToScalar();
            foreach (var bn in model.modules().OfType<BatchNorm>())
            {
                bn.running_mean!.copy_(randn_like(bn.running_mean).mul_(fifth));
                bn.running_var!.copy_(rand_like(bn.running_var).add_(half));
                bn.weight.copy_(rand_like(bn.weight).add_(half));
                bn.bias!.copy_(randn_like(bn.bias).mul_(fifth));
            }

            return model;
        }
    }
}
