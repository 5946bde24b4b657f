namespace Gen.Architectures
{
    // CoAtNet-3 as in coatnet-pytorch (cited by seed 004): conv stem s0, MBConv in s1-s2,
    // relative-attention transformers in s3-s4, linear head without bias.
    [Backbone(Classes = 1000, ImageSize = 224, Head = HeadKind.LinearNoBias)]
    [ConvStem(192, Depth = 2)]
    [Layout("C-C-T-T", Depths = new[] { 2, 6, 14, 2 }, Widths = new[] { 192, 384, 768, 1536 })]
    public partial class CoAtNet3
    {
    }
}
