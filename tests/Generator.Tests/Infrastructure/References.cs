using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Gen.Generator.Tests.Infrastructure;

/// <summary>
/// Metadata references for in-memory compilations: the .NET framework the tests run on, plus
/// Gen.Spec.dll (spec attributes), Gen.Runtime.dll (Gen.Blocks) and the real TorchSharp.dll (from the TorchSharp
/// package, copied to the test's output directory), so generated code is held to TorchSharp's API.
/// </summary>
internal static class References
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> All = new(Load);

    public static IReadOnlyList<MetadataReference> Get() => All.Value;

    public static string RuntimeAssembly => Path.Combine(AppContext.BaseDirectory, "Gen.Runtime.dll");

    public static string SpecAssembly => Path.Combine(AppContext.BaseDirectory, "Gen.Spec.dll");

    public static string TorchAssembly => Path.Combine(AppContext.BaseDirectory, "TorchSharp.dll");

    private static IReadOnlyList<MetadataReference> Load()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal));
        if (!File.Exists(TorchAssembly))
        {
            throw new FileNotFoundException("TorchSharp.dll is not beside the test assembly; generated code cannot be compiled against TorchSharp.", TorchAssembly);
        }

        return trusted.Append(SpecAssembly).Append(RuntimeAssembly).Append(TorchAssembly).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToArray();
    }
}
