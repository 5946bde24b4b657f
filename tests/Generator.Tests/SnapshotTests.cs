using System.IO;
using System.Linq;
using Gen.Generator.Catalog;
using Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace Gen.Generator.Tests;

/// <summary>
/// Generated source of every edge-case spec, pinned by snapshots/. The declared backbones of
/// src/Architectures are not compared here: the build of that project compares them, with the
/// snapshot review a user gets from the Gen package (GenSnapshots), so a changed backbone fails
/// the build itself. The tests below pin that wiring instead of repeating the comparison.
/// </summary>
public class SnapshotTests
{
    [Theory]
    [MemberData(nameof(EdgeCaseData))]
    public void Edge_case_generated_source_matches_its_verified_snapshot(string name)
    {
        var result = GeneratorHarness.Run(EdgeCaseSpecs.All[name]);
        Assert.Empty(result.Diagnostics);
        var source = result.Source(name);
        Assert.NotNull(source);
        Snapshot.Verify(name, source!);
    }

    /// <summary>
    /// The sample and the template review their own snapshots when they are built from the packages
    /// (tests/Packaging.Tests); this pins the same files here, where an emitted-code change shows up
    /// first and <c>GEN_ACCEPT_SNAPSHOTS=1</c> accepts them with the rest.
    /// </summary>
    [Theory]
    [InlineData("samples/MyBackbones", "TinyNam")]
    [InlineData("samples/MyBackbones", "ConvReluNet")]
    [InlineData("templates/content/GenBackbone", "MyBackbone")]
    public void Sample_and_template_snapshots_match_what_the_generator_emits_for_them(string project, string name)
    {
        var folder = Path.Combine(RepoPaths.Root, project);
        var sources = Directory.GetFiles(folder, "*.cs")
            .Where(path => Path.GetFileName(path) != "Program.cs")
            .OrderBy(path => path, System.StringComparer.Ordinal)
            .Select(path => (path, File.ReadAllText(path)))
            .ToList();
        var result = GeneratorHarness.Run(sources);
        Assert.Empty(result.Diagnostics);
        var source = result.Source(name);
        Assert.NotNull(source);
        Snapshot.Verify(name, source!, Path.Combine(folder, "snapshots"));
    }

    [Theory]
    [MemberData(nameof(ArchitectureData))]
    public void Architecture_pytorch_twin_matches_its_verified_python_snapshot(string name)
    {
        var twin = ArchitectureSpecs.Result.Twin(name);
        Assert.NotNull(twin);
        Snapshot.Verify(name, twin!, extension: "py");
    }

    [Theory]
    [MemberData(nameof(EdgeCaseData))]
    public void Edge_case_pytorch_twin_matches_its_verified_python_snapshot(string name)
    {
        var result = GeneratorHarness.Run(EdgeCaseSpecs.All[name]);
        var twin = result.Twin(name);
        Assert.NotNull(twin);
        Snapshot.Verify(name, twin!, extension: "py");
    }

    [Fact]
    public void Every_backbone_has_one_pytorch_twin_file_and_every_architecture_a_python_snapshot()
    {
        var result = ArchitectureSpecs.Result;
        Assert.Equal(ArchitectureSpecs.Names.Count, result.TwinSources.Count);
        var verified = System.IO.Directory.GetFiles(RepoPaths.Snapshots, "*.verified.py")
            .Select(path => System.IO.Path.GetFileName(path)!.Replace(".verified.py", string.Empty))
            .ToHashSet();
        Assert.Empty(ArchitectureSpecs.Names.Concat(EdgeCaseSpecs.All.Keys).Except(verified));
        Assert.Empty(verified.Except(ArchitectureSpecs.Names).Except(EdgeCaseSpecs.All.Keys));
    }

    [Fact]
    public void There_are_at_least_eight_edge_case_specs_and_every_architecture_and_edge_case_has_a_snapshot_file()
    {
        Assert.True(EdgeCaseSpecs.All.Count >= 8);
        var verified = Directory.GetFiles(RepoPaths.Snapshots, "*.verified.cs")
            .Select(path => Path.GetFileName(path)!.Replace(".verified.cs", string.Empty))
            .ToHashSet();
        var missing = ArchitectureSpecs.Names.Concat(EdgeCaseSpecs.All.Keys).Where(name => !verified.Contains(name)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void The_architectures_project_reviews_its_backbones_against_the_snapshots_folder()
    {
        var project = File.ReadAllText(Path.Combine(RepoPaths.Architectures, "Gen.Architectures.csproj"));
        Assert.Contains("<GenSnapshots>$(RepoRoot)snapshots</GenSnapshots>", project);
    }

    [Fact]
    public void The_build_review_skips_exactly_the_catalog_the_generator_emits_beside_the_backbones()
    {
        var targets = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Runtime", "buildTransitive", "Gen.Snapshots.targets"));
        Assert.Contains($"ExcludedFileNames=\"{CatalogEmitter.HintName}\"", targets);
    }

    public static TheoryData<string> ArchitectureData()
    {
        var data = new TheoryData<string>();
        foreach (var name in ArchitectureSpecs.Names.OrderBy(k => k))
        {
            data.Add(name);
        }

        return data;
    }

    public static TheoryData<string> EdgeCaseData()
    {
        var data = new TheoryData<string>();
        foreach (var name in EdgeCaseSpecs.All.Keys.OrderBy(k => k))
        {
            data.Add(name);
        }

        return data;
    }
}
