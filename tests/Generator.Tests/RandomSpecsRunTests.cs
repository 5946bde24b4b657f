using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Gen.Generator.Tests.Infrastructure;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Gen.Generator.Tests;

/// <summary>
/// Valid random specs, run as well as compiled: each generated model is built, holds exactly the
/// parameters and buffers its compile-time constants say, computes exactly its compile-time
/// multiply-accumulates, and runs forward at its declared size to the declared output shape. This
/// catches specs that compile but fail at run time.
/// </summary>
public class RandomSpecsRunTests
{
    private const int Seed = 20240601;

    [Fact]
    public void Valid_random_specs_build_and_run_forward_and_their_constants_equal_the_runtime_counts_and_macs()
    {
        // The small ones (64 x 64 images), enough to reach every block kind, stem and head.
        var specs = Enumerable.Range(0, 500).Select(i => RandomSpecs.Create(i, Seed))
            .Where(spec => spec.ExpectedId is null && spec.Source.Contains("ImageSize = 64", StringComparison.Ordinal))
            .Take(32)
            .ToList();
        Assert.Equal(32, specs.Count);
        foreach (var kind in new[] { "Basic", "Bottleneck", "CoT", "EPSA", "MBConv", "Transformer", "ConvStem", "CifarStem", "ResNetStem", "HeadKind.None" })
        {
            Assert.Contains(specs, spec => spec.Source.Contains(kind, StringComparison.Ordinal));
        }

        var assembly = Build(specs);
        var failures = new List<string>();
        foreach (var spec in specs)
        {
            try
            {
                Run(assembly.GetType("Fuzz." + spec.Name, throwOnError: true)!, spec.Source);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                failures.Add($"{spec.Name}: {(exception as TargetInvocationException)?.InnerException?.Message ?? exception.Message}\n{spec.Source}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    private static Assembly Build(IReadOnlyList<RandomSpec> specs)
    {
        var result = GeneratorHarness.Run(specs.Select(spec => (spec.Name + ".cs", spec.Source)));
        Assert.Empty(result.Diagnostics);
        using var image = new MemoryStream();
        var emitted = result.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Take(10)));
        return Assembly.Load(image.ToArray());
    }

    private static void Run(Type type, string source)
    {
        var constructor = type.GetConstructors().Single();
        using var model = (nn.Module<Tensor, Tensor>)constructor.Invoke(constructor.GetParameters().Select(p => p.DefaultValue).ToArray());
        var trainable = model.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
        var parameterNames = model.named_parameters().Select(p => p.name).ToHashSet();
        var persistent = model.state_dict().Where(entry => !parameterNames.Contains(entry.Key)).Sum(entry => entry.Value.numel());
        Assert.Equal(Constant(type, "ParameterCount"), trainable);
        Assert.Equal(Constant(type, "BufferCount"), persistent);
        Assert.Equal(Constant(type, "MacCount"), MacCounter.Count(model, 3, 64, 64));

        model.eval();
        using var noGrad = torch.no_grad();
        using var input = torch.randn(2, 3, 64, 64);
        using var output = model.call(input);
        var classes = Regex.Match(source, @"Classes = (\d+)");
        if (source.Contains("HeadKind.None", StringComparison.Ordinal))
        {
            Assert.Equal(4, output.shape.Length);
            Assert.Equal(2, output.shape[0]);
        }
        else
        {
            Assert.Equal(new long[] { 2, long.Parse(classes.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) }, output.shape);
        }

        Assert.False(output.isnan().any().item<bool>(), "NaN in the output");
    }

    private static long Constant(Type type, string name) =>
        (long)(type.GetField(name, BindingFlags.Public | BindingFlags.Static) ?? throw new InvalidOperationException(type.Name + " has no " + name)).GetValue(null)!;
}
