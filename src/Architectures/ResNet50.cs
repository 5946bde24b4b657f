namespace Gen.Architectures
{
    // torchvision's ResNet-50 (v1.5: stride on the 3x3 convolution), the baseline of the family.
    // 25,557,032 parameters at 1000 classes.
    [Backbone(Classes = 1000, ImageSize = 224)]
    [ResNetStem(64)]
    [Stage(BlockKind.Bottleneck, Depth = 3, Width = 256)]
    [Stage(BlockKind.Bottleneck, Depth = 4, Width = 512)]
    [Stage(BlockKind.Bottleneck, Depth = 6, Width = 1024)]
    [Stage(BlockKind.Bottleneck, Depth = 3, Width = 2048)]
    public partial class ResNet50
    {
    }
}
