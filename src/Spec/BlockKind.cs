namespace Gen
{
    /// <summary>The building block repeated in a stage.</summary>
    /// <example>
    /// <code>
    /// [Stage(BlockKind.CoTBottleneck, Depth = 3, Width = 256)]
    /// </code>
    /// </example>
    public enum BlockKind
    {
        /// <summary>
        /// torchvision's basic block: two 3x3 convolutions. <c>Channels</c> is the output width.
        /// Layout tokens <c>Basic</c> and <c>BasicBlock</c>.
        /// </summary>
        Basic = 0,

        /// <summary>
        /// torchvision's bottleneck (v1.5, stride on the 3x3 convolution). <c>Width</c> is the output
        /// width; <c>Channels</c>, if given instead, the bottleneck width (output <c>Channels * Expansion</c>).
        /// Layout tokens <c>B</c> and <c>Bottleneck</c>.
        /// </summary>
        Bottleneck = 1,

        /// <summary>
        /// Contextual-transformer bottleneck (seeds 000 and 001): the 3x3 convolution becomes a CoT
        /// layer with <c>KernelSize</c> and <c>KeyGroups</c>. Layout tokens <c>CoT</c> and
        /// <c>CoTBottleneck</c>.
        /// </summary>
        CoTBottleneck = 2,

        /// <summary>
        /// EPSA bottleneck (seed 003): the 3x3 convolution becomes a pyramid split attention module
        /// with four branches (<c>Kernels</c>, <c>Groups</c>). Layout tokens <c>EPSA</c> and
        /// <c>EPSABottleneck</c>.
        /// </summary>
        EPSABottleneck = 3,

        /// <summary>
        /// CoAtNet's pre-norm MBConv with squeeze-excitation (seed 004, coatnet-pytorch).
        /// <c>Channels</c> is the output width. Layout tokens <c>C</c> and <c>MBConv</c>.
        /// </summary>
        MBConv = 4,

        /// <summary>
        /// CoAtNet's relative-attention transformer (seed 004, coatnet-pytorch), with a learned
        /// relative position bias sized for the declared image. Layout tokens <c>T</c> and
        /// <c>Transformer</c>.
        /// </summary>
        Transformer = 5,

        /// <summary>
        /// A user-defined block, named with <see cref="StageAttribute(System.Type)"/>. Not used directly.
        /// </summary>
        Custom = 6,
    }
}
