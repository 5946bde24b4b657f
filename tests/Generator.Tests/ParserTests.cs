using System.Linq;
using System.Threading;
using Gen.Generator.Parsing;
using Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Gen.Generator.Tests;

using Gen.Generator.Model;

/// <summary>The parse stage: what is written, where, and nothing more.</summary>
public class ParserTests
{
    private static SpecModel Parse(string source, string className)
    {
        var compilation = GeneratorHarness.Compile(new[] { ("Spec.cs", source) });
        var tree = compilation.SyntaxTrees.Single();
        var node = tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Single(c => c.Identifier.ValueText == className);
        var symbol = (INamedTypeSymbol)compilation.GetSemanticModel(tree).GetDeclaredSymbol(node)!;
        return SpecParser.Parse(symbol, node, compilation, CancellationToken.None);
    }

    [Fact]
    public void Unwritten_options_are_unset_and_written_ones_keep_their_values_in_source_order()
    {
        var spec = Parse("""
            using Gen;
            namespace P;
            [Backbone(Classes = 10)]
            [ResNetStem(32)]
            [Stage(BlockKind.EPSABottleneck, Depth = 2, Channels = 64, Groups = new[] { 1, 2, 4, 8 })]
            [Stage(BlockKind.Basic, Depth = 1, Channels = 128, Attention = AttentionKind.None)]
            public partial class Net { }
            """, "Net");

        Assert.Equal(("P", "Net", "public"), (spec.Namespace, spec.ClassName, spec.Accessibility));
        Assert.Equal(10, spec.Backbone.Classes);
        Assert.Null(spec.Backbone.ImageSize);
        Assert.Equal(32, spec.Stems.Single().Channels);
        Assert.Equal(new[] { BlockKind.EPSABottleneck, BlockKind.Basic }, spec.Stages.Select(s => s.Kind));
        Assert.Equal(new[] { 1, 2, 4, 8 }, spec.Stages[0].Options.Groups.Value);
        Assert.False(spec.Stages[0].Options.Kernels.IsSet);
        Assert.False(spec.Stages[0].Options.Attention.IsSet);
        Assert.Equal(AttentionKind.None, spec.Stages[1].Options.Attention.Value);
        Assert.Equal(new[] { "Depth", "Channels", "Groups" }, spec.Stages[0].Options.Written());
    }

    [Fact]
    public void Argument_locations_point_at_the_written_value_and_array_elements()
    {
        const string source = "using Gen;\n[Backbone][CifarStem(8)][Layout(\"B-B\", Depths = new[] { 1, 2 }, Channels = new[] { 8, 16 })]\npublic partial class Net { }\n";
        var spec = Parse(source, "Net");

        var where = spec.Layout!.Locations;
        Assert.Equal("2", source.Substring(where.Of("Depths[1]").Span.Start, where.Of("Depths[1]").Span.Length));
        Assert.Equal("\"B-B\"", source.Substring(where.Of("layout").Span.Start, where.Of("layout").Span.Length));
        Assert.Equal(where.Attribute, where.Of("Strides"));
    }

    [Fact]
    public void Custom_block_types_are_inspected_into_plain_flags()
    {
        var spec = Parse("""
            using Gen;
            using TorchSharp;
            using static TorchSharp.torch;
            public sealed class Good : torch.nn.Module<Tensor, Tensor>
            {
                public Good(long inChannels, long outChannels, long stride, int extra = 0) : base("g") { }
                public override Tensor forward(Tensor input) => input;
            }
            public abstract class Abstract : torch.nn.Module<Tensor, Tensor>
            {
                protected Abstract() : base("a") { }
            }
            [Backbone][CifarStem(8)]
            [Stage(typeof(Good), Depth = 1, Channels = 8)]
            [Stage(typeof(Abstract), Depth = 1, Channels = 8)]
            [Stage(typeof(int), Depth = 1, Channels = 8)]
            public partial class Net { }
            """, "Net");

        var blocks = spec.Stages.Select(s => s.Custom!).ToList();
        Assert.Equal(new CustomBlockInfo("global::Good", "Good", true, true, true, true), blocks[0]);
        Assert.Equal((true, false, false), (blocks[1].IsModule, blocks[1].HasConstructor, blocks[1].IsConstructible));
        Assert.False(blocks[2].IsModule);
    }

    [Fact]
    public void Custom_block_type_accessibility_is_judged_from_inside_the_backbone_class()
    {
        var spec = Parse("""
            using Gen;
            using TorchSharp;
            using static TorchSharp.torch;
            public class Holder
            {
                private sealed class Hidden : torch.nn.Module<Tensor, Tensor>
                {
                    public Hidden(long inChannels, long outChannels, long stride) : base("h") { }
                    public override Tensor forward(Tensor input) => input;
                }
                internal sealed class Shared : torch.nn.Module<Tensor, Tensor>
                {
                    public Shared(long inChannels, long outChannels, long stride) : base("s") { }
                    public override Tensor forward(Tensor input) => input;
                }
            }
            [Backbone][CifarStem(8)]
            [Stage(typeof(Holder.Hidden), Depth = 1, Channels = 8)]
            [Stage(typeof(Holder.Shared), Depth = 1, Channels = 8)]
            [Stage(typeof(Net.Own), Depth = 1, Channels = 8)]
            public partial class Net
            {
                private sealed class Own : torch.nn.Module<Tensor, Tensor>
                {
                    public Own(long inChannels, long outChannels, long stride) : base("o") { }
                    public override Tensor forward(Tensor input) => input;
                }
            }
            """, "Net");

        Assert.Equal(new[] { false, true, true }, spec.Stages.Select(s => s.Custom!.IsAccessible));
        Assert.Equal(("global::Holder.Hidden", true, true), (spec.Stages[0].Custom!.TypeName, spec.Stages[0].Custom!.IsModule, spec.Stages[0].Custom!.HasConstructor));
    }

    [Fact]
    public void Non_partial_nested_generic_facts_are_recorded_not_judged()
    {
        var spec = Parse("using Gen;\npublic class Outer { [Backbone] internal class Inner<T> { } }\n", "Inner");

        Assert.Equal((false, true, true), (spec.Shape.IsPartial, spec.Shape.IsNested, spec.Shape.IsGeneric));
        Assert.Equal("internal", spec.Accessibility);
        Assert.Empty(spec.Stages);
    }

    [Fact]
    public void Record_class_backbone_is_recorded_as_a_record_with_its_identifier()
    {
        const string source = "using Gen;\n[Backbone] public partial record class Rec { }\n";
        var compilation = GeneratorHarness.Compile(new[] { ("Spec.cs", source) });
        var tree = compilation.SyntaxTrees.Single();
        var node = tree.GetRoot().DescendantNodes().OfType<RecordDeclarationSyntax>().Single();
        var symbol = (INamedTypeSymbol)compilation.GetSemanticModel(tree).GetDeclaredSymbol(node)!;

        var spec = SpecParser.Parse(symbol, node, compilation, CancellationToken.None);

        Assert.True(spec.Shape.IsRecord);
        Assert.Equal("Rec", source.Substring(spec.Shape.Identifier.Span.Start, spec.Shape.Identifier.Span.Length));
    }
}
