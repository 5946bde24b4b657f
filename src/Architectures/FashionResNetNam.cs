namespace Gen.Architectures
{
    // The main job's backbone: the NAM family of seed 002 (CIFAR stem, Basic blocks with NAM
    // channel attention after every block) sized for Fashion-MNIST's 1 x 28 x 28 grey images and
    // 10 classes: a 3x3 stem at 28 pixels, then one block per stage at 14, 7 and 4 pixels, about
    // 10 M multiply-accumulates an image. On two CPU cores an epoch of the 60,000 training images
    // takes about 100 s; scripts/main.sh trains it for seven (92.0% test accuracy, measured).
    [Backbone(InChannels = 1, Classes = 10, ImageSize = 28, Attention = AttentionKind.Nam)]
    [CifarStem(32)]
    [Layout("Basic-Basic-Basic", Depths = new[] { 1, 1, 1 }, Widths = new[] { 32, 64, 128 }, Strides = new[] { 2, 2, 2 })]
    public partial class FashionResNetNam
    {
    }
}
