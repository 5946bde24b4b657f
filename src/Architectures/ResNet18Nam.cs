namespace Gen.Architectures
{
    // ResNet-18 with NAM channel attention after every block (seed 002), for CIFAR-100: 3x3/1 stem
    // without max-pool, 32x32 input, 100 classes.
    [Backbone(Classes = 100, ImageSize = 32, Attention = AttentionKind.Nam)]
    [CifarStem(64)]
    [Layout("Basic-Basic-Basic-Basic", Depths = new[] { 2, 2, 2, 2 }, Widths = new[] { 64, 128, 256, 512 })]
    public partial class ResNet18Nam
    {
    }
}
