namespace Gen.Architectures
{
    // EPSANet-101 (seed 003's blocks at ResNet-101 depths).
    [Backbone(Classes = 1000, ImageSize = 224)]
    [ResNetStem(64)]
    [Layout("EPSA-EPSA-EPSA-EPSA", Depths = new[] { 3, 4, 23, 3 }, Widths = new[] { 256, 512, 1024, 2048 })]
    public partial class EPSANet101
    {
    }
}
