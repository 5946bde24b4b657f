using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Gen.Build.Compat;
using Gen.Build.Elf;
using Xunit;
using Xunit.Abstractions;

namespace Gen.Build.Tests
{
    /// <summary>
    /// The step on the real thing: TorchSharp's libLibTorchSharp.so from the NuGet package, and the
    /// copy this project's build put in its output.
    /// </summary>
    public sealed class TorchSharpNativeTests : IDisposable
    {
        private static readonly string OutputCopy = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

        private readonly ITestOutputHelper output;
        private readonly Fixtures fixtures = new Fixtures();

        public TorchSharpNativeTests(ITestOutputHelper output) => this.output = output;

        public void Dispose() => fixtures.Dispose();

        [Fact]
        public void A_fresh_process_loads_TorchSharp_from_this_output_and_reports_libtorch_2_10()
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Build.Tests.dll"));
            start.ArgumentList.Add("--torch-version");
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEnd();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();

            output.WriteLine($"child process: exit {process.ExitCode}; stdout: {stdout.Trim()}");
            Assert.True(process.ExitCode == 0, $"the probe failed ({process.ExitCode}): {stderr}");
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.StartsWith("2.10.", lines[0]);
            Assert.Equal("6", lines[1]);
        }

        [Fact]
        public void The_package_library_misses_at_most_GLIBCXX_3_4_32_and_only_for_the_iostream_marker()
        {
            var package = PackageLibrary();
            var missing = VersionCompatibility.FindMissing(ElfImage.Parse(File.ReadAllBytes(package), package), LibraryLocator.System);
            output.WriteLine(missing.Count == 0 ? "this machine's libstdc++ is new enough" : VersionCompatibility.Describe(missing));

            // Whether this machine needs the step is read off libstdc++ itself, by its own version list.
            var libstdcxx = LibraryLocator.System.Find("libstdc++.so.6", ElfImage.Parse(File.ReadAllBytes(package), package));
            Assert.NotNull(libstdcxx);
            var defined = ElfImage.Parse(File.ReadAllBytes(libstdcxx!), libstdcxx!).DefinedVersions()!;
            if (defined.Contains("GLIBCXX_3.4.32"))
            {
                Assert.Empty(missing);
                return;
            }

            var only = Assert.Single(missing);
            Assert.Equal("GLIBCXX_3.4.32", only.Version);
            Assert.Equal(new[] { "_ZSt21ios_base_library_initv" }, only.Symbols);
            Assert.True(only.IsUnused);
        }

        [Fact]
        public void The_build_output_copy_is_compatible_and_no_longer_linked_to_the_package_file()
        {
            Assert.True(File.Exists(OutputCopy), $"{OutputCopy} is missing");
            var outcome = VersionCompatibility.Apply(CopyOf(OutputCopy), LibraryLocator.System, out var missing);
            Assert.True(outcome is CompatibilityOutcome.NothingMissing or CompatibilityOutcome.AlreadyWeak, $"the output copy is {outcome}: {VersionCompatibility.Describe(missing)}");
            if (outcome == CompatibilityOutcome.AlreadyWeak)
            {
                // The package file itself still asks for the version strictly: the cache was not written.
                var package = PackageLibrary();
                var strict = ElfImage.Parse(File.ReadAllBytes(package), package).VersionRequirements().Single(r => r.Version == missing[0].Version);
                Assert.False(strict.IsWeak);
            }
        }

        private string CopyOf(string path)
        {
            var copy = Path.Combine(fixtures.Directory, Path.GetFileName(path));
            File.Copy(path, copy);
            return copy;
        }

        private static string PackageLibrary()
        {
            var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var version = typeof(TorchSharp.torch).Assembly.GetName().Version!;
            var path = Path.Combine(root, "torchsharp", $"{version.Major}.{version.Minor}.{version.Build}", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
            Assert.True(File.Exists(path), $"the TorchSharp package's native library is not at {path}");
            return path;
        }
    }
}
