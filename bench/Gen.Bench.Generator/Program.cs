using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Gen.Bench.Generator;
using Gen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

// Times Gen.Generator the way the compiler runs it: a fresh driver over a compilation of specs.
// Usage: dotnet run -c Release --project bench/Gen.Bench.Generator [-- iterations]
var iterations = args.Length > 0 ? int.Parse(args[0]) : 20;
var root = FindRoot();
var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
var references = LoadReferences();

var architectures = Directory.GetFiles(Path.Combine(root, "src", "Architectures"), "*.cs").OrderBy(p => p, StringComparer.Ordinal)
    .Select(p => (p, File.ReadAllText(p))).ToList();
var synthetic = SyntheticSpecs.Create(200).ToList();

Console.WriteLine($"Gen.Generator benchmark: {iterations} runs each; {Environment.ProcessorCount} cores");
Measure($"all {architectures.Count} architectures (src/Architectures)", architectures);
Measure("200 synthetic specs", synthetic);
MeasureIncremental("unrelated edit after all architectures", architectures);

void Measure(string label, List<(string Path, string Text)> sources)
{
    var compilation = Compile(sources);
    var first = Run(compilation, out var generated, out var diagnostics);
    if (diagnostics.Length > 0)
    {
        throw new InvalidOperationException($"{label}: {diagnostics.Length} diagnostics, first: {diagnostics[0]}");
    }

    var warm = Enumerable.Range(0, iterations).Select(i => Run(compilation, out _, out _)).OrderBy(t => t).ToList();
    var fresh = Enumerable.Range(0, iterations).Select(i => Run(Compile(sources), out _, out _)).OrderBy(t => t).ToList();
    Console.WriteLine($"  {label}: {generated} files");
    Console.WriteLine($"    fresh compilation (parse + bind + generate): median {Median(fresh):F1} ms, min {fresh[0]:F1} ms, {Median(fresh) / generated:F2} ms/spec");
    Console.WriteLine($"    same compilation (generator work only):      median {Median(warm):F1} ms, min {warm[0]:F1} ms; first-ever run (JIT) {first:F1} ms");
}

void MeasureIncremental(string label, List<(string Path, string Text)> sources)
{
    var compilation = Compile(sources.Append(("Unrelated.cs", "public static class Unrelated { public static int Value => 0; }")));
    var times = new List<double>();
    var cached = 0;
    var total = 0;
    for (var i = 0; i < iterations; i++)
    {
        var driver = Driver().RunGenerators(compilation);
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "Unrelated.cs");
        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText($"public static class Unrelated {{ public static int Value => {i + 1}; }}", parse, "Unrelated.cs"));
        var watch = Stopwatch.StartNew();
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();
        times.Add(watch.Elapsed.TotalMilliseconds);
        var reasons = result.TrackedSteps.Where(s => s.Key.StartsWith("Gen.", StringComparison.Ordinal)).SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        total += reasons.Count;
        cached += reasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
    }

    times.Sort();
    Console.WriteLine($"  {label}: median {Median(times):F1} ms, min {times[0]:F1} ms; {cached}/{total} tracked step outputs cached or unchanged");
}

double Run(Compilation compilation, out int generated, out Diagnostic[] diagnostics)
{
    var watch = Stopwatch.StartNew();
    var result = Driver().RunGenerators(compilation).GetRunResult();
    var elapsed = watch.Elapsed.TotalMilliseconds;
    generated = result.GeneratedTrees.Length;
    diagnostics = result.Diagnostics.ToArray();
    return elapsed;
}

GeneratorDriver Driver() => CSharpGeneratorDriver.Create(
    new[] { new BackboneGenerator().AsSourceGenerator() },
    parseOptions: parse,
    driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

Compilation Compile(IEnumerable<(string Path, string Text)> sources) => CSharpCompilation.Create(
    "Bench",
    sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path)),
    references,
    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

static double Median(List<double> sorted) => sorted[sorted.Count / 2];

static List<MetadataReference> LoadReferences()
{
    var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
    return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
        .Where(p => Path.GetDirectoryName(p) == framework)
        .Append(Path.Combine(AppContext.BaseDirectory, "Gen.Runtime.dll"))
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToList();
}

static string FindRoot()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
    {
        if (File.Exists(Path.Combine(d.FullName, "Gen.sln")))
        {
            return d.FullName;
        }
    }

    throw new InvalidOperationException("Gen.sln not found");
}
