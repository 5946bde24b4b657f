using System;
using System.IO;
using System.Linq;

namespace Gen.Generator.Tests.Infrastructure;

/// <summary>Finds the repository: the root recorded at build time, else the first folder with Gen.sln above the test's output.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var recorded = typeof(RepoPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "GenRepoRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "Gen.sln")))
        {
            return Path.GetFullPath(recorded);
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Gen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Gen.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Snapshots => Path.Combine(Root, "snapshots");

    public static string Architectures => Path.Combine(Root, "src", "Architectures");
}
