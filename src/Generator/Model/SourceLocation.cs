using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Gen.Generator.Model
{
    /// <summary>
    /// Where something is in the source, as plain equatable data (a <see cref="Location"/> holds on
    /// to its syntax tree, so the pipeline must not carry one).
    /// </summary>
    /// <param name="FilePath">The syntax tree's file path.</param>
    /// <param name="Span">The character span.</param>
    /// <param name="LineSpan">The line/column span.</param>
    internal sealed record SourceLocation(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        /// <summary>Captures a syntax node's location.</summary>
        public static SourceLocation Of(SyntaxNode node) => Of(node.GetLocation());

        /// <summary>Captures a token's location.</summary>
        public static SourceLocation Of(SyntaxToken token) => Of(token.GetLocation());

        /// <summary>Captures a location.</summary>
        public static SourceLocation Of(Location location)
        {
            var lineSpan = location.GetLineSpan();
            return new SourceLocation(lineSpan.Path ?? string.Empty, location.SourceSpan, lineSpan.Span);
        }

        /// <summary>Turns the data back into a <see cref="Location"/> for reporting.</summary>
        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
    }
}
