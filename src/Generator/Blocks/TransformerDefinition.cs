using System.Collections.Generic;
using Gen.Generator.Code;
using Gen.Generator.Diagnostics;
using Gen.Generator.Model;

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
        public override IReadOnlyList<string> LayoutTokens { get; } = new[] { "T", "Transformer" };

        /// <inheritdoc/>
        public override IReadOnlyList<string> Options { get; } = Join(CommonOptions, new[] { nameof(StageAttribute.Heads), nameof(StageAttribute.HeadDim), nameof(StageAttribute.Dropout) });

        /// <summary>Its relative position table is sized for the declared feature map.</summary>
        public override bool IsPositionAware => true;

        /// <inheritdoc/>
        public override long OutChannels(int channels, int expansion) => channels;

        /// <summary>Width changes only when downsampling, and the heads fit the widths.</summary>
        public override void CheckFlow(StageFlow flow, Reporter reporter)
        {
            var stage = flow.Stage;
            FlowChecks.WidthPreserved(flow, reporter, DisplayName);
            if (stage.Options.Heads.Value == 1 && (stage.Options.HeadDim.Value == flow.InChannels || stage.Options.HeadDim.Value == StageAttribute.HeadDimFromChannels) && flow.InChannels != flow.OutChannels)
            {
                // coatnet-pytorch drops the output projection for one head as wide as the input,
                // so the attention output keeps the input width and cannot meet a wider residual.
                reporter.Report(DiagnosticCatalog.ChannelMismatch, stage.Where(nameof(StageAttribute.HeadDim)), stage.Label, "single-head Transformer (no output projection)", flow.InChannels, flow.OutChannels);
            }

            if (stage.Options.HeadDim.Value != StageAttribute.HeadDimFromChannels || stage.Options.Heads.Value < 1)
            {
                return;
            }

            foreach (var width in new[] { flow.InChannels, flow.OutChannels })
            {
                if (width % stage.Options.Heads.Value != 0)
                {
                    reporter.Report(DiagnosticCatalog.HeadsMismatch, stage.Where(nameof(StageAttribute.Heads)), stage.Label, width, stage.Options.Heads.Value);
                    return;
                }
            }
        }

        /// <inheritdoc/>
        public override string Construct(BlockPlan block) => Arguments(block).New("global::Gen.Blocks.RelativeTransformer");

        /// <inheritdoc/>
        public override IReadOnlyList<string> PythonSnippets { get; } = new[] { TwinSnippets.PreNorm, TwinSnippets.Transformer };

        /// <inheritdoc/>
        public override string PythonConstruct(BlockPlan block) => Arguments(block).Call("RelativeTransformer");

        private static ArgumentList Arguments(BlockPlan block) => new ArgumentList()
            .Positional(block.InChannels, block.Options.Channels.Value, block.Output.Height, block.Output.Width)
            .Named("downsample", block.Stride != 1)
            .Named("heads", block.Options.Heads.Value)
            .Named("headDim", block.HeadDim)
            .Named("dropout", block.Options.Dropout.Value, unless: 0.0);

        /// <inheritdoc/>
        public override Counts? Count(BlockPlan block)
        {
            long input = block.InChannels, output = block.Options.Channels.Value, inner = (long)block.Options.Heads.Value * block.HeadDim;
            long height = block.Output.Height, width = block.Output.Width, hidden = FeedForwardFactor * input;

            // Downsampling pools both paths first, so the projection and every linear (one token per position) run at the block's output size.
            var at = block.Output;
            var projection = block.Stride != 1 ? Counts.Conv(input, output, 1, at) : Counts.Zero;
            var projectsOut = !(block.Options.Heads.Value == 1 && block.HeadDim == block.InChannels);
            return projection
                + Counts.LayerNorm(input)
                + Counts.Parameter(((2 * height) - 1) * ((2 * width) - 1) * block.Options.Heads.Value)
                + Counts.Buffer(height * width * height * width)
                + Counts.Linear(input, 3 * inner, bias: false, at)
                + (projectsOut ? Counts.Linear(inner, output, bias: true, at) : Counts.Zero)
                + Counts.LayerNorm(output)
                + Counts.Linear(output, hidden, bias: true, at) + Counts.Linear(hidden, output, bias: true, at);
        }
    }
}
