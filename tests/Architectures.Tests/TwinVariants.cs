// Small specs for the PyTorch twin's numeric check (TwinParityTests) that reach the options and
// block kinds the reduced variants of ReducedVariants.cs do not: the SE and detached-NAM add-ons,
// stochastic depth, transformer dropout and HeadDim = -1, expansions, CoT kernel sizes, EPSA
// branch kernels and groups, layout strides, a non-square input and a model without a head.

namespace Gen.Architectures.Tests
{
    // SE add-on on basic blocks, detached NAM on bottlenecks (expansion 2), drop path on both.
    [Backbone(Classes = 5, ImageSize = 16)]
    [CifarStem(16)]
    [Stage(BlockKind.Basic, Depth = 2, Channels = 32, Attention = AttentionKind.SE, DropPath = 0.2)]
    [Stage(BlockKind.Bottleneck, Depth = 2, Channels = 16, Expansion = 2, Attention = AttentionKind.NamDetached, DropPath = 0.1)]
    public partial class TwinAddOns
    {
    }

    // CoT with a 5x5 key (groups 2) and EPSA with its own branch kernels and groups, SE on EPSA.
    [Backbone(Classes = 4, ImageSize = 32, Head = HeadKind.LinearNoBias)]
    [ResNetStem(32)]
    [Stage(BlockKind.CoTBottleneck, Depth = 1, Channels = 16, KernelSize = 5, KeyGroups = 2)]
    [Stage(BlockKind.EPSABottleneck, Depth = 2, Channels = 64, Kernels = new[] { 3, 3, 5, 5 }, Groups = new[] { 1, 2, 4, 8 }, Attention = AttentionKind.SE)]
    public partial class TwinCoTEpsaOptions
    {
    }

    // MBConv expansion 2 at stride 1, transformers with HeadDim = -1 and dropout, non-square input.
    [Backbone(ImageHeight = 32, ImageWidth = 48, Classes = 3, Head = HeadKind.LinearNoBias)]
    [ConvStem(16, Depth = 1)]
    [Stage(BlockKind.MBConv, Depth = 1, Channels = 16, Stride = 1, Expansion = 2)]
    [Stage(BlockKind.Transformer, Depth = 2, Channels = 32, Heads = 4, HeadDim = -1, Dropout = 0.1)]
    [Stage(BlockKind.Transformer, Depth = 1, Channels = 32, Stride = 1, Heads = 1, HeadDim = 32)]
    public partial class TwinTransformerOptions
    {
    }

    // A feature extractor (no head) with layout strides and every ResNet-style block kind.
    [Backbone(ImageSize = 32, Head = HeadKind.None)]
    [CifarStem(16)]
    [Layout("B-CoT-EPSA-Basic", Depths = new[] { 1, 1, 1, 1 }, Channels = new[] { 16, 32, 64, 128 }, Strides = new[] { 1, 2, 1, 2 })]
    public partial class TwinFeatureExtractor
    {
    }
}
