using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Gen.Generator.Tests.Infrastructure;
using Gen.Packaging.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Gen.Packaging.Tests;

/// <summary>samples/ built from the packed packages alone: the model sample runs, the mistake sample fails where it should.</summary>
[Collection(PackagingCollection.Name)]
public sealed class SampleTests
{
    private readonly PackagingWorkspace _workspace;
    private readonly ITestOutputHelper _output;

    public SampleTests(PackagingWorkspace workspace, ITestOutputHelper output)
    {
        _workspace = workspace;
        _output = output;
    }

    [Fact]
    public void The_samples_ask_for_the_version_the_solution_packs()
    {
        var samples = File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "Directory.Build.props"));
        Assert.Contains($"<GenVersion>{_workspace.Version}</GenVersion>", samples);
    }

    [Fact]
    public void The_model_sample_builds_from_the_packages_alone_and_runs_both_of_its_backbones()
    {
        var samples = _workspace.CopySamples("run");
        var project = Path.Combine(samples, "MyBackbones", "MyBackbones.csproj");

        var build = _workspace.Build(project);
        _output.WriteLine(build.Output);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(File.Exists(Path.Combine(_workspace.Packages, "gen", _workspace.Version, $"gen.{_workspace.Version}.nupkg")), "Gen was not restored into the isolated package folder");
        Assert.False(Directory.Exists(Path.Combine(_workspace.Packages, "torchsharp-cpu")), "TorchSharp-cpu was extracted again instead of coming from the fallback folder");

        var run = DotNet.Run(samples, PackagingWorkspace.NoEnvironment, Path.Combine(samples, "MyBackbones", "bin", "Release", "net10.0", "MyBackbones.dll"));
        _output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, run.ToString());
        var tiny = Regex.Match(run.Output, @"TinyNam: output \[2, 10\], ParameterCount (\d+), counted (\d+)");
        Assert.True(tiny.Success, run.Output);
        Assert.Equal(tiny.Groups[1].Value, tiny.Groups[2].Value);
        var custom = Regex.Match(run.Output, @"ConvReluNet: output \[2, 10\], counted (\d+)");
        Assert.True(custom.Success, run.Output);
        Assert.True(long.Parse(custom.Groups[1].Value) > 0);
    }

    [Fact]
    public void The_template_creates_a_project_that_passes_its_snapshot_review_and_runs()
    {
        // Created inside a copy of samples/, whose nuget.config names this run's feed.
        var samples = _workspace.CopySamples("template");
        var hive = Path.Combine(_workspace.Root, "template-hive");
        var install = DotNet.Run(samples, PackagingWorkspace.NoEnvironment, "new", "install", _workspace.Package("Gen.Templates"), "--debug:custom-hive", hive);
        Assert.True(install.ExitCode == 0, install.ToString());
        var create = DotNet.Run(samples, PackagingWorkspace.NoEnvironment, "new", "gen-backbone", "-n", "TinyModels", "-o", Path.Combine(samples, "TinyModels"), "--debug:custom-hive", hive);
        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.Contains("namespace TinyModels", File.ReadAllText(Path.Combine(samples, "TinyModels", "snapshots", "MyBackbone.verified.cs")));

        var build = _workspace.Build(Path.Combine(samples, "TinyModels", "TinyModels.csproj"));
        _output.WriteLine(build.Output);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(Directory.GetFiles(Path.Combine(samples, "TinyModels", "snapshots"), "*.received.cs"));
        var run = DotNet.Run(samples, PackagingWorkspace.NoEnvironment, Path.Combine(samples, "TinyModels", "bin", "Release", "net10.0", "TinyModels.dll"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"MyBackbone: [\d,]+ parameters, [\d,]+ MACs, output \[2, 10\]", run.Output);
    }

    [Fact]
    public void The_mistake_sample_fails_to_build_with_its_gen_id_at_the_marked_line()
    {
        var samples = _workspace.CopySamples("mistake");
        var source = Path.Combine(samples, "SpecMistake", "Misspelt.cs");
        var lines = File.ReadAllLines(source);
        var marked = lines.Select((text, index) => (text, index)).Single(line => line.text.Contains("// expect GEN"));
        var expectedId = Regex.Match(marked.text, @"// expect (GEN\d{4})").Groups[1].Value;

        var build = _workspace.Build(Path.Combine(samples, "SpecMistake", "SpecMistake.csproj"));
        _output.WriteLine(build.Output);

        Assert.NotEqual(0, build.ExitCode);
        var errors = Regex.Matches(build.Output, @"Misspelt\.cs\((\d+),(\d+)\): error (GEN\d{4})").Select(m => (Line: int.Parse(m.Groups[1].Value), Id: m.Groups[3].Value)).Distinct().ToList();
        Assert.Equal(new[] { (marked.index + 1, expectedId) }, errors);
    }
}
