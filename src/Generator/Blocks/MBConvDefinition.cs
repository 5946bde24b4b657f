using Gen.Generator.Model;
using Gen.Generator.Planning;

namespace Gen.Generator.Blocks
{
    /// <summary><c>Gen.Blocks.MBConv(inp, oup, downsample, expansion)</c> (coatnet-pytorch).</summary>
    internal sealed class MBConvDefinition : BlockDefinition
    {
        /// <summary>The SE module's hidden width is <c>inp / 4</c>.</summary>
        public const int SeDivisor = 4;

        /// <inheritdoc/>
        public override BlockKind Kind => BlockKind.MBConv;

        /// <inheritdoc/>
        public override string DisplayName => "MBConv";

        /// <inheritdoc/>
        public override long OutChannels(int channels, int expansion) => channels;

        /// <inheritdoc/>
        public override string Construct(BlockPlan block) => new ArgumentList()
            .Positional(block.InChannels, block.Channels)
            .Named("downsample", block.Stride != 1)
            .Named("expansion", block.Expansion)
            .New("global::Gen.Blocks.MBConv");

        /// <inheritdoc/>
        public override Counts? Count(BlockPlan block)
        {
            long input = block.InChannels, output = block.Channels, hidden = input * block.Expansion, squeezed = input / SeDivisor;
            var projection = block.Stride != 1 ? Counts.Conv(input, output, 1) : Counts.Zero;
            return projection
                + Counts.BatchNorm(input)
                + Counts.Conv(input, hidden, 1) + Counts.BatchNorm(hidden)
                + Counts.Conv(hidden, hidden, 3, groups: hidden) + Counts.BatchNorm(hidden)
                + Counts.Linear(hidden, squeezed, bias: false) + Counts.Linear(squeezed, hidden, bias: false)
                + Counts.Conv(hidden, output, 1) + Counts.BatchNorm(output);
        }
    }
}
