using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Gen.Generator.Tests.Infrastructure;

/// <summary>The declared backbones of src/Architectures, read from disk, generated once per test run.</summary>
internal static class ArchitectureSpecs
{
    private static readonly Lazy<GenerationResult> Generated = new(() => GeneratorHarness.Run(Files()));

    /// <summary>Class names of every spec file (one class per file, named like it).</summary>
    public static IReadOnlyList<string> Names => Directory.GetFiles(RepoPaths.Architectures, "*.cs")
        .Select(Path.GetFileNameWithoutExtension)
        .OrderBy(name => name, StringComparer.Ordinal)
        .ToList()!;

    /// <summary>The generator run over all of them together.</summary>
    public static GenerationResult Result => Generated.Value;

    public static IEnumerable<(string Path, string Text)> Files() => Directory.GetFiles(RepoPaths.Architectures, "*.cs")
        .OrderBy(path => path, StringComparer.Ordinal)
        .Select(path => (path, File.ReadAllText(path)));

    public static IEnumerable<object[]> Data => Names.Select(name => new object[] { name });
}
