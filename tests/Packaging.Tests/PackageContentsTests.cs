using System.IO;
using System.Linq;
using Gen.Packaging.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Gen.Packaging.Tests;

/// <summary>The .nupkg files of `dotnet pack Gen.sln`: a clean pack, the analyzer path, the dependencies, the readme, no stray files.</summary>
[Collection(PackagingCollection.Name)]
public sealed class PackageContentsTests
{
    private readonly PackagingWorkspace _workspace;
    private readonly ITestOutputHelper _output;

    public PackageContentsTests(PackagingWorkspace workspace, ITestOutputHelper output)
    {
        _workspace = workspace;
        _output = output;
    }

    [Fact]
    public void Packing_the_solution_succeeds_without_a_warning_and_writes_exactly_gens_four_packages()
    {
        _output.WriteLine($"dotnet pack Gen.sln --no-build: {_workspace.PackSeconds:F0} s");
        Assert.True(_workspace.Pack.ExitCode == 0, _workspace.Pack.ToString());
        Assert.DoesNotContain("warning", _workspace.Pack.Output, System.StringComparison.OrdinalIgnoreCase);
        var packed = Directory.GetFiles(_workspace.Feed).Select(Path.GetFileName).OrderBy(n => n).ToArray();
        Assert.Equal(new[] { $"Gen.{_workspace.Version}.nupkg", $"Gen.Architectures.{_workspace.Version}.nupkg", $"Gen.Cli.{_workspace.Version}.nupkg", $"Gen.Templates.{_workspace.Version}.nupkg" }, packed);
        foreach (var file in packed)
        {
            _output.WriteLine($"{file}: {Nupkg.Size(Path.Combine(_workspace.Feed, file!)):N0} bytes");
        }
    }

    [Fact]
    public void The_gen_package_holds_attributes_blocks_generator_and_build_steps_and_depends_on_torchsharp_only()
    {
        var package = Nupkg.Open(_workspace.Package("Gen"));

        Assert.Equal(
            new[]
            {
                "README.md",
                "analyzers/dotnet/cs/Gen.Generator.dll",
                "analyzers/dotnet/cs/Gen.Spec.dll",
                "buildTransitive/Gen.LibStdCxxCompat.targets",
                "buildTransitive/Gen.Snapshots.targets",
                "buildTransitive/Gen.targets",
                "lib/net10.0/Gen.Runtime.dll",
                "lib/net10.0/Gen.Runtime.xml",
                "lib/net10.0/Gen.Spec.dll",
                "lib/net10.0/Gen.Spec.xml",
                "tasks/netstandard2.0/Gen.Build.Tasks.dll",
            },
            package.Files);
        Assert.Equal(new[] { "TorchSharp 0.107.0" }, package.Dependencies);
        AssertMetadata(package, "Gen");
    }

    [Fact]
    public void The_architectures_package_holds_the_declared_backbones_and_depends_on_gen_only()
    {
        var package = Nupkg.Open(_workspace.Package("Gen.Architectures"));

        Assert.Equal(new[] { "README.md", "lib/net10.0/Gen.Architectures.dll", "lib/net10.0/Gen.Architectures.xml" }, package.Files);
        Assert.Equal(new[] { $"Gen {_workspace.Version}" }, package.Dependencies);
        // All of Gen flows to a project that adds only Gen.Architectures: the build steps and the generator too.
        Assert.Equal("All", package.Metadata.Descendants().Single(e => e.Name.LocalName == "dependency").Attribute("include")?.Value);
        AssertMetadata(package, "Gen.Architectures");
    }

    [Fact]
    public void The_tool_package_is_a_dotnet_tool_named_gen_that_carries_its_engine()
    {
        var package = Nupkg.Open(_workspace.Package("Gen.Cli"));

        Assert.Equal(new[] { "DotnetTool" }, package.PackageTypes);
        Assert.Empty(package.Dependencies);
        Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", package.Files);
        Assert.Contains("tools/net10.0/any/gen.dll", package.Files);
        Assert.Contains("tools/net10.0/any/Gen.Architectures.dll", package.Files);
        Assert.Contains(package.Files, f => f.EndsWith("/linux-x64/native/libLibTorchSharp.so", System.StringComparison.Ordinal));
        Assert.Contains("Command Name=\"gen\" EntryPoint=\"gen.dll\"", package.Text("tools/net10.0/any/DotnetToolSettings.xml"));
        Assert.DoesNotContain(package.Files, f => f.EndsWith(".xml", System.StringComparison.Ordinal) && !f.EndsWith("/DotnetToolSettings.xml", System.StringComparison.Ordinal));
        Assert.All(package.Files, f => Assert.True(f == "README.md" || f.StartsWith("tools/net10.0/any/", System.StringComparison.Ordinal), f));
        AssertMetadata(package, "Gen.Cli");
    }

    [Fact]
    public void The_template_package_holds_only_the_template_and_depends_on_nothing()
    {
        var package = Nupkg.Open(_workspace.Package("Gen.Templates"));

        Assert.Equal(
            new[]
            {
                "README.md",
                "content/GenBackbone/.template.config/template.json",
                "content/GenBackbone/GenTemplateProject.csproj",
                "content/GenBackbone/MyBackbone.cs",
                "content/GenBackbone/Program.cs",
                "content/GenBackbone/snapshots/MyBackbone.verified.cs",
            },
            package.Files);
        Assert.Equal(new[] { "Template" }, package.PackageTypes);
        Assert.Empty(package.Dependencies);
        Assert.Contains($"<PackageReference Include=\"Gen\" Version=\"{_workspace.Version}\" />", package.Text("content/GenBackbone/GenTemplateProject.csproj"));
        AssertMetadata(package, "Gen.Templates");
    }

    private void AssertMetadata(Nupkg package, string id)
    {
        Assert.Equal(id, package.Value("id"));
        Assert.Equal(_workspace.Version, package.Value("version"));
        Assert.Equal("MIT", package.Value("license"));
        Assert.Equal("expression", package.Element("license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", package.Value("readme"));
        Assert.True(package.Value("description").Length > 80, package.Value("description"));
        Assert.NotEqual("Package Description", package.Value("description"));
        Assert.Contains("torchsharp", package.Value("tags"));
        Assert.Equal("git", package.Element("repository")!.Attribute("type")!.Value);
        Assert.Matches("^[0-9a-f]{40}$", package.Element("repository")!.Attribute("commit")!.Value);
    }
}
