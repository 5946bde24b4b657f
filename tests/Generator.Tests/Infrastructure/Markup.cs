using System;
using Microsoft.CodeAnalysis.Text;

namespace Gen.Generator.Tests.Infrastructure;

/// <summary>Source with one span marked as <c>[|...|]</c>, the expected diagnostic location.</summary>
internal static class Markup
{
    public static (string Text, TextSpan Span) Parse(string markup)
    {
        var start = markup.IndexOf("[|", StringComparison.Ordinal);
        var end = markup.IndexOf("|]", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new ArgumentException("No [| |] span in the markup.", nameof(markup));
        }

        var text = markup.Remove(end, 2).Remove(start, 2);
        return (text, TextSpan.FromBounds(start, end - 2));
    }
}
