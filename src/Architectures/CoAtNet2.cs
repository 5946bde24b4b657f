namespace Gen.Architectures
{
    // CoAtNet-2 as in coatnet-pytorch (cited by seed 004): conv stem s0, MBConv in s1-s2,
    // relative-attention transformers in s3-s4, linear head without bias.
    // Its last stage has 1026 channels, as in coatnet-pytorch (attention width stays 8 x 32).
    [Backbone(Classes = 1000, ImageSize = 224, Head = HeadKind.LinearNoBias)]
    [ConvStem(128, Depth = 2)]
    [Layout("C-C-T-T", Depths = new[] { 2, 6, 14, 2 }, Widths = new[] { 128, 256, 512, 1026 })]
    public partial class CoAtNet2
    {
    }
}
