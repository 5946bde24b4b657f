using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Gen.Generator.Model;
using Gen.Generator.Pipeline;
using Gen.Generator.Tests.Infrastructure;
using Gen.Generator.Validation;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Gen.Generator.Tests;

/// <summary>The pipeline carries plain equatable data: no symbols, syntax, locations or compilations.</summary>
public class ModelPurityTests
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel), typeof(Location), typeof(AttributeData),
    };

    [Fact]
    public void Reflection_walk_of_the_pipeline_types_finds_no_roslyn_object_and_only_equatable_types()
    {
        var seen = new HashSet<Type>();
        foreach (var root in new[] { typeof(ParseOutcome), typeof(ValidationResult), typeof(EmitOutcome) })
        {
            Walk(root, seen);
        }

        Assert.Contains(typeof(SpecModel), seen);
        Assert.Contains(typeof(Gen.Generator.Model.BlockPlan), seen);
        foreach (var type in seen)
        {
            Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), type + " is a Roslyn object");
            if (!type.IsPrimitive && !type.IsEnum && type != typeof(string) && type.Namespace?.StartsWith("Gen.Generator", StringComparison.Ordinal) == true)
            {
                Assert.True(typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type), type + " is not IEquatable<itself>");
            }
        }
    }

    [Fact]
    public void Tracked_step_outputs_hold_no_roslyn_object_at_run_time()
    {
        var result = GeneratorHarness.Run(EdgeCaseSpecs.All["EdgeCustomBlock"]);

        Assert.NotEmpty(result.Run.TrackedSteps.Where(step => step.Key.StartsWith("Gen.", StringComparison.Ordinal)).SelectMany(step => step.Value));
        CachedRerun.NoRoslynObjects(result.Run);
    }

    private static void Walk(Type type, HashSet<Type> seen)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            type = underlying;
        }

        if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string))
        {
            return;
        }

        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes)
        {
            Walk(argument, seen);
        }

        if (type.Namespace?.StartsWith("Gen.Generator", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.FieldType.IsArray ? field.FieldType.GetElementType()! : field.FieldType, seen);
        }
    }
}
