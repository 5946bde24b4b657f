using System;
using System.Collections.Generic;
using System.Linq;

namespace Gen.Generator.Blocks
{
    /// <summary>
    /// The block definitions by kind: every concrete <see cref="BlockDefinition"/> in this assembly,
    /// found once, so adding a kind is adding its definition and nothing else here.
    /// </summary>
    internal static class BlockCatalog
    {
        private static readonly BlockDefinition[] Definitions = typeof(BlockDefinition).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(BlockDefinition)) && !type.IsAbstract)
            .Select(type => (BlockDefinition)Activator.CreateInstance(type))
            .OrderBy(definition => definition.Kind)
            .ToArray();

        private static readonly Dictionary<string, BlockKind> Tokens = IndexTokens();

        /// <summary>Every definition, in <see cref="BlockKind"/> order.</summary>
        public static IReadOnlyList<BlockDefinition> All => Definitions;

        /// <summary>Every layout token, in <see cref="BlockKind"/> order (for messages).</summary>
        public static IReadOnlyList<string> LayoutTokens => Definitions.SelectMany(definition => definition.LayoutTokens).ToList();

        /// <summary>The definition of <paramref name="kind"/>.</summary>
        public static BlockDefinition For(BlockKind kind)
        {
            foreach (var definition in Definitions)
            {
                if (definition.Kind == kind)
                {
                    return definition;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(kind), kind, "no block definition for this kind");
        }

        /// <summary>Whether <paramref name="kind"/> is one the generator knows.</summary>
        public static bool IsKnown(BlockKind kind) => Definitions.Any(definition => definition.Kind == kind);

        /// <summary>The block kind a <c>[Layout]</c> token names, if any (case-insensitive).</summary>
        public static bool TryParseToken(string token, out BlockKind kind) => Tokens.TryGetValue(token, out kind);

        private static Dictionary<string, BlockKind> IndexTokens()
        {
            var tokens = new Dictionary<string, BlockKind>(StringComparer.OrdinalIgnoreCase);
            foreach (var definition in Definitions)
            {
                foreach (var token in definition.LayoutTokens)
                {
                    tokens.Add(token, definition.Kind);
                }
            }

            return tokens;
        }
    }
}
