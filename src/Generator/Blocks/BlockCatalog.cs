using Gen.Generator.Model;

namespace Gen.Generator.Blocks
{
    /// <summary>The block definitions by kind.</summary>
    internal static class BlockCatalog
    {
        private static readonly BlockDefinition[] Definitions =
        {
            new BasicBlockDefinition(),
            new BottleneckDefinition(),
            new CoTBottleneckDefinition(),
            new EPSABottleneckDefinition(),
            new MBConvDefinition(),
            new TransformerDefinition(),
            new CustomBlockDefinition(),
        };

        /// <summary>The definition of <paramref name="kind"/>, found by its <see cref="BlockDefinition.Kind"/> so the array's order does not matter.</summary>
        public static BlockDefinition For(BlockKind kind)
        {
            foreach (var definition in Definitions)
            {
                if (definition.Kind == kind)
                {
                    return definition;
                }
            }

            throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "no block definition for this kind");
        }

        /// <summary>Whether <paramref name="kind"/> is one the generator knows.</summary>
        public static bool IsKnown(BlockKind kind)
        {
            foreach (var definition in Definitions)
            {
                if (definition.Kind == kind)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="kind"/> follows torchvision's ResNet conventions (bottleneck width, add-ons, drop-path).</summary>
        public static bool IsResNetStyle(BlockKind kind) =>
            kind == BlockKind.Basic || kind == BlockKind.Bottleneck || kind == BlockKind.CoTBottleneck || kind == BlockKind.EPSABottleneck;

        /// <summary>Whether <paramref name="kind"/> reads <c>Expansion</c>.</summary>
        public static bool HasExpansion(BlockKind kind) =>
            kind == BlockKind.Bottleneck || kind == BlockKind.CoTBottleneck || kind == BlockKind.EPSABottleneck || kind == BlockKind.MBConv;
    }
}
