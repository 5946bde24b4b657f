using Gen.Generator.Model;
using Gen.Generator.Planning;

namespace Gen.Generator.Blocks
{
    /// <summary>
    /// <c>Gen.Blocks.EPSABottleneck(inplanes, planes, stride, expansion, kernels, groups, attention, dropPath)</c> (seed 003).
    /// </summary>
    internal sealed class EPSABottleneckDefinition : BlockDefinition
    {
        /// <summary>Number of PSA branches.</summary>
        public const int Branches = 4;

        /// <summary>Reduction of the SE weight module shared by the branches.</summary>
        public const int SeReduction = 16;

        /// <summary>Default branch kernels.</summary>
        public static readonly EquatableArray<int> DefaultKernels = EquatableArray.From(StageAttribute.DefaultKernels);

        /// <summary>Default branch groups.</summary>
        public static readonly EquatableArray<int> DefaultGroups = EquatableArray.From(StageAttribute.DefaultGroups);

        /// <inheritdoc/>
        public override BlockKind Kind => BlockKind.EPSABottleneck;

        /// <inheritdoc/>
        public override string DisplayName => "EPSABottleneck";

        /// <inheritdoc/>
        public override long OutChannels(int channels, int expansion) => (long)channels * expansion;

        /// <inheritdoc/>
        public override string Construct(BlockPlan block) => new ArgumentList()
            .Positional(block.InChannels, block.Channels, block.Stride)
            .Named("expansion", block.Expansion)
            .Named("kernels", block.Kernels, unless: DefaultKernels)
            .Named("groups", block.Groups, unless: DefaultGroups)
            .Attention(block.Attention)
            .Named("dropPath", block.DropPath, unless: 0.0)
            .New("global::Gen.Blocks.EPSABottleneck");

        /// <inheritdoc/>
        public override Counts? Count(BlockPlan block)
        {
            long input = block.InChannels, planes = block.Channels, output = planes * block.Expansion;
            return Counts.Conv(input, planes, 1) + Counts.BatchNorm(planes)
                + Psa(planes, block.Kernels, block.Groups) + Counts.BatchNorm(planes)
                + Counts.Conv(planes, output, 1) + Counts.BatchNorm(output)
                + AttentionAddOn.Downsample(input, output, block.Stride)
                + AttentionAddOn.Count(block.Attention, output);
        }

        /// <summary><c>PSAModule(planes, planes, ...)</c>: four branch convs and the shared SE weight.</summary>
        private static Counts Psa(long planes, EquatableArray<int> kernels, EquatableArray<int> groups)
        {
            var split = planes / Branches;
            var total = Counts.Zero;
            for (var i = 0; i < Branches; i++)
            {
                total += Counts.Conv(planes, split, kernels[i], groups[i]);
            }

            var hidden = split / SeReduction;
            return total + Counts.Conv(split, hidden, 1, bias: true) + Counts.Conv(hidden, split, 1, bias: true);
        }
    }
}
