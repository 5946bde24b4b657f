using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Gen.Generator.Tests.Infrastructure;

/// <summary>Runs <see cref="BackboneGenerator"/> over in-memory sources, as the compiler would.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: true)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            // Assembly-version unification notes, which the SDK also silences.
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    /// <summary>A compilation of <paramref name="sources"/> (file path -> text) with the framework, Gen.Runtime and TorchSharp.</summary>
    public static CSharpCompilation Compile(IEnumerable<(string Path, string Text)> sources) => CSharpCompilation.Create(
        "Specs",
        sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.Path)),
        References.Get(),
        CompilationOptions);

    /// <summary>A driver that tracks the named steps.</summary>
    public static GeneratorDriver Driver(IIncrementalGenerator? generator = null) => CSharpGeneratorDriver.Create(
        new[] { (generator ?? new BackboneGenerator()).AsSourceGenerator() },
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Generates for <paramref name="sources"/>, then checks that a rerun on the same compilation is all cache (<see cref="CachedRerun"/>).</summary>
    public static GenerationResult Run(IEnumerable<(string Path, string Text)> sources, IIncrementalGenerator? generator = null)
    {
        var compilation = Compile(sources);
        var driver = Driver(generator).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        CachedRerun.Check(driver, compilation);
        return new GenerationResult(compilation, output, driver.GetRunResult().Results.Single());
    }

    /// <summary>Generates for one source file.</summary>
    public static GenerationResult Run(string source, IIncrementalGenerator? generator = null) =>
        Run(new[] { ("Spec.cs", source) }, generator);
}

/// <summary>What one generator run produced.</summary>
internal sealed record GenerationResult(Compilation Input, Compilation Output, GeneratorRunResult Run)
{
    public ImmutableArray<Diagnostic> Diagnostics => Run.Diagnostics;

    public Exception? Exception => Run.Exception;

    /// <summary>The generated module sources, one per backbone: everything but the assembly's catalog and the PyTorch twins.</summary>
    public IReadOnlyList<GeneratedSourceResult> BackboneSources => Run.GeneratedSources.Where(s => s.HintName != CatalogHintName && !s.HintName.EndsWith(TwinHintSuffix, StringComparison.Ordinal)).ToList();

    /// <summary>The generated PyTorch twin files (<c>&lt;Name&gt;.PyTorch.g.cs</c>), one per backbone.</summary>
    public IReadOnlyList<GeneratedSourceResult> TwinSources => Run.GeneratedSources.Where(s => s.HintName.EndsWith(TwinHintSuffix, StringComparison.Ordinal)).ToList();

    public const string TwinHintSuffix = ".PyTorch.g.cs";

    /// <summary>
    /// The Python text of class <paramref name="className"/>'s PyTorch twin, or null: the value of its
    /// <c>PyTorchTwin</c> constant as the compiler reads it from the generated code.
    /// </summary>
    public string? Twin(string className)
    {
        var type = Output.GetSymbolsWithName(className, SymbolFilter.Type).OfType<INamedTypeSymbol>().SingleOrDefault();
        return type?.GetMembers("PyTorchTwin").OfType<IFieldSymbol>().SingleOrDefault()?.ConstantValue as string;
    }

    /// <summary>The catalog's source (<c>GenBackbones</c>), or null when no backbone was valid.</summary>
    public string? CatalogSource => Run.GeneratedSources.Where(s => s.HintName == CatalogHintName).Select(s => s.SourceText.ToString()).SingleOrDefault();

    public const string CatalogHintName = "GenBackbones.g.cs";

    /// <summary>The generated source for class <paramref name="className"/>, or null.</summary>
    public string? Source(string className)
    {
        var match = Run.GeneratedSources.Where(s => s.HintName == className + ".g.cs" || s.HintName.EndsWith("." + className + ".g.cs", StringComparison.Ordinal)).ToList();
        return match.Count == 1 ? match[0].SourceText.ToString() : null;
    }

    /// <summary>Errors and warnings of compiling the specs together with the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompileProblems() => Output.GetDiagnostics()
        .Where(d => d.Severity >= DiagnosticSeverity.Warning)
        .ToList();
}
