using System.Collections.Generic;
using Gen.Generator.Code;
using Gen.Generator.Model;

namespace Gen.Generator.Blocks
{
    /// <summary>
    /// torchvision's bottleneck, shared by <c>Bottleneck</c>, <c>CoTBottleneck</c> and
    /// <c>EPSABottleneck</c>: 1x1 reduce + BN, a middle module over the bottleneck width + BN, 1x1
    /// expand + BN, the downsample and the attention add-on. <c>Channels</c> is the bottleneck width;
    /// the block outputs <c>Channels x Expansion</c>. A subclass gives its middle module.
    /// </summary>
    internal abstract class ResNetBottleneckDefinition : BlockDefinition
    {
        private IReadOnlyList<string>? _options;

        /// <inheritdoc/>
        public override IReadOnlyList<string> Options => _options ??= Join(CommonOptions, ResidualOptions, new[] { nameof(StageAttribute.Expansion) }, MiddleOptions);

        /// <inheritdoc/>
        public override bool IsResNetStyle => true;

        /// <inheritdoc/>
        public override int DefaultExpansion => StageAttribute.DefaultExpansion;

        /// <summary>The options the middle module reads.</summary>
        protected abstract string[] MiddleOptions { get; }

        /// <summary>The runtime type, <c>global::</c>-qualified.</summary>
        protected abstract string TypeName { get; }

        /// <inheritdoc/>
        public override long OutChannels(int channels, int expansion) => (long)channels * expansion;

        /// <summary>The bottleneck width: <c>Width / Expansion</c>, when it divides.</summary>
        public override int? ChannelsForWidth(int width, int expansion) => expansion >= 1 && width % expansion == 0 ? width / expansion : null;

        /// <inheritdoc/>
        public override string Construct(BlockPlan block) => Arguments(block).New(TypeName);

        /// <inheritdoc/>
        public override IReadOnlyList<string> PythonSnippets => new[] { TwinSnippets.Residual, PythonSnippet };

        /// <summary>The twin's snippet that defines <see cref="PythonClass"/>.</summary>
        protected abstract string PythonSnippet { get; }

        /// <summary>The twin's Python class of this block.</summary>
        protected abstract string PythonClass { get; }

        /// <inheritdoc/>
        public override string PythonConstruct(BlockPlan block) => Arguments(block).Call(PythonClass);

        /// <inheritdoc/>
        public override Counts? Count(BlockPlan block)
        {
            long input = block.InChannels, planes = block.Options.Channels.Value, output = planes * block.Options.Expansion.Value;

            // conv1 runs before the block strides (torchvision v1.5: the middle module strides).
            return Counts.Conv(input, planes, 1, block.Input) + Counts.BatchNorm(planes)
                + Middle(planes, block.Options, block.Output) + Counts.BatchNorm(planes)
                + Counts.Conv(planes, output, 1, block.Output) + Counts.BatchNorm(output)
                + AttentionAddOn.Downsample(input, output, block.Stride, block.Output)
                + AttentionAddOn.Count(block.Options.Attention.Value, output);
        }

        private ArgumentList Arguments(BlockPlan block)
        {
            var options = block.Options;
            var arguments = new ArgumentList()
                .Positional(block.InChannels, options.Channels.Value, block.Stride)
                .Named("expansion", options.Expansion.Value);
            return MiddleArguments(arguments, options)
                .Attention(options.Attention.Value)
                .Named("dropPath", options.DropPath.Value, unless: 0.0);
        }

        /// <summary>Adds the middle module's constructor arguments (none unless it has options).</summary>
        protected virtual ArgumentList MiddleArguments(ArgumentList arguments, StageOptions options) => arguments;

        /// <summary>What the middle module over <paramref name="planes"/> channels holds and computes; its output is <paramref name="at"/>.</summary>
        protected abstract Counts Middle(long planes, StageOptions options, FeatureSize at);
    }
}
