using System;
using System.Linq;
using TorchSharp;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Gen.Architectures.Tests
{
    /// <summary>
    /// Generated models leak no tensors: many eval forwards, and train forward + backward passes,
    /// each inside <c>torch.NewDisposeScope()</c>, leave TorchSharp's own counters exactly where they
    /// were before the loop: the live tensor wrappers (<see cref="Tensor.TotalCount"/>, process-wide)
    /// and this thread's live tensors as the dispose-scope statistics count them
    /// (<see cref="DisposeScopeManager.Statistics"/>); the resident set grows by less than
    /// <see cref="RssBoundBytes"/>. The first counter is process-wide, so the tests run in a
    /// collection that never runs beside another.
    /// </summary>
    [Collection(LeakCollection.Name)]
    public sealed class LeakTests
    {
        private const int EvalPasses = 200;
        private const int TrainPasses = 20;

        /// <summary>Allocator caches and the JIT may grow the process a little; a leaked activation per pass would exceed this many times over.</summary>
        private const long RssBoundBytes = 50L << 20;

        private readonly ITestOutputHelper output;

        public LeakTests(ITestOutputHelper output) => this.output = output;

        public static TheoryData<string> Models => new() { "coatnet_tiny", "cotnet_tiny" };

        [Theory]
        [MemberData(nameof(Models))]
        public void EvalForwardPassesLeaveTheTensorCountsAtBaseline(string name)
        {
            using var model = Create(name);
            model.eval();
            using var input = Input(name, batch: 1);

            void Pass()
            {
                using var scope = NewDisposeScope();
                using (no_grad())
                {
                    var y = model.call(input);
                    Assert.Equal(1, y.shape[0]);
                }
            }

            AssertNoLeak(name + " eval", Pass, EvalPasses);
        }

        [Theory]
        [MemberData(nameof(Models))]
        public void TrainForwardBackwardPassesLeaveTheTensorCountsAtBaseline(string name)
        {
            using var model = Create(name);
            model.train();
            using var input = Input(name, batch: 2);

            void Pass()
            {
                using var scope = NewDisposeScope();
                var x = input.detach().clone();
                x.requires_grad = true;
                var loss = model.call(x).square().mean();
                loss.backward();
                Assert.NotNull(x.grad);
                // Reading every gradient wraps each in a new tensor, which the scope must free too.
                Assert.All(model.parameters(), p => Assert.True(p.grad is not null));
            }

            AssertNoLeak(name + " train", Pass, TrainPasses);
        }

        private void AssertNoLeak(string what, Action pass, int passes)
        {
            pass(); // warm up: gradients, lazily created state and caches exist from here on
            Settle();
            long managed = Tensor.TotalCount;
            long live = DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
            long rss = ResidentBytes();

            for (var i = 0; i < passes; i++)
            {
                pass();
            }

            // No collection here: a wrapper that escaped its scope would still be counted (a
            // finalizer running by chance could only lower the counts, still failing the test).
            long managedAfter = Tensor.TotalCount;
            long liveAfter = DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
            long rssAfter = ResidentBytes();
            output.WriteLine($"{what}: {passes} passes; Tensor.TotalCount {managed} -> {managedAfter}, thread live tensors {live} -> {liveAfter}, RSS {rss >> 20} -> {rssAfter >> 20} MiB");
            Assert.True(managed == managedAfter, $"{what}: Tensor.TotalCount went from {managed} to {managedAfter} over {passes} passes.");
            Assert.True(live == liveAfter, $"{what}: the thread's live tensor count went from {live} to {liveAfter} over {passes} passes.");
            Assert.True(rssAfter - rss < RssBoundBytes, $"{what}: the resident set grew by {(rssAfter - rss) >> 20} MiB over {passes} passes (bound {RssBoundBytes >> 20} MiB).");
        }

        private static long ResidentBytes() =>
            ProcessMemory.ResidentBytes() ?? throw new InvalidOperationException("/proc/self/status has no VmRSS line.");

        /// <summary>Finalizes earlier tests' garbage, so it cannot move the counts during the loop.</summary>
        private static void Settle()
        {
            for (var i = 0; i < 2; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }

        private static nn.Module<Tensor, Tensor> Create(string name)
        {
            using (no_grad())
            {
                return Infrastructure.Variants.Get(name).Create();
            }
        }

        private static Tensor Input(string name, long batch)
        {
            // CoAtNet's attention grids are fixed by the image size (64); CoT works at any size, 32
            // keeps it quick. Train mode uses batch 2: BatchNorm needs more than one value per channel.
            long size = name.StartsWith("coatnet", StringComparison.Ordinal) ? 64 : 32;
            var x = randn(new long[] { batch, 3, size, size });
            x.DetachFromDisposeScope();
            return x;
        }
    }

    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class LeakCollection
    {
        public const string Name = "Tensor-count leak checks (alone)";
    }
}
