using System.Collections.Generic;
using Gen.Generator.Code;
using Gen.Generator.Model;

namespace Gen.Generator.Blocks
{
    /// <summary><c>Gen.Blocks.BasicBlock(inplanes, planes, stride, attention, dropPath)</c>.</summary>
    internal sealed class BasicBlockDefinition : BlockDefinition
    {
        /// <inheritdoc/>
        public override BlockKind Kind => BlockKind.Basic;

        /// <inheritdoc/>
        public override string DisplayName => "BasicBlock";

        /// <inheritdoc/>
        public override IReadOnlyList<string> LayoutTokens { get; } = new[] { "Basic", "BasicBlock" };

        /// <inheritdoc/>
        public override IReadOnlyList<string> Options { get; } = Join(CommonOptions, ResidualOptions);

        /// <inheritdoc/>
        public override bool IsResNetStyle => true;

        /// <inheritdoc/>
        public override long OutChannels(int channels, int expansion) => channels;

        /// <inheritdoc/>
        public override string Construct(BlockPlan block) => Arguments(block).New("global::Gen.Blocks.BasicBlock");

        /// <inheritdoc/>
        public override IReadOnlyList<string> PythonSnippets { get; } = new[] { TwinSnippets.Residual, TwinSnippets.BasicBlock };

        /// <inheritdoc/>
        public override string PythonConstruct(BlockPlan block) => Arguments(block).Call("BasicBlock");

        private static ArgumentList Arguments(BlockPlan block) => new ArgumentList()
            .Positional(block.InChannels, block.Options.Channels.Value, block.Stride)
            .Attention(block.Options.Attention.Value)
            .Named("dropPath", block.Options.DropPath.Value, unless: 0.0);

        /// <inheritdoc/>
        public override Counts? Count(BlockPlan block)
        {
            long input = block.InChannels, planes = block.Options.Channels.Value;
            var output = block.Output;
            return Counts.Conv(input, planes, 3, output) + Counts.BatchNorm(planes)
                + Counts.Conv(planes, planes, 3, output) + Counts.BatchNorm(planes)
                + AttentionAddOn.Downsample(input, planes, block.Stride, output)
                + AttentionAddOn.Count(block.Options.Attention.Value, planes);
        }
    }
}
