namespace Gen.Architectures
{
    // CoTNet-101 (seed 000's blocks at ResNet-101 depths).
    [Backbone(Classes = 1000, ImageSize = 224)]
    [ResNetStem(64)]
    [Layout("CoT-CoT-CoT-CoT", Depths = new[] { 3, 4, 23, 3 }, Widths = new[] { 256, 512, 1024, 2048 })]
    public partial class CoTNet101
    {
    }
}
