using Gen.Generator.Model;
using Gen.Generator.Planning;

namespace Gen.Generator.Blocks
{
    /// <summary>
    /// <c>Gen.Blocks.RelativeTransformer(inp, oup, height, width, downsample, heads, headDim, dropout)</c>
    /// (coatnet-pytorch): pre-norm relative attention and a 4x feed-forward.
    /// </summary>
    internal sealed class TransformerDefinition : BlockDefinition
    {
        /// <summary>Feed-forward hidden width is <c>4 * inp</c>.</summary>
        public const int FeedForwardFactor = 4;

        /// <inheritdoc/>
        public override BlockKind Kind => BlockKind.Transformer;

        /// <inheritdoc/>
        public override string DisplayName => "RelativeTransformer";

        /// <inheritdoc/>
        public override long OutChannels(int channels, int expansion) => channels;

        /// <inheritdoc/>
        public override string Construct(BlockPlan block) => new ArgumentList()
            .Positional(block.InChannels, block.Channels, block.OutHeight, block.OutWidth)
            .Named("downsample", block.Stride != 1)
            .Named("heads", block.Heads)
            .Named("headDim", block.HeadDim)
            .Named("dropout", block.Dropout, unless: 0.0)
            .New("global::Gen.Blocks.RelativeTransformer");

        /// <inheritdoc/>
        public override Counts? Count(BlockPlan block)
        {
            long input = block.InChannels, output = block.Channels, inner = (long)block.Heads * block.HeadDim;
            long height = block.OutHeight, width = block.OutWidth, hidden = FeedForwardFactor * input;
            var projection = block.Stride != 1 ? Counts.Conv(input, output, 1) : Counts.Zero;
            var projectsOut = !(block.Heads == 1 && block.HeadDim == block.InChannels);
            return projection
                + Counts.LayerNorm(input)
                + Counts.Parameter(((2 * height) - 1) * ((2 * width) - 1) * block.Heads)
                + Counts.Buffer(height * width * height * width)
                + Counts.Linear(input, 3 * inner, bias: false)
                + (projectsOut ? Counts.Linear(inner, output, bias: true) : Counts.Zero)
                + Counts.LayerNorm(output)
                + Counts.Linear(output, hidden, bias: true) + Counts.Linear(hidden, output, bias: true);
        }
    }
}
