using System.Diagnostics;
using Gen.Cli.Inspection;
using TorchSharp;
using Xunit;
using Xunit.Abstractions;

namespace Gen.Cli.Tests
{
    /// <summary>
    /// The generator's compile-time <c>MacCount</c> against gen's runtime count (<see cref="ModuleSummary"/>,
    /// one forward pass with hooks) for every declared architecture at its declared input and classes.
    /// </summary>
    public sealed class MacsTests
    {
        private readonly ITestOutputHelper output;

        public MacsTests(ITestOutputHelper output) => this.output = output;

        public static TheoryData<string> Backbones()
        {
            var names = new TheoryData<string>();
            foreach (var backbone in global::Gen.Architectures.GenBackbones.All)
            {
                names.Add(backbone.Name);
            }

            return names;
        }

        [Theory]
        [MemberData(nameof(Backbones))]
        public void Compile_time_mac_count_equals_the_runtime_count_at_the_declared_input(string name)
        {
            var entry = global::Gen.Architectures.GenBackbones.Find(name)!;
            var clock = Stopwatch.StartNew();
            long runtime;
            using (torch.no_grad())
            {
                using var model = entry.Create(entry.Classes);
                runtime = ModuleSummary.Of(model, entry.InChannels, entry.ImageHeight, entry.ImageWidth).Macs;
            }

            output.WriteLine($"{name}: {runtime:N0} MACs at runtime, {entry.MacCount:N0} at compile time, {clock.Elapsed.TotalSeconds:F1} s");
            Assert.NotNull(entry.MacCount);
            Assert.Equal(entry.MacCount!.Value, runtime);
        }
    }
}
