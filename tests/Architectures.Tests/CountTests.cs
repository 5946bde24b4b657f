using System.Diagnostics;
using System.Linq;
using Gen.Architectures.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Gen.Architectures.Tests
{
    /// <summary>
    /// Item 4 of issue 4: parameter and BN running-statistics counts equal the reference table for
    /// every backbone it lists, both in the built model and in the generator's compile-time constants,
    /// and they add up to the seed posts' "Total params".
    /// </summary>
    [Collection(FullSizeCollection.Name)]
    public sealed class CountTests
    {
        private static readonly string[] StateDictModels = { "CoTNet50", "ResNet50Nam", "EPSANet50", "CoAtNet0" };

        private readonly FullSizeModels models;
        private readonly ITestOutputHelper output;

        public CountTests(FullSizeModels models, ITestOutputHelper output)
        {
            this.models = models;
            this.output = output;
        }

        public static TheoryData<string> Table => new(ReferenceCounts.All.Select(b => b.Name));

        public static TheoryData<string> Posts => new(ReferenceCounts.All.Where(b => b.PostTotal is not null).Select(b => b.Name));

        [Theory]
        [MemberData(nameof(Table))]
        public void GeneratedConstantsEqualTheReferenceTable(string name)
        {
            var b = ReferenceCounts.Get(name);
            Assert.Equal(b.Parameters, b.ParameterCount);
            Assert.Equal(b.RunningStats, b.RunningStatCount);
        }

        [Theory]
        [MemberData(nameof(Table))]
        public void BuiltModelCountsEqualTheReferenceTableAndTheGeneratedConstants(string name)
        {
            var b = ReferenceCounts.Get(name);
            var shared = StateDictModels.Contains(name);
            var watch = Stopwatch.StartNew();
            var model = shared ? models.Get(b) : FullSizeModels.Build(b);
            var built = watch.Elapsed;
            try
            {
                var parameters = ReferenceCounts.CountParameters(model);
                var runningStats = ReferenceCounts.CountRunningStats(model);
                var buffers = ReferenceCounts.CountBuffers(model);
                output.WriteLine($"{name}: {parameters:N0} parameters, {runningStats:N0} running stats, {buffers:N0} buffer elements; built in {built.TotalSeconds:F2} s; peak working set so far {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20):N0} MiB");

                Assert.Equal(b.Parameters, parameters);
                Assert.Equal(b.RunningStats, runningStats);
                Assert.Equal(b.ParameterCount, parameters);
                Assert.Equal(b.RunningStatCount, runningStats);
                Assert.Equal(b.BufferCount, buffers);
            }
            finally
            {
                if (!shared)
                {
                    model.Dispose();
                }
            }
        }

        [Theory]
        [MemberData(nameof(Posts))]
        public void ParametersPlusRunningStatsEqualTheSeedPostsTotalParams(string name)
        {
            // Paddle's summary counts BN running mean and variance as (non-trainable) parameters.
            var b = ReferenceCounts.Get(name);
            Assert.Equal(b.PostTotal, b.ParameterCount + b.RunningStatCount);
            var model = models.Get(b);
            Assert.Equal(b.PostTotal, ReferenceCounts.CountParameters(model) + ReferenceCounts.CountRunningStats(model));
        }
    }
}
