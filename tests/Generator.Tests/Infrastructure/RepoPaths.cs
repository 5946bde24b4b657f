using System;
using System.IO;

namespace Gen.Generator.Tests.Infrastructure;

/// <summary>Finds the repository from the test's output directory.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
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
