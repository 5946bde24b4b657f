namespace Gen.Architectures
{
    // EPSANet-50 (seed 003): the 3x3 convolutions become pyramid split attention with branch kernels
    // 3/5/7/9 and groups 1/4/8/16 (the defaults; written out here for the reader).
    [Backbone(Classes = 1000, ImageSize = 224)]
    [ResNetStem(64)]
    [Stage(BlockKind.EPSABottleneck, Depth = 3, Width = 256, Kernels = new[] { 3, 5, 7, 9 }, Groups = new[] { 1, 4, 8, 16 })]
    [Stage(BlockKind.EPSABottleneck, Depth = 4, Width = 512)]
    [Stage(BlockKind.EPSABottleneck, Depth = 6, Width = 1024)]
    [Stage(BlockKind.EPSABottleneck, Depth = 3, Width = 2048)]
    public partial class EPSANet50
    {
    }
}
