using System;
using System.IO;
using static TorchSharp.torch;

namespace Gen.Runtime.Tests
{
    /// <summary>The memory a load takes, measured on the process's peak resident set (run alone).</summary>
    [Collection(MemoryCollection.Name)]
    public sealed class SafetensorsMemoryTests : IDisposable
    {
        private readonly string dir = Directory.CreateTempSubdirectory("gen-safetensors-memory-").FullName;

        public void Dispose() => Directory.Delete(dir, recursive: true);

        [Fact]
        public void LoadHoldsAtMostOneCopyOfTheCheckpointBesideTheModel()
        {
            // 64 MiB of weights: large enough that two extra copies (a managed array and a converted
            // one, as a byte[] -> float[] -> tensor reader makes) stand far above the bound.
            using var source = nn.Linear(4096, 4096, hasBias: false);
            string path = Path.Combine(dir, "big.safetensors");
            Safetensors.Save(source, path);
            long fileBytes = new FileInfo(path).Length;
            using var target = nn.Linear(4096, 4096, hasBias: false);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Assert.True(ProcessMemory.ResetPeak(), "the kernel refused to reset VmHWM (/proc/self/clear_refs)");
            long before = ProcessMemory.ResidentBytes()!.Value;
            Safetensors.Load(target, path);
            long added = ProcessMemory.PeakResidentBytes()!.Value - before;
            Assert.True(added < fileBytes * 1.5, $"loading a {fileBytes >> 20} MiB checkpoint raised the peak resident set by {added >> 20} MiB (bound: 1.5 copies).");
            Assert.True(target.weight!.Equals(source.weight!));
        }
    }

    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class MemoryCollection
    {
        public const string Name = "Peak-memory measurements (alone)";
    }
}
