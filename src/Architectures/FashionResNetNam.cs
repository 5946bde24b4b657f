namespace Gen.Architectures
{
    // The main job's backbone: the NAM family of seed 002 (Basic blocks with NAM channel attention
    // after every block) sized for Fashion-MNIST's 1 x 28 x 28 grey images and 10 classes: one
    // stride-2 3x3 conv-BN-GELU layer takes the image to 14 pixels (a 28-pixel stem cost 40% of a
    // training step on two CPU cores for about a quarter of a million multiply-accumulates), then one
    // block per stage at 14, 7 and 4 pixels, about 10 M multiply-accumulates an image. scripts/main.sh
    // trains it for 8 epochs (one-cycle SGD to lr 0.2, random flips); see README for what it measured.
    [Backbone(InChannels = 1, Classes = 10, ImageSize = 28, Attention = AttentionKind.Nam)]
    [ConvStem(32, Depth = 1)]
    [Layout("Basic-Basic-Basic", Depths = new[] { 1, 1, 1 }, Widths = new[] { 32, 64, 128 }, Strides = new[] { 1, 2, 2 })]
    public partial class FashionResNetNam
    {
    }
}
