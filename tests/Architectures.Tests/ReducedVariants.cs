// The reduced variants of tests/fixtures/models/VARIANTS.md (the PyTorch parity fixtures), declared
// with Gen's spec attributes exactly as a user would: same block kinds, stems, heads and code paths
// as the full-size backbones, at narrow widths and small inputs. The generator writes their module
// code at compile time, as it does for src/Architectures.

namespace Gen.Architectures.Tests
{
    // cotnet_tiny: CoT bottlenecks (key-conv groups 1), ResNet stem, 64x64, 10 classes.
    [Backbone(Classes = 10, ImageSize = 64)]
    [ResNetStem(64)]
    [Layout("CoT-CoT-CoT-CoT", Depths = new[] { 2, 1, 1, 1 }, Channels = new[] { 8, 16, 32, 32 })]
    public partial class CoTNetTiny
    {
    }

    // cotnet_tiny_g4: seed 001's CoT layer (key-conv groups 4); layer1 keeps 64 channels, so its
    // first block has no downsample.
    [Backbone(Classes = 10, ImageSize = 48)]
    [ResNetStem(64)]
    [Layout("CoT-CoT-CoT-CoT", Depths = new[] { 1, 1, 1, 1 }, Channels = new[] { 16, 16, 32, 32 }, KeyGroups = 4)]
    public partial class CoTNetTinyKeyGroups4
    {
    }

    // resnet_nam_bottleneck_tiny: bottlenecks with NAM after every block, CIFAR stem, 16x16.
    [Backbone(Classes = 10, ImageSize = 16, Attention = AttentionKind.Nam)]
    [CifarStem(64)]
    [Layout("B-B-B-B", Depths = new[] { 2, 1, 1, 1 }, Channels = new[] { 8, 16, 16, 32 })]
    public partial class ResNetNamBottleneckTiny
    {
    }

    // resnet_nam_basic_tiny: basic blocks with NAM after every block, CIFAR stem, 16x16.
    [Backbone(Classes = 10, ImageSize = 16, Attention = AttentionKind.Nam)]
    [CifarStem(64)]
    [Layout("Basic-Basic-Basic-Basic", Depths = new[] { 2, 1, 1, 1 }, Channels = new[] { 16, 32, 32, 64 })]
    public partial class ResNetNamBasicTiny
    {
    }

    // epsanet_tiny: EPSA bottlenecks (kernels 3/5/7/9, groups 1/4/8/16), ResNet stem, 48x48.
    [Backbone(Classes = 10, ImageSize = 48)]
    [ResNetStem(64)]
    [Stage(BlockKind.EPSABottleneck, Depth = 2, Channels = 64, Kernels = new[] { 3, 5, 7, 9 }, Groups = new[] { 1, 4, 8, 16 })]
    [Stage(BlockKind.EPSABottleneck, Depth = 1, Channels = 64)]
    [Stage(BlockKind.EPSABottleneck, Depth = 1, Channels = 64)]
    [Stage(BlockKind.EPSABottleneck, Depth = 1, Channels = 64)]
    public partial class EPSANetTiny
    {
    }

    // coatnet_tiny: conv stem (2 layers, 16 channels), MBConv in s1-s2, relative-attention
    // transformers (2 heads x 8 dims) in s3-s4, linear head without bias, 64x64.
    [Backbone(Classes = 10, ImageSize = 64, Head = HeadKind.LinearNoBias)]
    [ConvStem(16, Depth = 2)]
    [Stage(BlockKind.MBConv, Depth = 2, Channels = 24)]
    [Stage(BlockKind.MBConv, Depth = 1, Channels = 32)]
    [Stage(BlockKind.Transformer, Depth = 2, Channels = 48, Heads = 2, HeadDim = 8)]
    [Stage(BlockKind.Transformer, Depth = 1, Channels = 64, Heads = 2, HeadDim = 8)]
    public partial class CoAtNetTiny
    {
    }

    // resnet_tiny: torchvision bottlenecks, ResNet stem, 64x64 (the baseline of the family).
    [Backbone(Classes = 10, ImageSize = 64)]
    [ResNetStem(64)]
    [Layout("B-B-B-B", Depths = new[] { 2, 1, 1, 1 }, Channels = new[] { 8, 16, 16, 32 })]
    public partial class ResNetTiny
    {
    }

    // CoTNet-50 with seed 001's CoT layer (key-conv groups 4): the reference table's
    // "CoTNet-50 with key-conv groups 4" (src/Architectures does not declare it).
    [Backbone(Classes = 1000, ImageSize = 224)]
    [ResNetStem(64)]
    [Layout("CoT-CoT-CoT-CoT", Depths = new[] { 3, 4, 6, 3 }, Channels = new[] { 64, 128, 256, 512 }, KeyGroups = 4)]
    public partial class CoTNet50KeyGroups4
    {
    }
}
