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
