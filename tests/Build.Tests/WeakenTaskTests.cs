using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Utilities;
using Xunit;

namespace Gen.Build.Tests
{
    /// <summary>The MSBuild task: errors a build would show, and the rule that the NuGet folder is never written.</summary>
    public sealed class WeakenTaskTests : IDisposable
    {
        private readonly Fixtures fixtures = new Fixtures();

        public void Dispose() => fixtures.Dispose();

        [Fact]
        public void A_really_used_missing_version_fails_the_build_naming_the_version_and_the_symbol()
        {
            var path = fixtures.Copy("libconsumer_used.so");
            var (ok, engine) = Run(path, null);

            Assert.False(ok);
            var error = Assert.Single(engine.Errors);
            Assert.Equal("GENB002", error.Code);
            Assert.Equal(path, error.File);
            Assert.Contains("GENPROV_2.0", error.Message);
            Assert.Contains("genprov_new", error.Message);
        }

        [Fact]
        public void An_unused_missing_version_is_weakened_and_the_build_says_which()
        {
            var path = fixtures.Copy("libconsumer_marker.so");
            var (ok, engine) = Run(path, null);

            Assert.True(ok);
            Assert.Empty(engine.Errors);
            Assert.Contains(engine.Messages, m => m.Message!.Contains("GENPROV_2.0") && m.Message.Contains("genprov_marker"));
        }

        [Fact]
        public void A_library_inside_the_nuget_package_folder_is_never_written()
        {
            var path = fixtures.Copy("libconsumer_marker.so");
            var before = File.ReadAllBytes(path);
            var (ok, engine) = Run(path, nugetRoot: fixtures.Directory);

            Assert.False(ok);
            Assert.Equal("GENB001", Assert.Single(engine.Errors).Code);
            Assert.Equal(before, File.ReadAllBytes(path));
        }

        private static (bool Ok, FakeBuildEngine Engine) Run(string library, string? nugetRoot)
        {
            var engine = new FakeBuildEngine();
            var task = new WeakenUnusedVersionRequirements
            {
                BuildEngine = engine,
                Libraries = new[] { new TaskItem(library) },
                NuGetPackageRoot = nugetRoot,
                SearchDirectories = new[] { Fixtures.OldProviderDirectory },
            };
            return (task.Execute(), engine);
        }
    }
}
