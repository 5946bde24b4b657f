using System.Linq;
using Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace Gen.Generator.Tests;

/// <summary>Generated source of every declared backbone and edge-case spec, pinned by snapshots/.</summary>
public class SnapshotTests
{
    [Theory]
    [MemberData(nameof(ArchitectureData))]
    public void Architecture_generated_source_matches_its_verified_snapshot(string name)
    {
        var result = ArchitectureSpecs.Result;
        Assert.Empty(result.Diagnostics);
        var source = result.Source(name);
        Assert.NotNull(source);
        Snapshot.Verify(name, source!);
    }

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
    public void There_are_at_least_eight_edge_case_specs_and_every_architecture_has_a_snapshot_file()
    {
        Assert.True(EdgeCaseSpecs.All.Count >= 8);
        var verified = System.IO.Directory.GetFiles(RepoPaths.Snapshots, "*.verified.cs")
            .Select(path => System.IO.Path.GetFileName(path)!.Replace(".verified.cs", string.Empty))
            .ToHashSet();
        var missing = ArchitectureSpecs.Names.Concat(EdgeCaseSpecs.All.Keys).Where(name => !verified.Contains(name)).ToList();
        Assert.Empty(missing);
    }

    public static TheoryData<string> ArchitectureData()
    {
        var data = new TheoryData<string>();
        foreach (var name in ArchitectureSpecs.Names)
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
