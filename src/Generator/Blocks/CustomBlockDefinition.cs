using System.Collections.Generic;
using Gen.Generator.Code;
using Gen.Generator.Model;

namespace Gen.Generator.Blocks
{
    /// <summary>A user-defined block: <c>new T(inChannels, outChannels, stride)</c>; its counts are unknown at compile time.</summary>
    internal sealed class CustomBlockDefinition : BlockDefinition
    {
        /// <inheritdoc/>
        public override BlockKind Kind => BlockKind.Custom;

        /// <inheritdoc/>
        public override string DisplayName => "custom";

        /// <inheritdoc/>
        public override IReadOnlyList<string> LayoutTokens { get; } = System.Array.Empty<string>();

        /// <inheritdoc/>
        public override IReadOnlyList<string> Options { get; } = CommonOptions;

        /// <summary>Like torchvision's stages, the first custom stage keeps the stem's resolution.</summary>
        public override int DefaultStride(int number) => number == 1 ? 1 : 2;

        /// <summary>A user's block may call <c>view</c>, which needs the NCHW strides: such backbones run in NCHW.</summary>
        public override bool KeepsChannelsLast => false;

        /// <inheritdoc/>
        public override long OutChannels(int channels, int expansion) => channels;

        /// <inheritdoc/>
        public override string Construct(BlockPlan block) => Arguments(block).New(block.CustomType ?? "object");

        /// <summary>None: the user supplies the block's PyTorch class (<see cref="TwinNames.CustomBlockParameter"/>).</summary>
        public override IReadOnlyList<string> PythonSnippets { get; } = System.Array.Empty<string>();

        /// <summary>A call of the PyTorch class the user passes to the twin's constructor, with the C# block's arguments.</summary>
        public override string PythonConstruct(BlockPlan block) => Arguments(block).Call(TwinNames.CustomBlockParameter(block.CustomType ?? "object"));

        private static ArgumentList Arguments(BlockPlan block) => new ArgumentList()
            .Positional(block.InChannels, block.Options.Channels.Value, block.Stride);

        /// <inheritdoc/>
        public override Counts? Count(BlockPlan block) => null;
    }
}
