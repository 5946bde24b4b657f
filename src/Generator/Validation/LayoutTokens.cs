using Gen.Generator.Model;

namespace Gen.Generator.Validation
{
    /// <summary>The tokens of the <c>[Layout]</c> shorthand; each block definition names its own.</summary>
    internal static class LayoutTokens
    {
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
        public static bool TryParse(string token, out BlockKind kind) => Blocks.BlockCatalog.TryParseToken(token, out kind);
    }
}
