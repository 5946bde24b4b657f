using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Gen.Generator.Tests.Infrastructure;

/// <summary>
/// Metadata references for in-memory compilations: the .NET framework the tests run on, plus
/// Gen.Runtime.dll (spec attributes, Gen.Blocks) and Gen.Torch.dll (TorchSharp's API) from the
/// test's output directory.
/// </summary>
internal static class References
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> All = new(Load);

    public static IReadOnlyList<MetadataReference> Get() => All.Value;

    public static string RuntimeAssembly => Path.Combine(AppContext.BaseDirectory, "Gen.Runtime.dll");

    public static string TorchAssembly => Path.Combine(AppContext.BaseDirectory, "Gen.Torch.dll");

    private static IReadOnlyList<MetadataReference> Load()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal));
        var paths = trusted.Append(RuntimeAssembly);
        if (File.Exists(TorchAssembly))
        {
            paths = paths.Append(TorchAssembly);
        }

        return paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToArray();
    }
}
