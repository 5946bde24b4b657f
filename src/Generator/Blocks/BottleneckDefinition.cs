using System.Collections.Generic;
using Gen.Generator.Model;
using Gen.Generator.Planning;

namespace Gen.Generator.Blocks
{
    /// <summary><c>Gen.Blocks.Bottleneck(inplanes, planes, stride, expansion, attention, dropPath)</c> (torchvision v1.5).</summary>
    internal sealed class BottleneckDefinition : BlockDefinition
    {
        /// <inheritdoc/>
        public override BlockKind Kind => BlockKind.Bottleneck;

        /// <inheritdoc/>
        public override string DisplayName => "Bottleneck";

        /// <inheritdoc/>
        public override IReadOnlyList<string> LayoutTokens { get; } = new[] { "B", "Bottleneck" };

        /// <inheritdoc/>
        public override IReadOnlyList<string> Options { get; } = Join(CommonOptions, ResidualOptions, new[] { nameof(StageAttribute.Expansion) });

        /// <inheritdoc/>
        public override bool IsResNetStyle => true;

        /// <inheritdoc/>
        public override int DefaultExpansion => StageAttribute.DefaultExpansion;

        /// <inheritdoc/>
        public override long OutChannels(int channels, int expansion) => (long)channels * expansion;

        /// <inheritdoc/>
        public override string Construct(BlockPlan block) => new ArgumentList()
            .Positional(block.InChannels, block.Options.Channels.Value, block.Stride)
            .Named("expansion", block.Options.Expansion.Value)
            .Attention(block.Options.Attention.Value)
            .Named("dropPath", block.Options.DropPath.Value, unless: 0.0)
            .New("global::Gen.Blocks.Bottleneck");

        /// <inheritdoc/>
        public override Counts? Count(BlockPlan block)
        {
            long input = block.InChannels, planes = block.Options.Channels.Value, output = planes * block.Options.Expansion.Value;
            return Counts.Conv(input, planes, 1) + Counts.BatchNorm(planes)
                + Counts.Conv(planes, planes, 3) + Counts.BatchNorm(planes)
                + Counts.Conv(planes, output, 1) + Counts.BatchNorm(output)
                + AttentionAddOn.Downsample(input, output, block.Stride)
                + AttentionAddOn.Count(block.Options.Attention.Value, output);
        }
    }
}
