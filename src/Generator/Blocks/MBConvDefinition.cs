using System.Collections.Generic;
using Gen.Generator.Code;
using Gen.Generator.Diagnostics;
using Gen.Generator.Model;

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
        public override IReadOnlyList<string> LayoutTokens { get; } = new[] { "C", "MBConv" };

        /// <inheritdoc/>
        public override IReadOnlyList<string> Options { get; } = Join(CommonOptions, new[] { nameof(StageAttribute.Expansion) });

        /// <inheritdoc/>
        public override int DefaultExpansion => StageAttribute.DefaultExpansion;

        /// <summary>coatnet-pytorch's expansion-1 MBConv (no expand conv, no SE) is another branch the runtime block does not implement.</summary>
        public override int MinimumExpansion => 2;

        /// <inheritdoc/>
        public override long OutChannels(int channels, int expansion) => channels;

        /// <summary>Width changes only when downsampling; the hidden width stays within the limit; the SE keeps a channel.</summary>
        public override void CheckFlow(StageFlow flow, Reporter reporter)
        {
            var stage = flow.Stage;
            FlowChecks.WidthPreserved(flow, reporter, DisplayName);
            var widest = System.Math.Max(flow.InChannels, flow.OutChannels);
            Limits.Check(reporter, stage.Where(nameof(StageAttribute.Expansion)), stage.Label + " hidden width (input x Expansion)", (long)widest * stage.Options.Expansion.Value, Limits.Width);
            var narrowest = System.Math.Min(flow.InChannels, flow.OutChannels);
            if (narrowest / SeDivisor < 1)
            {
                reporter.Report(DiagnosticCatalog.TooNarrow, stage.Where(nameof(StageAttribute.Channels)), stage.Label, narrowest, SeDivisor, "the MBConv squeeze-excitation");
            }
        }

        /// <inheritdoc/>
        public override string Construct(BlockPlan block) => Arguments(block).New("global::Gen.Blocks.MBConv");

        /// <inheritdoc/>
        public override IReadOnlyList<string> PythonSnippets { get; } = new[] { TwinSnippets.PreNorm, TwinSnippets.MBConv };

        /// <inheritdoc/>
        public override string PythonConstruct(BlockPlan block) => Arguments(block).Call("MBConv");

        private static ArgumentList Arguments(BlockPlan block) => new ArgumentList()
            .Positional(block.InChannels, block.Options.Channels.Value)
            .Named("downsample", block.Stride != 1)
            .Named("expansion", block.Options.Expansion.Value);

        /// <inheritdoc/>
        public override Counts? Count(BlockPlan block)
        {
            long input = block.InChannels, output = block.Options.Channels.Value, hidden = input * block.Options.Expansion.Value, squeezed = input / SeDivisor;

            // The expansion strides and the shortcut pools first, so every convolution's output is the block's; the SE's linears run on the pooled vector.
            var at = block.Output;
            var projection = block.Stride != 1 ? Counts.Conv(input, output, 1, at) : Counts.Zero;
            return projection
                + Counts.BatchNorm(input)
                + Counts.Conv(input, hidden, 1, at) + Counts.BatchNorm(hidden)
                + Counts.Conv(hidden, hidden, 3, at, groups: hidden) + Counts.BatchNorm(hidden)
                + Counts.Linear(hidden, squeezed, bias: false, FeatureSize.Vector) + Counts.Linear(squeezed, hidden, bias: false, FeatureSize.Vector)
                + Counts.Conv(hidden, output, 1, at) + Counts.BatchNorm(output);
        }
    }
}
