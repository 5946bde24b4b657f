using Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace Gen.Generator.Tests;

/// <summary>
/// The emitted ParameterCount / RunningStatCount / BufferCount against the reference models, and
/// ResNet-50's MacCount against torchvision's published figure
/// (../shared/reference/README.md; buffer totals summed from the reference state-dict files).
/// </summary>
public class ReferenceCountTests
{
    [Theory]
    [InlineData("ResNet50", 25_557_032L, 53_120L)]
    [InlineData("CoTNet50", 33_783_464L, 72_000L)]
    [InlineData("ResNet50Nam", 23_735_460L, 83_328L)]
    [InlineData("EPSANet50", 22_561_715L, 53_120L)]
    [InlineData("EPSANet101", 38_900_279L, 105_344L)]
    [InlineData("CoAtNet0", 17_789_624L, 13_312L)]
    [InlineData("CoAtNet1", 33_170_624L, 24_832L)]
    [InlineData("CoAtNet2", 55_767_564L, 34_048L)]
    [InlineData("CoAtNet3", 117_724_480L, 51_072L)]
    [InlineData("CoAtNet4", 203_960_368L, 97_152L)]
    public void Declared_backbone_has_the_reference_parameter_and_running_stat_counts(string name, long parameters, long runningStats)
    {
        var source = ArchitectureSpecs.Result.Source(name)!;

        Assert.Equal(parameters, GeneratedConstants.Read(source, "ParameterCount"));
        Assert.Equal(runningStats, GeneratedConstants.Read(source, "RunningStatCount"));
    }

    [Theory]
    [InlineData("CoTNet50", 72_101L)]
    [InlineData("ResNet50Nam", 83_397L)]
    [InlineData("EPSANet50", 53_173L)]
    [InlineData("CoAtNet0", 210_216L)]
    public void Declared_backbone_buffer_count_equals_the_reference_state_dict_buffers(string name, long buffers)
    {
        var source = ArchitectureSpecs.Result.Source(name)!;

        Assert.Equal(buffers, GeneratedConstants.Read(source, "BufferCount"));
    }

    [Fact]
    public void ResNet50_mac_count_is_torchvisions_published_4_09_G_within_one_percent()
    {
        // torchvision's ResNet50_Weights.IMAGENET1K_V2 lists 4.09 GFLOPS (multiply-accumulates) at 224x224.
        var macs = GeneratedConstants.Read(ArchitectureSpecs.Result.Source("ResNet50")!, "MacCount");

        Assert.NotNull(macs);
        Assert.InRange(macs!.Value, 4.09e9 * 0.99, 4.09e9 * 1.01);
    }

    [Fact]
    public void CoTNet50_with_key_conv_groups_4_has_seed_001s_reference_count()
    {
        const string spec = """
            using Gen;
            [Backbone(Classes = 1000, ImageSize = 224)]
            [ResNetStem(64)]
            [Stage(BlockKind.CoTBottleneck, Depth = 3, Channels = 64, KeyGroups = 4)]
            [Stage(BlockKind.CoTBottleneck, Depth = 4, Channels = 128, KeyGroups = 4)]
            [Stage(BlockKind.CoTBottleneck, Depth = 6, Channels = 256, KeyGroups = 4)]
            [Stage(BlockKind.CoTBottleneck, Depth = 3, Channels = 512, KeyGroups = 4)]
            public partial class CoTNet50Groups4 { }
            """;

        var source = GeneratorHarness.Run(spec).Source("CoTNet50Groups4")!;

        Assert.Equal(25_295_528L, GeneratedConstants.Read(source, "ParameterCount"));
        Assert.Equal(72_000L, GeneratedConstants.Read(source, "RunningStatCount"));
    }

    [Fact]
    public void Seed_posts_total_params_equal_parameters_plus_running_stats()
    {
        // The Paddle summaries' "Total params" (seed posts 000, 002, 003) count BN running stats too.
        Assert.Equal(33_855_464L, Sum("CoTNet50"));
        Assert.Equal(23_818_788L, Sum("ResNet50Nam"));
        Assert.Equal(22_614_835L, Sum("EPSANet50"));

        static long Sum(string name)
        {
            var source = ArchitectureSpecs.Result.Source(name)!;
            return GeneratedConstants.Read(source, "ParameterCount")!.Value + GeneratedConstants.Read(source, "RunningStatCount")!.Value;
        }
    }

    [Fact]
    public void Spec_with_a_user_defined_block_emits_no_counts()
    {
        var source = GeneratorHarness.Run(EdgeCaseSpecs.All["EdgeCustomBlock"]).Source("EdgeCustomBlock")!;

        Assert.Null(GeneratedConstants.Read(source, "ParameterCount"));
        Assert.Null(GeneratedConstants.Read(source, "MacCount"));
        Assert.Contains("new global::Edge.ConvRelu(16, 32, 1)", source);
    }
}
