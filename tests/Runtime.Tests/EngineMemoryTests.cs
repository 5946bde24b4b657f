using System;
using System.IO;
using System.Linq;
using Xunit;
using static TorchSharp.torch;

namespace Gen.Runtime.Tests
{
    /// <summary>
    /// <see cref="EngineMemory"/>: the variable's values, and the effect: with glibc's defaults a
    /// freed 48 MiB tensor's memory is unmapped and the next one faults in every page again; once
    /// freed memory is retained, the next one reuses it. Alone (it changes the process's allocator),
    /// and it restores glibc's defaults afterwards.
    /// </summary>
    [Collection(MemoryCollection.Name)]
    public class EngineMemoryTests
    {
        [Theory]
        [InlineData(null, true)]
        [InlineData("", true)]
        [InlineData("retain", true)]
        [InlineData(" Retain ", true)]
        [InlineData("system", false)]
        public void The_variable_reads_retain_by_default_and_system_to_leave_the_allocator_alone(string? value, bool retain)
        {
            Assert.Equal(retain, EngineMemory.Parse(value));
        }

        [Fact]
        public void Another_value_is_refused_with_the_value_quoted()
        {
            var e = Assert.Throws<EnvironmentVariableException>(() => EngineMemory.Parse("jemalloc"));
            Assert.Contains("'jemalloc'", e.Message);
            Assert.Contains(EngineMemory.Variable, e.Message);
        }

        [Fact]
        public void Retained_memory_serves_the_next_large_tensor_without_faulting_its_pages_in_again()
        {
            const long elements = 12L * 1024 * 1024; // 48 MiB of float32: above glibc's largest mmap threshold
            long pages = elements * 4 / Environment.SystemPageSize;
            try
            {
                Assert.True(EngineMemory.RestoreDefaults());
                var before = FaultsOfSecondAllocation(elements);
                Assert.True(EngineMemory.Retain());
                FaultsOfSecondAllocation(elements); // the heap grows once
                var retained = FaultsOfSecondAllocation(elements);

                Assert.True(before > pages / 2, $"glibc's defaults: {before} minor faults for {pages} pages");
                Assert.True(retained < pages / 10, $"retained: {retained} minor faults for {pages} pages (defaults: {before})");
            }
            finally
            {
                EngineMemory.RestoreDefaults();
            }
        }

        // Allocates, fills and frees a tensor, then counts the minor page faults of doing it again.
        private static long FaultsOfSecondAllocation(long elements)
        {
            using (var first = ones(elements))
            {
            }

            var start = MinorFaults();
            using (var second = ones(elements))
            {
                return MinorFaults() - start;
            }
        }

        // field 10 of /proc/self/stat, counted after the parenthesised command name
        private static long MinorFaults() => long.Parse(File.ReadAllText("/proc/self/stat").Split(')').Last().Split(' ', StringSplitOptions.RemoveEmptyEntries)[7]);
    }
}
