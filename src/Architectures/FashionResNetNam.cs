namespace Gen.Architectures
{
    // The main job's backbone: the NAM family of seed 002 (CIFAR stem, Basic blocks with NAM
    // channel attention after every block) sized for Fashion-MNIST: 1 x 28 x 28 grey images, 10
    // classes, three stages at 28, 14 and 7 pixels. Small enough to train to over 92.5% test
    // accuracy within ten minutes on two CPU cores (scripts/main.sh).
    [Backbone(InChannels = 1, Classes = 10, ImageSize = 28, Attention = AttentionKind.Nam)]
    [CifarStem(16)]
    [Layout("Basic-Basic-Basic", Depths = new[] { 2, 2, 2 }, Widths = new[] { 16, 32, 64 })]
    public partial class FashionResNetNam
    {
    }
}
