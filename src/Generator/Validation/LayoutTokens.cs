using System;
using System.Collections.Generic;
using Gen.Generator.Model;

namespace Gen.Generator.Validation
{
    /// <summary>The tokens of the <c>[Layout]</c> shorthand.</summary>
    internal static class LayoutTokens
    {
        private static readonly Dictionary<string, BlockKind> Kinds = new Dictionary<string, BlockKind>(StringComparer.OrdinalIgnoreCase)
        {
            ["C"] = BlockKind.MBConv,
            ["MBConv"] = BlockKind.MBConv,
            ["T"] = BlockKind.Transformer,
            ["Transformer"] = BlockKind.Transformer,
            ["Basic"] = BlockKind.Basic,
            ["BasicBlock"] = BlockKind.Basic,
            ["B"] = BlockKind.Bottleneck,
            ["Bottleneck"] = BlockKind.Bottleneck,
            ["CoT"] = BlockKind.CoTBottleneck,
            ["CoTBottleneck"] = BlockKind.CoTBottleneck,
            ["EPSA"] = BlockKind.EPSABottleneck,
            ["EPSABottleneck"] = BlockKind.EPSABottleneck,
        };

        /// <summary>Splits a layout into its tokens (trimmed; empty ones kept so they are reported).</summary>
        public static string[] Split(string layout)
        {
            var tokens = layout.Split('-');
            for (var i = 0; i < tokens.Length; i++)
            {
                tokens[i] = tokens[i].Trim();
            }

            return tokens;
        }

        /// <summary>The block kind of <paramref name="token"/>, if it is one.</summary>
        public static bool TryParse(string token, out BlockKind kind) => Kinds.TryGetValue(token, out kind);
    }
}
