using System.Collections.Generic;
using System.Linq;
using Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Gen.Generator.Tests;

/// <summary>Seeded random specs, valid and invalid: the generator never throws and never half-succeeds.</summary>
public class RobustnessTests
{
    private const int Count = 500;
    private const int Seed = 20240601;

    [Fact]
    public void Five_hundred_random_specs_yield_either_the_expected_diagnostic_or_code_that_compiles()
    {
        var specs = Enumerable.Range(0, Count).Select(i => RandomSpecs.Create(i, Seed)).ToList();
        var invalid = specs.Count(s => s.ExpectedId is not null);
        Assert.InRange(invalid, Count / 4, 3 * Count / 4);

        var result = GeneratorHarness.Run(specs.Select(s => (s.Name + ".cs", s.Source)));

        Assert.Null(result.Exception);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "GEN0014");
        var byFile = result.Diagnostics.ToLookup(d => d.Location.GetLineSpan().Path);
        var generated = result.Run.GeneratedSources.Select(s => s.HintName).ToHashSet();
        var failures = new List<string>();
        foreach (var spec in specs)
        {
            var diagnostics = byFile[spec.Name + ".cs"].ToList();
            var hasSource = generated.Contains("Fuzz." + spec.Name + ".g.cs");
            if (spec.ExpectedId is null && (diagnostics.Count > 0 || !hasSource))
            {
                failures.Add($"{spec.Name} is valid but got [{string.Join(", ", diagnostics.Select(d => d.GetMessage()))}], source: {hasSource}\n{spec.Source}");
            }
            else if (spec.ExpectedId is not null && (!diagnostics.Any(d => d.Id == spec.ExpectedId && d.Severity == DiagnosticSeverity.Error) || hasSource))
            {
                failures.Add($"{spec.Name} should report {spec.ExpectedId} but got [{string.Join(", ", diagnostics.Select(d => d.Id))}], source: {hasSource}\n{spec.Source}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
        var problems = result.CompileProblems().Where(d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true).Take(10).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Backbone_on_two_declarations_of_one_partial_class_does_not_crash_the_generator()
    {
        const string spec = """
            using Gen;
            [Backbone] [CifarStem(8)] [Stage(BlockKind.Basic, Depth = 1, Channels = 8)]
            public partial class Twice { }
            [Backbone]
            public partial class Twice { }
            """;

        var result = GeneratorHarness.Run(spec);

        Assert.Null(result.Exception);
        Assert.Single(result.BackboneSources);
        Assert.Contains(result.Input.GetDiagnostics(), d => d.Id == "CS0579");
    }
}
