namespace Gen.Architectures
{
    // CoTNet-50 (seed 000): a ResNet-50 whose 3x3 convolutions are contextual-transformer layers
    // (key convolution groups 1).
    [Backbone(Classes = 1000, ImageSize = 224)]
    [ResNetStem(64)]
    [Layout("CoT-CoT-CoT-CoT", Depths = new[] { 3, 4, 6, 3 }, Widths = new[] { 256, 512, 1024, 2048 })]
    public partial class CoTNet50
    {
    }
}
