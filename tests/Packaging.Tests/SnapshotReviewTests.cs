using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Gen.Packaging.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Gen.Packaging.Tests;

/// <summary>GenSnapshots in a user's project, through the package: a changed spec and a new backbone fail the build; acceptance; a removed backbone leaves nothing behind.</summary>
[Collection(PackagingCollection.Name)]
public sealed class SnapshotReviewTests
{
    private const string NewBackbone = """
        using Gen;

        namespace MyBackbones;

        [Backbone(Classes = 10, ImageSize = 32)]
        [CifarStem(8)]
        [Layout("B", Depths = new[] { 1 }, Widths = new[] { 8 })]
        public partial class Fresh { }
        """;

    private readonly PackagingWorkspace _workspace;
    private readonly ITestOutputHelper _output;

    public SnapshotReviewTests(PackagingWorkspace workspace, ITestOutputHelper output)
    {
        _workspace = workspace;
        _output = output;
    }

    [Fact]
    public void A_changed_spec_and_a_new_backbone_fail_the_build_until_accepted_and_a_removed_backbone_is_not_checked()
    {
        var samples = _workspace.CopySamples("review");
        var folder = Path.Combine(samples, "MyBackbones");
        var project = Path.Combine(folder, "MyBackbones.csproj");
        var snapshots = Path.Combine(folder, "snapshots");
        var spec = Path.Combine(folder, "TinyNam.cs");
        var committed = File.ReadAllText(Path.Combine(snapshots, "TinyNam.verified.cs"));
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("Depths = new[] { 1, 2, 1 }", "Depths = new[] { 1, 1, 1 }"));
        File.WriteAllText(Path.Combine(folder, "Fresh.cs"), NewBackbone);

        var failed = _workspace.Build(project);
        _output.WriteLine(failed.Output);
        Assert.NotEqual(0, failed.ExitCode);
        var changed = Regex.Match(failed.Output, @"snapshots/TinyNam\.verified\.cs\((\d+),1\): error GENS001: .*TinyNam\.received\.cs");
        Assert.True(changed.Success, failed.Output);
        Assert.Contains("@@ -", failed.Output);
        Assert.Matches(@"error GENS002: Backbone Fresh has no snapshot", failed.Output);
        Assert.Equal(committed, File.ReadAllText(Path.Combine(snapshots, "TinyNam.verified.cs")));
        var received = File.ReadAllText(Path.Combine(snapshots, "TinyNam.received.cs"));
        Assert.NotEqual(committed, received);
        Assert.True(File.Exists(Path.Combine(snapshots, "Fresh.received.cs")));

        var accepted = _workspace.Build(project, new Dictionary<string, string> { ["GEN_ACCEPT_SNAPSHOTS"] = "1" });
        _output.WriteLine(accepted.Output);
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.Equal(received, File.ReadAllText(Path.Combine(snapshots, "TinyNam.verified.cs")));
        Assert.True(File.Exists(Path.Combine(snapshots, "Fresh.verified.cs")));
        Assert.Empty(Directory.GetFiles(snapshots, "*.received.cs"));

        // Back to the committed spec, accepted with the property; Fresh and its snapshot removed. A
        // stale generated Fresh.g.cs would now fail (no snapshot) or, accepted, write its snapshot again.
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("Depths = new[] { 1, 1, 1 }", "Depths = new[] { 1, 2, 1 }"));
        File.Delete(Path.Combine(folder, "Fresh.cs"));
        File.Delete(Path.Combine(snapshots, "Fresh.verified.cs"));
        var reverted = _workspace.Build(project, null, "-p:GenAcceptSnapshots=true");
        _output.WriteLine(reverted.Output);
        Assert.True(reverted.ExitCode == 0, reverted.ToString());
        Assert.Equal(committed, File.ReadAllText(Path.Combine(snapshots, "TinyNam.verified.cs")));
        Assert.False(File.Exists(Path.Combine(snapshots, "Fresh.verified.cs")));
        Assert.Empty(Directory.GetFiles(snapshots, "*.received.cs"));
    }
}
