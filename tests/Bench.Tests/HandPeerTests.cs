using Gen.Bench;
using Xunit;

namespace Gen.Bench.Tests
{
    /// <summary>
    /// The hand-written TorchSharp peers of the benchmark are the models Gen generates: without that,
    /// the ratio Gen / hand would compare two different networks.
    /// </summary>
    public sealed class HandPeerTests
    {
        public static TheoryData<string> Families => new() { "resnet50", "cotnet50", "resnet50nam", "epsanet50", "coatnet0" };

        [Theory]
        [MemberData(nameof(Families))]
        public void HandWrittenPeerHasGensStateDictAndComputesTheSameOutputs(string model)
        {
            var result = PeerCheck.Run(GenModels.Known[model]);
            Assert.True(result.Passed, result.Describe());
        }

        [Fact]
        public void CheckRejectsAPeerWithOtherShapes()
        {
            // seed 001's CoTNet-50: key convolutions with 4 groups, a quarter of their weights
            var spec = GenModels.Known["cotnet50"];
            var result = PeerCheck.Run("cotnet50 (key groups 4)", spec.Create, () => Hand.CoTNet.cotnet50(keyGroups: 4), spec.Image, spec.ReferenceParameters);
            Assert.False(result.Passed);
            Assert.NotEmpty(result.KeyDifferences);
            Assert.NotEqual(result.GenParameters, result.PeerParameters);
        }

        [Fact]
        public void CheckRejectsAPeerWithTheSameStateButOtherOutputs()
        {
            // the average pool of strided CoT blocks counting padded cells: same keys, other numbers
            var spec = GenModels.Known["cotnet50"];
            var result = PeerCheck.Run("cotnet50 (avd counts padding)", spec.Create, () => Hand.CoTNet.cotnet50(avdCountIncludePad: true), spec.Image, spec.ReferenceParameters);
            Assert.Empty(result.KeyDifferences);
            Assert.Null(result.LoadError);
            Assert.Equal(result.GenParameters, result.PeerParameters);
            Assert.True(result.RelativeError > PeerCheck.Tolerance, result.Describe());
            Assert.False(result.Passed);
        }
    }
}
