namespace Gen.Architectures
{
    // ResNet-50 with NAM channel attention after every block (seed 002), for CIFAR-100: 3x3/1 stem
    // without max-pool, 32x32 input, 100 classes.
    [Backbone(Classes = 100, ImageSize = 32, Attention = AttentionKind.Nam)]
    [CifarStem(64)]
    [Layout("B-B-B-B", Depths = new[] { 3, 4, 6, 3 }, Widths = new[] { 256, 512, 1024, 2048 })]
    public partial class ResNet50Nam
    {
    }
}
