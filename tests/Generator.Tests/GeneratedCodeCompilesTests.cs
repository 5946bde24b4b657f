using System.Linq;
using Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace Gen.Generator.Tests;

/// <summary>
/// The generated modules compile, with no error and no warning, against Gen.Runtime (Gen.Blocks) and
/// the real TorchSharp.dll from the test's output directory.
/// </summary>
public class GeneratedCodeCompilesTests
{
    [Fact]
    public void Runtime_provides_every_block_the_generator_constructs()
    {
        var runtime = System.Reflection.Assembly.LoadFrom(References.RuntimeAssembly);
        var missing = new[] { "BasicBlock", "Bottleneck", "CoTBottleneck", "EPSABottleneck", "MBConv", "RelativeTransformer" }
            .Where(name => runtime.GetType("Gen.Blocks." + name) is null)
            .ToList();

        Assert.True(missing.Count == 0, "Gen.Runtime lacks Gen.Blocks." + string.Join(", Gen.Blocks.", missing));
    }

    [Theory]
    [InlineData("Linear")]
    [InlineData("Sequential")]
    [InlineData("Tensor")]
    [InlineData("Module")]
    [InlineData("Conv2d")]
    [InlineData("TorchSharp")]
    [InlineData("System")]
    public void A_user_type_named_like_a_framework_name_in_the_backbones_namespace_does_not_capture_it(string name)
    {
        // Every framework kind the emitter writes, in one spec: a ResNet stem, bottlenecks, a linear head.
        var source = $$"""
            using Gen;
            namespace Users
            {
                public sealed class {{name}} { public int Value; }

                [Backbone(Classes = 10, ImageSize = 32)]
                [ResNetStem(16)]
                [Stage(BlockKind.Bottleneck, Depth = 2, Channels = 16)]
                public partial class Net { }
            }
            """;

        var result = GeneratorHarness.Run(source);

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Source("Net"));
        var problems = result.CompileProblems().Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("Tensor", "[ConvStem(32)] [Layout(\"C-T\", Depths = new[] { 1, 1 }, Channels = new[] { 32, 64 })]")]
    [InlineData("Module", "[CifarStem(16)] [Stage(BlockKind.Basic, Depth = 1, Channels = 16)]")]
    [InlineData("Linear", "[ResNetStem(16)] [Stage(BlockKind.EPSABottleneck, Depth = 1, Channels = 64)]")]
    public void A_backbone_named_like_a_framework_type_compiles(string name, string stemAndStages)
    {
        var source = $$"""
            using Gen;
            namespace Users;
            [Backbone(Classes = 10, ImageSize = 64)]
            {{stemAndStages}}
            public partial class {{name}} { }
            """;

        var result = GeneratorHarness.Run(source);

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Source(name));
        var problems = result.CompileProblems().Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_architecture_and_edge_case_compiles_without_errors_or_warnings()
    {
        var sources = ArchitectureSpecs.Files()
            .Concat(EdgeCaseSpecs.All.Select(spec => ($"{spec.Key}.cs", spec.Value)));

        var result = GeneratorHarness.Run(sources);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(ArchitectureSpecs.Names.Count + EdgeCaseSpecs.All.Count, result.BackboneSources.Count);
        Assert.NotNull(result.CatalogSource);
        var problems = result.CompileProblems().Select(d => d.ToString()).Take(20).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
