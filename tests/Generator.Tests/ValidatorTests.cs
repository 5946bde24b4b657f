using System.Linq;
using Gen.Generator.Validation;
using Xunit;
using static Gen.Generator.Tests.Infrastructure.SpecModels;

namespace Gen.Generator.Tests;

using Gen.Generator.Model;

/// <summary>The validate stage on hand-built models: defaults, channel flow, feature sizes, rules.</summary>
public class ValidatorTests
{
    [Fact]
    public void ResNet_style_stages_keep_stride_1_first_and_downsample_after()
    {
        var spec = Spec(Stem(StemKind.ResNet, 64), Stage(BlockKind.Bottleneck, 1, 64), Stage(BlockKind.Bottleneck, 1, 128), Stage(BlockKind.Basic, 1, 256));

        var plan = SpecValidator.Validate(spec).Plan!;

        Assert.Equal(new[] { 1, 2, 2 }, plan.Stages.Select(s => s.Blocks[0].Stride));
        Assert.Equal(new[] { 56, 28, 14 }, plan.Stages.Select(s => s.OutHeight));
    }

    [Fact]
    public void MBConv_and_transformer_stages_downsample_from_the_first_stage()
    {
        var spec = Spec(Stem(StemKind.Conv, 64), Stage(BlockKind.MBConv, 2, 96), Stage(BlockKind.Transformer, 1, 192));

        var plan = SpecValidator.Validate(spec).Plan!;

        Assert.Equal(new[] { 2, 2 }, plan.Stages.Select(s => s.Blocks[0].Stride));
        Assert.Equal(1, plan.Stages[0].Blocks[1].Stride);
        var transformer = plan.Stages[1].Blocks[0];
        Assert.Equal((56, 56, 28, 28), (transformer.Input.Height, transformer.Input.Width, transformer.Output.Height, transformer.Output.Width));
    }

    [Fact]
    public void Bottleneck_output_width_feeds_the_next_stage_and_later_blocks()
    {
        var spec = Spec(Stem(StemKind.Cifar, 32), Stage(BlockKind.Bottleneck, 2, 16), Stage(BlockKind.MBConv, 1, 128));

        var plan = SpecValidator.Validate(spec).Plan!;

        Assert.Equal(new[] { 32, 64 }, plan.Stages[0].Blocks.Select(b => b.InChannels));
        Assert.Equal(64, plan.Stages[0].OutChannels);
        Assert.Equal(64, plan.Stages[1].Blocks[0].InChannels);
    }

    [Fact]
    public void Backbone_attention_reaches_ResNet_style_stages_unless_a_stage_overrides_it()
    {
        var spec = Spec(
            Backbone(attention: AttentionKind.Nam),
            Stem(StemKind.Conv, 64),
            Stage(BlockKind.Basic, 1, 64),
            Stage(BlockKind.Basic, 1, 64, attention: AttentionKind.None),
            Stage(BlockKind.MBConv, 1, 64));

        var plan = SpecValidator.Validate(spec).Plan!;

        Assert.Equal(new[] { AttentionKind.Nam, AttentionKind.None, AttentionKind.None }, plan.Stages.Select(s => s.Blocks[0].Options.Attention.Value));
    }

    [Fact]
    public void HeadDim_minus_one_gives_each_block_its_input_width_over_heads()
    {
        var spec = Spec(Stem(StemKind.Conv, 48), Stage(BlockKind.Transformer, 2, 96, heads: 6, headDim: -1));

        var plan = SpecValidator.Validate(spec).Plan!;

        Assert.Equal(new[] { 8, 16 }, plan.Stages[0].Blocks.Select(b => b.HeadDim));
    }

    [Fact]
    public void Attention_width_independent_of_channels_is_not_flagged()
    {
        // coatnet-pytorch: 8 heads x 32 dims = 256 regardless of 1026 channels (CoAtNet-2).
        var spec = Spec(Stem(StemKind.Conv, 128), Stage(BlockKind.Transformer, 1, 1026));

        var result = SpecValidator.Validate(spec);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(32, result.Plan!.Stages[0].Blocks[0].HeadDim);
    }

    [Fact]
    public void An_error_leaves_no_plan_and_every_problem_is_reported()
    {
        var spec = Spec(Stem(StemKind.ResNet, 64), Stage(BlockKind.Basic, 0, 64), Stage(BlockKind.Basic, 1, -1));

        var result = SpecValidator.Validate(spec);

        Assert.Null(result.Plan);
        Assert.Equal(new[] { "GEN0004", "GEN0005" }, result.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void MBConv_expansion_below_2_is_rejected_as_the_unsupported_expansion_1_variant()
    {
        var one = SpecValidator.Validate(Spec(Stem(StemKind.Conv, 64), Stage(BlockKind.MBConv, 1, 64) with { Options = new StageOptions(1, 64, Expansion: 1) }));
        var two = SpecValidator.Validate(Spec(Stem(StemKind.Conv, 64), Stage(BlockKind.MBConv, 1, 64) with { Options = new StageOptions(1, 64, Expansion: 2) }));
        var bottleneck = SpecValidator.Validate(Spec(Stem(StemKind.ResNet, 64), Stage(BlockKind.Bottleneck, 1, 64) with { Options = new StageOptions(1, 64, Expansion: 1) }));

        Assert.Null(one.Plan);
        var diagnostic = Assert.Single(one.Diagnostics);
        Assert.Equal("GEN0021", diagnostic.Id);
        Assert.Contains("MBConv blocks need at least 2", diagnostic.ToDiagnostic().GetMessage());
        Assert.Empty(two.Diagnostics);
        Assert.NotNull(two.Plan);
        Assert.Empty(bottleneck.Diagnostics);
    }

    [Fact]
    public void An_option_the_block_kind_does_not_read_only_warns_even_when_out_of_range()
    {
        var spec = Spec(Stem(StemKind.ResNet, 64), Stage(BlockKind.Bottleneck, 1, 64, heads: 0, headDim: -5));

        var result = SpecValidator.Validate(spec);

        Assert.NotNull(result.Plan);
        Assert.Equal(new[] { "GEN0019", "GEN0019" }, result.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Same_model_validates_to_an_equal_result()
    {
        var first = SpecValidator.Validate(Spec(Stem(StemKind.ResNet, 64), Stage(BlockKind.CoTBottleneck, 3, 64)));
        var second = SpecValidator.Validate(Spec(Stem(StemKind.ResNet, 64), Stage(BlockKind.CoTBottleneck, 3, 64)));

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }
}
