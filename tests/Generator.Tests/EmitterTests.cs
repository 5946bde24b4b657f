using System;
using System.Linq;
using Gen.Generator.Emission;
using Gen.Generator.Tests.Infrastructure;
using Gen.Generator.Validation;
using Xunit;
using static Gen.Generator.Tests.Infrastructure.SpecModels;

namespace Gen.Generator.Tests;

using Gen.Generator.Model;

/// <summary>The emit stage on plans: structure, order, determinism and formatting of the text.</summary>
public class EmitterTests
{
    private static string Emit(Gen.Generator.Model.SpecModel spec) => SourceEmitter.Emit(SpecValidator.Validate(spec).Plan!);

    [Fact]
    public void Fields_are_declared_in_call_order_and_RegisterComponents_ends_the_constructor()
    {
        var source = Emit(Spec(Stem(StemKind.ResNet, 64), Stage(BlockKind.Bottleneck, 1, 64), Stage(BlockKind.Bottleneck, 1, 128)));

        var fields = source.Split('\n').Where(l => l.TrimStart().StartsWith("private readonly", StringComparison.Ordinal)).Select(l => l.Trim().Split(' ')[3].TrimEnd(';'));
        Assert.Equal(new[] { "conv1", "bn1", "relu", "maxpool", "layer1", "layer2", "avgpool", "fc" }, fields);
        var constructor = source.Substring(source.IndexOf("public Net(", StringComparison.Ordinal));
        var body = constructor.Substring(0, constructor.IndexOf("\n        }", StringComparison.Ordinal));
        Assert.EndsWith("RegisterComponents();", body.TrimEnd());
    }

    [Fact]
    public void Block_constructor_calls_follow_the_blocks_contract()
    {
        var source = Emit(Spec(Stem(StemKind.ResNet, 64), Stage(BlockKind.Bottleneck, 2, 64)));

        Assert.Contains("(\"0\", new global::Gen.Blocks.Bottleneck(64, 64, 1, expansion: 4)),", source);
        Assert.Contains("(\"1\", new global::Gen.Blocks.Bottleneck(256, 64, 1, expansion: 4)));", source);
        Assert.Contains("fc = global::TorchSharp.torch.nn.Linear(256, numClasses);", source);
    }

    [Fact]
    public void Detached_NAM_is_passed_to_the_block_and_counts_like_NAM()
    {
        var nam = SpecValidator.Validate(Spec(Backbone(attention: AttentionKind.Nam), Stem(StemKind.Cifar, 16), Stage(BlockKind.Basic, 1, 16))).Plan!;
        var detached = SpecValidator.Validate(Spec(Backbone(attention: AttentionKind.NamDetached), Stem(StemKind.Cifar, 16), Stage(BlockKind.Basic, 1, 16))).Plan!;

        Assert.Contains("new global::Gen.Blocks.BasicBlock(16, 16, 1, attention: global::Gen.AttentionKind.NamDetached)", SourceEmitter.Emit(detached));
        Assert.Equal(nam.Counts, detached.Counts);
        Assert.NotEqual(SpecValidator.Validate(Spec(Stem(StemKind.Cifar, 16), Stage(BlockKind.Basic, 1, 16))).Plan!.Counts, detached.Counts);
    }

    [Fact]
    public void Layout_block_options_give_the_same_model_as_the_same_options_on_every_stage()
    {
        const string layout = """
            using Gen;
            [Backbone(ImageSize = 64)] [ConvStem(32)]
            [Layout("C-T-T", Depths = new[] { 1, 2, 1 }, Channels = new[] { 32, 64, 128 }, Expansion = 2, Heads = 4, HeadDim = -1)]
            public partial class Net { }
            """;
        const string stages = """
            using Gen;
            [Backbone(ImageSize = 64)] [ConvStem(32)]
            [Stage(BlockKind.MBConv, Depth = 1, Channels = 32, Expansion = 2)]
            [Stage(BlockKind.Transformer, Depth = 2, Channels = 64, Heads = 4, HeadDim = -1)]
            [Stage(BlockKind.Transformer, Depth = 1, Channels = 128, Heads = 4, HeadDim = -1)]
            public partial class Net { }
            """;

        var fromLayout = Infrastructure.GeneratorHarness.Run(layout);
        var fromStages = Infrastructure.GeneratorHarness.Run(stages);

        Assert.Empty(fromLayout.Diagnostics);
        Assert.Equal(fromStages.Source("Net"), fromLayout.Source("Net"));
        Assert.Contains("heads: 4, headDim: 16", fromLayout.Source("Net"));
        Assert.Contains("downsample: true, expansion: 2", fromLayout.Source("Net"));
    }

    [Fact]
    public void Feature_extractor_has_no_head_fields_and_a_parameterless_constructor()
    {
        var source = Emit(Spec(Backbone(head: HeadKind.None), Stem(StemKind.Cifar, 16), Stage(BlockKind.Basic, 1, 16)));

        Assert.DoesNotContain(" fc", source);
        Assert.Contains("public Net()", source);
        Assert.Contains("x = layer1.call(x);\n            return x.contiguous().MoveToOuterDisposeScope();", source);
    }

    [Fact]
    public void Backbone_of_Gen_blocks_runs_channels_last_and_hands_out_NCHW_feature_maps()
    {
        var source = Emit(Spec(Stem(StemKind.Cifar, 16), Stage(BlockKind.Basic, 1, 16), Stage(BlockKind.Bottleneck, 1, 16)));

        Assert.Equal(2, Occurrences(source, "Stem(global::Gen.MemoryLayout.ChannelsLast(input));"));
        Assert.Contains("layer1Output.contiguous().MoveToOuterDisposeScope(),", source);
        Assert.Contains("layer2Output.contiguous().MoveToOuterDisposeScope(),", source);
    }

    [Fact]
    public void Backbone_with_a_user_defined_block_runs_in_the_layout_it_is_given()
    {
        var source = GeneratorHarness.Run(EdgeCaseSpecs.All["EdgeCustomBlock"]).Source("EdgeCustomBlock")!;

        Assert.DoesNotContain("MemoryLayout", source);
        Assert.DoesNotContain(".contiguous()", source);
        Assert.Equal(2, Occurrences(source, "Stem(input);"));
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, string.Empty, System.StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public void Output_is_deterministic_LF_only_and_indented_by_four_spaces()
    {
        var spec = Spec(Stem(StemKind.Conv, 64), Stage(BlockKind.MBConv, 2, 96), Stage(BlockKind.Transformer, 2, 192));

        var first = Emit(spec);
        var second = Emit(spec);

        Assert.Equal(first, second);
        Assert.DoesNotContain('\r', first);
        Assert.DoesNotContain('\t', first);
        Assert.StartsWith("// <auto-generated/>\n", first);
        Assert.Contains("\n#nullable enable\n", first);
        Assert.All(first.Split('\n'), line => Assert.Equal(0, (line.Length - line.TrimStart(' ').Length) % 4));
    }

    [Fact]
    public void Shape_table_lists_the_stem_every_stage_and_the_head_with_their_macs()
    {
        var source = Emit(Spec(Backbone(imageSize: 224), Stem(StemKind.Conv, 64), Stage(BlockKind.MBConv, 1, 96), Stage(BlockKind.Transformer, 1, 192)));

        // Stem: 112 x 112 x 64 x 9 x (3 + 64). MBConv at 56 x 56: projection, expansion, depthwise, project, plus its SE on the pooled vector.
        // Transformer at 28 x 28 tokens: projection, qkv (96 -> 768), output (256 -> 192), FFN 192 -> 384 -> 192. Head: 192 x 1000.
        Assert.Contains("<description>Output at 224x224 (C x H x W); MACs</description>", source);
        Assert.Contains("<description>64 x 112 x 112; 484,098,048</description>", source);
        Assert.Contains("<term>s1: 1 x MBConv, stride 2</term><description>96 x 56 x 56; 154,951,680</description>", source);
        Assert.Contains("<term>s2: 1 x RelativeTransformer, stride 2</term><description>192 x 28 x 28; 226,394,112</description>", source);
        Assert.Contains("<term>pool, fc</term><description>1000; 192,000</description>", source);
        Assert.Contains("public const long MacCount = 865635840;", source);
        Assert.Contains("new global::Gen.Blocks.RelativeTransformer(96, 192, 28, 28, downsample: true, heads: 8, headDim: 32)", source);
    }
}
