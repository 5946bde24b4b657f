using System;
using System.Collections.Generic;
using System.Linq;
using Gen.Blocks;
using TorchSharp;
using static TorchSharp.torch;

namespace Gen.Architectures.Tests.Infrastructure
{
    /// <summary>A reduced variant of VARIANTS.md: its fixture name and its generated class.</summary>
    internal sealed record Variant(string Name, Func<nn.Module<Tensor, Tensor>> Create, Func<nn.Module<Tensor, Tensor>, Tensor, Tensor[]> Features)
    {
        public override string ToString() => Name;
    }

    /// <summary>A single block of the fixtures, built alone with the block contract's constructor.</summary>
    internal sealed record BlockCase(string Name, Func<nn.Module<Tensor, Tensor>> Create)
    {
        public override string ToString() => Name;
    }

    internal static class Variants
    {
        public static readonly IReadOnlyList<Variant> All = new[]
        {
            new Variant("cotnet_tiny", () => new CoTNetTiny(), (m, x) => ((CoTNetTiny)m).ForwardFeatures(x)),
            new Variant("cotnet_tiny_g4", () => new CoTNetTinyKeyGroups4(), (m, x) => ((CoTNetTinyKeyGroups4)m).ForwardFeatures(x)),
            new Variant("resnet_nam_bottleneck_tiny", () => new ResNetNamBottleneckTiny(), (m, x) => ((ResNetNamBottleneckTiny)m).ForwardFeatures(x)),
            new Variant("resnet_nam_basic_tiny", () => new ResNetNamBasicTiny(), (m, x) => ((ResNetNamBasicTiny)m).ForwardFeatures(x)),
            new Variant("epsanet_tiny", () => new EPSANetTiny(), (m, x) => ((EPSANetTiny)m).ForwardFeatures(x)),
            new Variant("coatnet_tiny", () => new CoAtNetTiny(), (m, x) => ((CoAtNetTiny)m).ForwardFeatures(x)),
            new Variant("resnet_tiny", () => new ResNetTiny(), (m, x) => ((ResNetTiny)m).ForwardFeatures(x)),
        };

        public static readonly IReadOnlyList<BlockCase> Blocks = new[]
        {
            new BlockCase("block_cot_layer", () => new CoTLayer(16, 3, 1)),
            new BlockCase("block_cot_layer_g4", () => new CoTLayer(16, 3, 4)),
            new BlockCase("block_cot_bottleneck_s2", () => new CoTBottleneck(32, 8, 2)),
            new BlockCase("block_nam", () => new NamAttention(16)),
            new BlockCase("block_bottleneck_nam", () => new Bottleneck(32, 8, 1, attention: AttentionKind.Nam)),
            new BlockCase("block_basic_nam_s2", () => new BasicBlock(16, 32, 2, attention: AttentionKind.Nam)),
            new BlockCase("block_psa_s2", () => new PSAModule(64, 64, 2, new long[] { 3, 5, 7, 9 }, new long[] { 1, 4, 8, 16 })),
            new BlockCase("block_mbconv_down", () => new MBConv(16, 24, downsample: true)),
            new BlockCase("block_mbconv", () => new MBConv(24, 24)),
            new BlockCase("block_transformer_down", () => new RelativeTransformer(16, 32, 4, 4, downsample: true, heads: 2, headDim: 8)),
            new BlockCase("block_transformer", () => new RelativeTransformer(32, 32, 4, 3, heads: 2, headDim: 8)),
        };

        public static Variant Get(string name) => All.Single(v => v.Name == name);

        public static BlockCase GetBlock(string name) => Blocks.Single(b => b.Name == name);
    }
}
