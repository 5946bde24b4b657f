using System.Linq;
using Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Gen.Generator.Tests;

/// <summary>The pipeline caches: unrelated edits rerun nothing, a spec edit reruns only that spec.</summary>
public class IncrementalTests
{
    private static readonly string[] Steps =
    {
        TrackingNames.Parse, TrackingNames.Validate, TrackingNames.Diagnostics, TrackingNames.Plan, TrackingNames.Emit,
    };

    private const string SpecA = """
        using Gen;
        namespace Inc;
        [Backbone(Classes = 10, ImageSize = 32)]
        [CifarStem(16)]
        [Stage(BlockKind.Basic, Depth = 1, Channels = 16)]
        public partial class NetA { }
        """;

    private const string SpecB = """
        using Gen;
        namespace Inc;
        [Backbone(Classes = 10, ImageSize = 64, Head = HeadKind.LinearNoBias)]
        [ConvStem(32)]
        [Layout("C-T", Depths = new[] { 1, 1 }, Channels = new[] { 32, 64 })]
        public partial class NetB { }
        """;

    private const string Unrelated = """
        namespace Inc;
        public static class Helper { public static int Value => 1; }
        """;

    [Fact]
    public void Unrelated_edit_leaves_every_tracked_step_cached_or_unchanged()
    {
        var (driver, compilation) = FirstRun();
        var edited = Replace(compilation, "Unrelated.cs", Unrelated.Replace("=> 1", "=> 2") + "\npublic class Extra { }\n");

        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in Steps)
        {
            Assert.True(run.TrackedSteps.ContainsKey(step), step + " was not tracked");
            var reasons = run.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}"));
        }
    }

    [Fact]
    public void Moving_a_spec_down_a_line_reruns_parse_but_not_emit()
    {
        var (driver, compilation) = FirstRun();
        var edited = Replace(compilation, "A.cs", "// a comment that shifts every location\n" + SpecA);

        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var parse = run.TrackedSteps[TrackingNames.Parse].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, parse);
        var emit = run.TrackedSteps[TrackingNames.Emit].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.All(emit, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
    }

    [Fact]
    public void Moving_a_spec_with_a_warning_down_a_line_re_reports_the_warning_there_without_emitting_again()
    {
        // Heads on a basic block: GEN0019, a warning, so the spec still generates.
        var warned = SpecA.Replace("Channels = 16)]", "Channels = 16, Heads = 4)]");
        var compilation = GeneratorHarness.Compile(new[] { ("A.cs", warned), ("B.cs", SpecB), ("Unrelated.cs", Unrelated) });
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single();
        var warning = Assert.Single(before.Diagnostics);
        Assert.Equal("GEN0019", warning.Id);

        var run = driver.RunGenerators(Replace(compilation, "A.cs", "// a comment that shifts every location\n" + warned)).GetRunResult().Results.Single();

        var moved = Assert.Single(run.Diagnostics);
        Assert.Equal(warning.Location.GetLineSpan().StartLinePosition.Line + 1, moved.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(run, TrackingNames.Diagnostics));
        Assert.All(Reasons(run, TrackingNames.Plan), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "Plan: " + reason));
        Assert.All(Reasons(run, TrackingNames.Emit), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "Emit: " + reason));
        Assert.Equal(before.GeneratedSources.Select(s => s.SourceText.ToString()), run.GeneratedSources.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void Editing_one_spec_changes_only_that_specs_output()
    {
        var (driver, compilation) = FirstRun();
        var before = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var edited = Replace(compilation, "A.cs", SpecA.Replace("Depth = 1", "Depth = 2"));

        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var after = run.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.NotEqual(before["Inc.NetA.g.cs"], after["Inc.NetA.g.cs"]);
        Assert.Equal(before["Inc.NetB.g.cs"], after["Inc.NetB.g.cs"]);
        Assert.NotEqual(before["Inc.NetA.PyTorch.g.cs"], after["Inc.NetA.PyTorch.g.cs"]);
        Assert.Equal(before["Inc.NetB.PyTorch.g.cs"], after["Inc.NetB.PyTorch.g.cs"]);
        var emit = run.TrackedSteps[TrackingNames.Emit].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, emit.Count(reason => reason == IncrementalStepRunReason.Modified));
        Assert.Equal(1, emit.Count(reason => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    private static System.Collections.Generic.List<IncrementalStepRunReason> Reasons(GeneratorRunResult run, string step) =>
        run.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.Compile(new[] { ("A.cs", SpecA), ("B.cs", SpecB), ("Unrelated.cs", Unrelated) });
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        // Two modules, their two PyTorch twins and the assembly's catalog.
        Assert.Equal(2, driver.GetRunResult().Results.Single().GeneratedSources.Count(s => s.HintName != GenerationResult.CatalogHintName && !s.HintName.EndsWith(GenerationResult.TwinHintSuffix, System.StringComparison.Ordinal)));
        Assert.Equal(2, driver.GetRunResult().Results.Single().GeneratedSources.Count(s => s.HintName.EndsWith(GenerationResult.TwinHintSuffix, System.StringComparison.Ordinal)));
        Assert.Single(driver.GetRunResult().Results.Single().GeneratedSources, s => s.HintName == GenerationResult.CatalogHintName);
        return (driver, compilation);
    }

    private static Compilation Replace(Compilation compilation, string path, string text)
    {
        var old = compilation.SyntaxTrees.Single(tree => tree.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path));
    }
}
