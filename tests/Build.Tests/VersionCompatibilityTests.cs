using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Gen.Build.Compat;
using Gen.Build.Elf;
using Xunit;

namespace Gen.Build.Tests
{
    /// <summary>
    /// The Debian 12 step on fixtures built for it: a consumer that needs a newer provider's version
    /// for an unused marker symbol is made loadable; one that really calls into that version is
    /// refused untouched; nothing happens where the provider is new enough; a second run changes nothing.
    /// </summary>
    public sealed class VersionCompatibilityTests : IDisposable
    {
        private static readonly LibraryLocator OldMachine = LibraryLocator.In(new[] { Fixtures.OldProviderDirectory });
        private static readonly LibraryLocator NewMachine = LibraryLocator.In(new[] { Fixtures.NewProviderDirectory });

        private readonly Fixtures fixtures = new Fixtures();

        public void Dispose() => fixtures.Dispose();

        [Fact]
        public void A_missing_version_used_only_by_an_unrelocated_symbol_is_found_with_that_symbol()
        {
            var path = fixtures.Copy("libconsumer_marker.so");
            var missing = VersionCompatibility.FindMissing(ElfImage.Parse(File.ReadAllBytes(path), path), OldMachine);

            var only = Assert.Single(missing);
            Assert.Equal("libgenprov.so.1", only.File);
            Assert.Equal("GENPROV_2.0", only.Version);
            Assert.Equal(new[] { "genprov_marker" }, only.Symbols);
            Assert.Empty(only.RelocatedSymbols);
            Assert.False(only.AlreadyWeak);
        }

        [Fact]
        public void An_unused_missing_version_is_marked_weak_and_nothing_else_changes()
        {
            var path = fixtures.Copy("libconsumer_marker.so");
            var before = File.ReadAllBytes(path);

            var outcome = VersionCompatibility.Apply(path, OldMachine, out _);

            Assert.Equal(CompatibilityOutcome.Weakened, outcome);
            var after = File.ReadAllBytes(path);
            var requirement = ElfImage.Parse(after, path).VersionRequirements().Single(r => r.Version == "GENPROV_2.0");
            Assert.True(requirement.IsWeak);
            Assert.False(ElfImage.Parse(after, path).VersionRequirements().Single(r => r.Version == "GENPROV_1.0").IsWeak);
            var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
            Assert.Equal(new[] { (int)requirement.FlagsOffset }, changed);
        }

        [Fact]
        public void A_second_run_is_a_no_op()
        {
            var path = fixtures.Copy("libconsumer_marker.so");
            Assert.Equal(CompatibilityOutcome.Weakened, VersionCompatibility.Apply(path, OldMachine, out _));
            var once = File.ReadAllBytes(path);
            var written = File.GetLastWriteTimeUtc(path);

            var outcome = VersionCompatibility.Apply(path, OldMachine, out var missing);

            Assert.Equal(CompatibilityOutcome.AlreadyWeak, outcome);
            Assert.True(Assert.Single(missing).AlreadyWeak);
            Assert.Equal(once, File.ReadAllBytes(path));
            Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        }

        [Fact]
        public void A_missing_version_that_a_relocation_uses_is_refused_and_the_file_is_untouched()
        {
            var path = fixtures.Copy("libconsumer_used.so");
            var before = File.ReadAllBytes(path);

            var outcome = VersionCompatibility.Apply(path, OldMachine, out var missing);

            Assert.Equal(CompatibilityOutcome.Refused, outcome);
            var only = Assert.Single(missing);
            Assert.Equal(new[] { "genprov_new" }, only.RelocatedSymbols);
            Assert.Equal(before, File.ReadAllBytes(path));
            var message = VersionCompatibility.Describe(missing);
            Assert.Contains("GENPROV_2.0", message);
            Assert.Contains("genprov_new", message);
        }

        [Theory]
        [InlineData("libconsumer_marker.so")]
        [InlineData("libconsumer_used.so")]
        public void Nothing_happens_where_the_provider_defines_every_version(string fixture)
        {
            var path = fixtures.Copy(fixture);
            var before = File.ReadAllBytes(path);

            Assert.Equal(CompatibilityOutcome.NothingMissing, VersionCompatibility.Apply(path, NewMachine, out var missing));
            Assert.Empty(missing);
            Assert.Equal(before, File.ReadAllBytes(path));
        }

        [Fact]
        public void The_file_is_replaced_not_written_through_so_a_hard_linked_original_is_untouched()
        {
            var original = fixtures.Copy("libconsumer_marker.so");
            var link = Path.Combine(fixtures.Directory, "linked-copy.so");
            Assert.Equal(0, Link(original, link));
            var before = File.ReadAllBytes(original);

            Assert.Equal(CompatibilityOutcome.Weakened, VersionCompatibility.Apply(link, OldMachine, out _));

            Assert.Equal(before, File.ReadAllBytes(original));
            Assert.NotEqual(before, File.ReadAllBytes(link));
        }

        [Fact]
        public void The_loader_refuses_the_consumer_before_the_step_and_loads_it_after()
        {
            // The old provider is loaded first under its soname, so the consumers' NEEDED entry binds to it.
            NativeLibrary.Load(Path.Combine(Fixtures.OldProviderDirectory, "libgenprov.so.1"));
            var untouched = fixtures.Copy("libconsumer_marker.so");
            var patched = fixtures.Copy("libconsumer_marker.so");
            Assert.Equal(CompatibilityOutcome.Weakened, VersionCompatibility.Apply(patched, OldMachine, out _));

            var refused = Assert.ThrowsAny<DllNotFoundException>(() => NativeLibrary.Load(untouched));
            Assert.Contains("GENPROV_2.0", refused.Message);
            var handle = NativeLibrary.Load(patched);
            Assert.NotEqual(IntPtr.Zero, NativeLibrary.GetExport(handle, "consumer"));
        }

        [Fact]
        public void A_file_that_is_not_elf_is_reported_by_name()
        {
            var path = Path.Combine(fixtures.Directory, "not-a-library.so");
            File.WriteAllText(path, "hello");

            var e = Assert.Throws<ElfFormatException>(() => VersionCompatibility.Apply(path, OldMachine, out _));
            Assert.Contains(path, e.Message);
        }

        [DllImport("libc", EntryPoint = "link", SetLastError = true)]
        private static extern int Link(string existing, string created);
    }
}
