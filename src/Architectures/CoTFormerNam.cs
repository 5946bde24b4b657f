namespace Gen.Architectures
{
    // A backbone none of the seeds has: contextual-transformer bottlenecks in the two
    // high-resolution stages (grouped keys in stage 2, as in seed 001), CoAtNet's relative-attention
    // transformers in the two low-resolution stages, and NAM channel attention after every
    // convolutional block (set per stage: transformers take no add-on, GEN0036). Mixing four papers
    // is eight lines.
    [Backbone(Classes = 1000, ImageSize = 224)]
    [ResNetStem(64)]
    [Stage(BlockKind.CoTBottleneck, Depth = 3, Width = 256, Attention = AttentionKind.Nam)]
    [Stage(BlockKind.CoTBottleneck, Depth = 4, Width = 512, KeyGroups = 4, Attention = AttentionKind.Nam)]
    [Stage(BlockKind.Transformer, Depth = 4, Width = 512)]
    [Stage(BlockKind.Transformer, Depth = 2, Width = 1024)]
    public partial class CoTFormerNam
    {
    }
}
