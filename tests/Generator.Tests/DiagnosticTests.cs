using System;
using System.Collections.Generic;
using System.Linq;
using Gen.Generator.Diagnostics;
using Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Gen.Generator.Tests;

/// <summary>Every catalog diagnostic, reported with its ID and severity at the offending argument.</summary>
public class DiagnosticTests
{
    private const string Head = "using Gen;\nusing TorchSharp;\nusing static TorchSharp.torch;\n";

    /// <summary>ID -> a spec whose [| |] span is where that diagnostic must point.</summary>
    public static readonly IReadOnlyList<(string Id, string Name, string Markup)> Cases = new List<(string, string, string)>
    {
        ("GEN0001", "class not partial", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = 1, Channels = 64)]
            public class [|NotPartial|] { }
            """),
        ("GEN0002", "nested class", """
            public partial class Outer
            {
                [Backbone] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = 1, Channels = 64)]
                public partial class [|Inner|] { }
            }
            """),
        ("GEN0002", "generic class", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = 1, Channels = 64)]
            public partial class [|Generic|]<T> { }
            """),
        ("GEN0002", "record class", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = 1, Channels = 64)]
            public partial record class [|Rec|] { }
            """),
        ("GEN0003", "no stages", """
            [[|Backbone(Classes = 10)|]] [ResNetStem(64)]
            public partial class Empty { }
            """),
        ("GEN0004", "depth zero", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = [|0|], Channels = 64)]
            public partial class Shallow { }
            """),
        ("GEN0004", "layout depth zero", """
            [Backbone] [ResNetStem(64)] [Layout("B-B", Depths = new[] { 1, [|0|] }, Channels = new[] { 64, 128 })]
            public partial class ShallowLayout { }
            """),
        ("GEN0005", "negative channels", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = 1, Channels = [|-8|])]
            public partial class Negative { }
            """),
        ("GEN0005", "stem channels zero", """
            [Backbone] [ResNetStem([|0|])] [Stage(BlockKind.Basic, Depth = 1, Channels = 8)]
            public partial class ZeroStem { }
            """),
        ("GEN0006", "CoT key groups", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.CoTBottleneck, Depth = 1, Channels = 64, KeyGroups = [|3|])]
            public partial class OddKeyGroups { }
            """),
        ("GEN0006", "PSA branch groups", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.EPSABottleneck, Depth = 1, Channels = 64, Groups = new[] { 1, 4, 8, [|5|] })]
            public partial class OddPsaGroups { }
            """),
        ("GEN0007", "heads do not split channels", """
            [Backbone(ImageSize = 64)] [ConvStem(64)] [Stage(BlockKind.Transformer, Depth = 1, Channels = 64, Heads = [|5|], HeadDim = -1)]
            public partial class OddHeads { }
            """),
        ("GEN0008", "unknown layout token", """
            [Backbone] [ConvStem(64)] [Layout([|"C-X-T"|], Depths = new[] { 1, 1, 1 }, Channels = new[] { 64, 64, 64 })]
            public partial class UnknownToken { }
            """),
        ("GEN0009", "layout arrays differ", """
            [Backbone] [ConvStem(64)] [Layout("C-T", Depths = [|new[] { 1 }|], Channels = new[] { 64, 128 })]
            public partial class ShortDepths { }
            """),
        ("GEN0010", "image not divisible", """
            [Backbone(ImageSize = [|100|])] [ConvStem(32)] [Layout("C-T", Depths = new[] { 1, 1 }, Channels = new[] { 64, 128 })]
            public partial class OddImage { }
            """),
        ("GEN0011", "custom block not a module", """
            [Backbone] [ResNetStem(64)] [Stage([|typeof(string)|], Depth = 1, Channels = 64)]
            public partial class StringBlock { }
            """),
        ("GEN0011", "custom block not accessible", """
            public class Holder
            {
                private sealed class Hidden : torch.nn.Module<Tensor, Tensor>
                {
                    public Hidden(long inChannels, long outChannels, long stride) : base(nameof(Hidden)) { }
                    public override Tensor forward(Tensor input) => input;
                }
            }
            [Backbone] [ResNetStem(64)] [Stage([|typeof(Holder.Hidden)|], Depth = 1, Channels = 64)]
            public partial class HiddenBlock { }
            """),
        ("GEN0012", "custom block without the constructor", """
            public sealed class WrongCtor : torch.nn.Module<Tensor, Tensor>
            {
                public WrongCtor(int channels) : base(nameof(WrongCtor)) { }
                public override Tensor forward(Tensor input) => input;
            }
            [Backbone] [ResNetStem(64)] [Stage([|typeof(WrongCtor)|], Depth = 1, Channels = 64)]
            public partial class WrongCtorNet { }
            """),
        ("GEN0013", "layout and stages", """
            [Backbone] [ResNetStem(64)]
            [[|Layout("B", Depths = new[] { 1 }, Channels = new[] { 64 })|]]
            [Stage(BlockKind.Basic, Depth = 1, Channels = 64)]
            public partial class Both { }
            """),
        ("GEN0015", "no stem", """
            [[|Backbone|]] [Stage(BlockKind.Basic, Depth = 1, Channels = 64)]
            public partial class NoStem { }
            """),
        ("GEN0015", "two stems", """
            [Backbone] [ResNetStem(64)] [[|CifarStem(64)|]] [Stage(BlockKind.Basic, Depth = 1, Channels = 64)]
            public partial class TwoStems { }
            """),
        ("GEN0016", "stride three", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = 1, Channels = 64, Stride = [|3|])]
            public partial class Stride3 { }
            """),
        ("GEN0002", "static class", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = 1, Channels = 64)]
            public static partial class [|Static|] { }
            """),
        ("GEN0002", "file-local class", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = 1, Channels = 64)]
            file partial class [|Local|] { }
            """),
        ("GEN0020", "block kind outside the enum", """
            [Backbone] [ResNetStem(64)] [Stage([|(BlockKind)42|], Depth = 1, Channels = 64)]
            public partial class StrayKind { }
            """),
        ("GEN0020", "head kind outside the enum", """
            [Backbone(Head = [|(HeadKind)7|])] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = 1, Channels = 64)]
            public partial class StrayHead { }
            """),
        ("GEN0021", "MBConv expansion 1", """
            [Backbone] [ConvStem(64)] [Stage(BlockKind.MBConv, Depth = 1, Channels = 64, Expansion = [|1|])]
            public partial class MBConvExpansion1 { }
            """),
        ("GEN0021", "bottleneck expansion 0", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Bottleneck, Depth = 1, Channels = 64, Expansion = [|0|])]
            public partial class BottleneckExpansion0 { }
            """),
        ("GEN0022", "even CoT kernel", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.CoTBottleneck, Depth = 1, Channels = 64, KernelSize = [|4|])]
            public partial class EvenKernel { }
            """),
        ("GEN0022", "even PSA branch kernel", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.EPSABottleneck, Depth = 1, Channels = 64, Kernels = new[] { 3, 5, 7, [|8|] })]
            public partial class EvenBranchKernel { }
            """),
        ("GEN0023", "CoT key groups zero", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.CoTBottleneck, Depth = 1, Channels = 64, KeyGroups = [|0|])]
            public partial class NoKeyGroups { }
            """),
        ("GEN0024", "no heads", """
            [Backbone(ImageSize = 64)] [ConvStem(64)] [Stage(BlockKind.Transformer, Depth = 1, Channels = 64, Heads = [|0|])]
            public partial class NoHeads { }
            """),
        ("GEN0025", "head dim minus two", """
            [Backbone(ImageSize = 64)] [ConvStem(64)] [Stage(BlockKind.Transformer, Depth = 1, Channels = 64, HeadDim = [|-2|])]
            public partial class BadHeadDim { }
            """),
        ("GEN0026", "drop path 1.5", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = 1, Channels = 64, DropPath = [|1.5|])]
            public partial class BigDropPath { }
            """),
        ("GEN0027", "three PSA kernels", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.EPSABottleneck, Depth = 1, Channels = 64, Kernels = [|new[] { 3, 5, 7 }|])]
            public partial class ThreeBranches { }
            """),
        ("GEN0028", "no classes", """
            [Backbone(Classes = [|0|])] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = 1, Channels = 64)]
            public partial class NoClasses { }
            """),
        ("GEN0029", "image size zero", """
            [Backbone(ImageSize = [|0|])] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = 1, Channels = 64)]
            public partial class NoImage { }
            """),
        ("GEN0030", "conv stem depth zero", """
            [Backbone] [ConvStem(64, Depth = [|0|])] [Stage(BlockKind.MBConv, Depth = 1, Channels = 64)]
            public partial class NoStemLayers { }
            """),
        ("GEN0031", "bottleneck channels 1 << 30", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Bottleneck, Depth = 1, Channels = [|1 << 30|])]
            public partial class HugeWidth { }
            """),
        ("GEN0031", "expansion int.MaxValue", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Bottleneck, Depth = 1, Channels = 64, Expansion = [|int.MaxValue|])]
            public partial class HugeExpansion { }
            """),
        ("GEN0031", "channels int.MaxValue", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = 1, Channels = [|int.MaxValue|])]
            public partial class MaxWidth { }
            """),
        ("GEN0031", "output width over the limit", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Bottleneck, Depth = 1, Channels = [|32768|], Expansion = 4)]
            public partial class WideOutput { }
            """),
        ("GEN0031", "depth int.MaxValue", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = [|int.MaxValue|], Channels = 64)]
            public partial class Deep { }
            """),
        ("GEN0032", "five thousand blocks", """
            [[|Backbone|]] [ResNetStem(64)] [Layout("B-B-B-B-B", Depths = new[] { 1000, 1000, 1000, 1000, 1000 }, Channels = new[] { 8, 8, 8, 8, 8 })]
            public partial class ManyBlocks { }
            """),
        ("GEN0032", "counts overflow 64 bits", """
            [[|Backbone|]] [ResNetStem(64)] [Stage(BlockKind.CoTBottleneck, Depth = 1, Channels = 64, KernelSize = int.MaxValue)]
            public partial class HugeKernel { }
            """),
        ("GEN0032", "multiply-accumulates overflow 64 bits", """
            [[|Backbone(ImageSize = 65536)|]] [CifarStem(8192)] [Stage(BlockKind.Basic, Depth = 2, Channels = 8192)]
            public partial class HugeImage { }
            """),
        ("GEN0032", "parameters over the limit", """
            [[|Backbone|]] [CifarStem(65536)] [Stage(BlockKind.Basic, Depth = 1, Channels = 65536)]
            public partial class HugeModel { }
            """),
        ("GEN0033", "user ParameterCount", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = 1, Channels = 64)]
            public partial class OwnCount { public const long [|ParameterCount|] = 1; }
            """),
        ("GEN0033", "user field fc", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = 1, Channels = 64)]
            public partial class OwnFc { private readonly int [|fc|]; }
            """),
        ("GEN0034", "user constructor", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = 1, Channels = 64)]
            public partial class OwnCtor { public [|OwnCtor|](int x) : base("x") { } }
            """),
        ("GEN0035", "stage without a backbone", """
            [[|Stage(BlockKind.Basic, Depth = 1, Channels = 64)|]]
            public partial class NoBackbone { }
            """),
        ("GEN0035", "stem without a backbone", """
            [[|ConvStem(64)|]]
            public partial class StemOnly { }
            """),
        ("GEN0036", "backbone NAM on MBConv", """
            [Backbone(ImageSize = 64, Attention = [|AttentionKind.Nam|])] [ConvStem(64)] [Stage(BlockKind.MBConv, Depth = 1, Channels = 64)]
            public partial class NamOnMBConv { }
            """),
        ("GEN0037", "classes without a head", """
            [Backbone(Classes = [|10|], Head = HeadKind.None)] [CifarStem(8)] [Stage(BlockKind.Basic, Depth = 1, Channels = 8)]
            public partial class HeadlessClasses { }
            """),
        ("GEN0017", "MBConv widening at stride 1", """
            [Backbone] [ConvStem(64)] [Stage(BlockKind.MBConv, Depth = 1, Channels = [|128|], Stride = 1)]
            public partial class Widening { }
            """),
        ("GEN0018", "SE add-on on 8 channels", """
            [Backbone(Attention = AttentionKind.SE)] [CifarStem(8)] [Stage(BlockKind.Basic, Depth = 1, Channels = [|8|])]
            public partial class NarrowSe { }
            """),
        ("GEN0019", "layout heads read by no stage", """
            [Backbone] [ResNetStem(64)] [Layout("B-B", Depths = new[] { 1, 1 }, Channels = new[] { 64, 128 }, Heads = [|4|])]
            public partial class LayoutHeads { }
            """),
        ("GEN0006", "layout key groups", """
            [Backbone] [ResNetStem(64)] [Layout("CoT-B", Depths = new[] { 1, 1 }, Channels = new[] { 64, 128 }, KeyGroups = [|3|])]
            public partial class LayoutKeyGroups { }
            """),
        ("GEN0038", "channels and width on a stage", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Bottleneck, Depth = 1, Channels = 64, Width = [|256|])]
            public partial class BothWidths { }
            """),
        ("GEN0038", "channels and widths on a layout", """
            [Backbone] [ResNetStem(64)] [Layout("B", Depths = new[] { 1 }, Channels = new[] { 64 }, Widths = [|new[] { 256 }|])]
            public partial class BothLayoutWidths { }
            """),
        ("GEN0039", "bottleneck width not divisible by expansion", """
            [Backbone] [ResNetStem(64)] [Layout("B-B", Depths = new[] { 1, 1 }, Widths = new[] { 256, [|510|] })]
            public partial class OddWidth { }
            """),
        ("GEN0031", "width int.MaxValue", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = 1, Width = [|int.MaxValue|])]
            public partial class MaxOutputWidth { }
            """),
        ("GEN0019", "heads on a bottleneck", """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Bottleneck, Depth = 1, Channels = 64, Heads = [|4|])]
            public partial class IgnoredHeads { }
            """),
    };

    public static TheoryData<string, string> Data()
    {
        var data = new TheoryData<string, string>();
        foreach (var (id, name, _) in Cases)
        {
            data.Add(id, name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Data))]
    public void Diagnostic_is_reported_with_its_id_and_severity_at_the_offending_argument(string id, string name)
    {
        var markup = Cases.Single(c => c.Id == id && c.Name == name).Markup;
        var (text, span) = Markup.Parse(Head + markup);

        var result = GeneratorHarness.Run(text);

        Assert.Null(result.Exception);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == id);
        Assert.Equal(DiagnosticCatalog.Find(id).DefaultSeverity, diagnostic.Severity);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal("Spec.cs", diagnostic.Location.GetLineSpan().Path);
        if (diagnostic.Severity == DiagnosticSeverity.Error || id == DiagnosticCatalog.OrphanSpecAttribute.Id)
        {
            Assert.Empty(result.Run.GeneratedSources);
        }
        else
        {
            Assert.Single(result.BackboneSources);
            Assert.NotNull(result.CatalogSource);
        }
    }

    [Fact]
    public void A_non_constant_argument_gets_the_compilers_error_and_no_GEN_diagnostic()
    {
        const string spec = """
            using Gen;
            public static class Sizes { public static int Depth = 2; }
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = Sizes.Depth, Channels = 64)]
            public partial class NotConstant { }
            """;

        var result = GeneratorHarness.Run(spec);

        Assert.Contains(result.Input.GetDiagnostics(), d => d.Id == "CS0182");
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Run.GeneratedSources);
    }

    [Fact]
    public void Every_catalog_diagnostic_has_a_test_case()
    {
        var tested = Cases.Select(c => c.Id).Append(DiagnosticCatalog.InternalError.Id).ToHashSet();

        var untested = DiagnosticCatalog.All.Select(d => d.Id).Where(id => !tested.Contains(id)).ToList();

        Assert.Empty(untested);
    }

    [Fact]
    public void Catalog_ids_are_sequential_and_every_descriptor_has_title_message_and_help()
    {
        var ids = DiagnosticCatalog.All.Select(d => d.Id).ToList();

        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => $"GEN{i:0000}"), ids);
        Assert.All(DiagnosticCatalog.All, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(d.MessageFormat.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(d.Description.ToString()));
        });
    }

    [Theory]
    [InlineData("Gen.Parse", true)]
    [InlineData("Gen.Validate", true)]
    [InlineData("Gen.Emit", false)]
    public void Exception_inside_a_step_becomes_GEN0014_instead_of_a_crash(string failingStep, bool locatedAtClass)
    {
        const string markup = """
            [Backbone] [ResNetStem(64)] [Stage(BlockKind.Basic, Depth = 1, Channels = 64)]
            public partial class [|Faulty|] { }
            """;
        var (text, span) = Markup.Parse(Head + markup);
        var generator = new BackboneGenerator(step =>
        {
            if (step == failingStep)
            {
                throw new InvalidOperationException("injected fault");
            }
        });

        var result = GeneratorHarness.Run(text, generator);

        Assert.Null(result.Exception);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("GEN0014", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("injected fault", diagnostic.GetMessage());
        Assert.Equal(locatedAtClass ? span : default, diagnostic.Location.SourceSpan);
        Assert.Empty(result.Run.GeneratedSources);
    }
}
