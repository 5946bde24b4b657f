namespace Gen.Architectures
{
    // CoTNet-101 (seed 000's blocks at ResNet-101 depths).
    [Backbone(Classes = 1000, ImageSize = 224)]
    [ResNetStem(64)]
    [Layout("CoT-CoT-CoT-CoT", Depths = new[] { 3, 4, 23, 3 }, Channels = new[] { 64, 128, 256, 512 })]
    public partial class CoTNet101
    {
    }
}
