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

    [Fact]
    public void Every_architecture_and_edge_case_compiles_without_errors_or_warnings()
    {
        var sources = ArchitectureSpecs.Files()
            .Concat(EdgeCaseSpecs.All.Select(spec => ($"{spec.Key}.cs", spec.Value)));

        var result = GeneratorHarness.Run(sources);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(ArchitectureSpecs.Names.Count + EdgeCaseSpecs.All.Count, result.Run.GeneratedSources.Length);
        var problems = result.CompileProblems().Select(d => d.ToString()).Take(20).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
