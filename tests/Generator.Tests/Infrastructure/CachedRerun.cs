using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Gen.Generator.Tests.Infrastructure;

/// <summary>
/// What every generator run in these tests must also satisfy (after NetEscapades.EnumGenerators'
/// TestHelpers): run again on a clone of the same compilation, every tracked Gen step is Cached or
/// Unchanged, the outputs and diagnostics are equal, and no tracked value holds a Roslyn object.
/// </summary>
internal static class CachedRerun
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel), typeof(Location), typeof(AttributeData),
    };

    /// <summary>Runs <paramref name="driver"/> (already run once on <paramref name="compilation"/>) again on a clone and checks the rerun.</summary>
    public static void Check(GeneratorDriver driver, Compilation compilation)
    {
        var first = driver.GetRunResult().Results.Single();
        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        Assert.Equal(Texts(first), Texts(second));
        Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));
        var steps = second.TrackedSteps.Where(step => step.Key.StartsWith("Gen.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(steps);
        foreach (var (name, runs) in steps)
        {
            foreach (var output in runs.SelectMany(run => run.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"{name} ran again ({output.Reason}) on an unchanged compilation");
            }
        }

        NoRoslynObjects(first);
    }

    /// <summary>Walks every tracked Gen step's outputs and fails on any Roslyn object.</summary>
    public static void NoRoslynObjects(GeneratorRunResult run)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var value in run.TrackedSteps
            .Where(step => step.Key.StartsWith("Gen.", StringComparison.Ordinal))
            .SelectMany(step => step.Value)
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value))
        {
            Walk(value, visited);
        }
    }

    private static IEnumerable<(string, string)> Texts(GeneratorRunResult run) =>
        run.GeneratedSources.Select(source => (source.HintName, source.SourceText.ToString()));

    private static void Walk(object? value, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        Assert.False(Forbidden.Any(f => f.IsInstanceOfType(value)), value.GetType() + " reached the pipeline");
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                Walk(item, visited);
            }
        }

        if (value.GetType().Namespace?.StartsWith("Gen.Generator", StringComparison.Ordinal) != true && !value.GetType().IsGenericType)
        {
            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), visited);
        }
    }
}
