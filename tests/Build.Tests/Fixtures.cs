using System;
using System.IO;

namespace Gen.Build.Tests
{
    /// <summary>Fresh copies of the ELF fixtures (see fixtures/make_elf_fixtures.sh) in a temporary folder per test.</summary>
    internal sealed class Fixtures : IDisposable
    {
        private static readonly string Source = Path.Combine(AppContext.BaseDirectory, "fixtures", "elf");

        public Fixtures()
        {
            Directory = Path.Combine(Path.GetTempPath(), "gen-build-tests-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Directory);
        }

        public string Directory { get; }

        /// <summary>The folder with the provider that defines GENPROV_1.0 only.</summary>
        public static string OldProviderDirectory => Path.Combine(Source, "old");

        /// <summary>The folder with the provider that defines GENPROV_1.0 and GENPROV_2.0.</summary>
        public static string NewProviderDirectory => Path.Combine(Source, "new");

        /// <summary>Copies fixture <paramref name="name"/> (e.g. libconsumer_marker.so) here under a unique name.</summary>
        public string Copy(string name)
        {
            var target = Path.Combine(Directory, Guid.NewGuid().ToString("N").Substring(0, 8) + "-" + name);
            File.Copy(Path.Combine(Source, name), target);
            return target;
        }

        public void Dispose()
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
