using System;
using System.Collections.Generic;
using System.Text;

namespace Gen.Build.Snapshots
{
    /// <summary>A line-based unified diff (LCS), enough to review a snapshot mismatch in a build or test log.</summary>
    internal static class UnifiedDiff
    {
        /// <summary>The diff of <paramref name="expected"/> to <paramref name="actual"/>, with <paramref name="context"/> lines around each change.</summary>
        public static string Create(string expected, string actual, string expectedName, string actualName, int context = 3)
        {
            var a = Lines(expected);
            var b = Lines(actual);
            var edits = Edits(a, b);
            var text = new StringBuilder().Append("--- ").Append(expectedName).Append('\n').Append("+++ ").Append(actualName).Append('\n');
            var i = 0;
            while (i < edits.Count)
            {
                if (edits[i].Kind == ' ')
                {
                    i++;
                    continue;
                }

                var start = Math.Max(0, i - context);
                var end = i;
                var lastChange = i;
                while (end < edits.Count && (edits[end].Kind != ' ' || end - lastChange <= 2 * context))
                {
                    if (edits[end].Kind != ' ')
                    {
                        lastChange = end;
                    }

                    end++;
                }

                end = Math.Min(edits.Count, lastChange + context + 1);
                var oldStart = edits[start].OldLine;
                var newStart = edits[start].NewLine;
                int oldCount = 0, newCount = 0;
                for (var k = start; k < end; k++)
                {
                    oldCount += edits[k].Kind != '+' ? 1 : 0;
                    newCount += edits[k].Kind != '-' ? 1 : 0;
                }

                text.Append($"@@ -{oldStart + 1},{oldCount} +{newStart + 1},{newCount} @@\n");
                for (var k = start; k < end; k++)
                {
                    text.Append(edits[k].Kind).Append(edits[k].Text).Append('\n');
                }

                i = end;
            }

            return text.ToString();
        }

        private static string[] Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

        private static List<(char Kind, string Text, int OldLine, int NewLine)> Edits(string[] a, string[] b)
        {
            var lengths = new int[a.Length + 1, b.Length + 1];
            for (var i = a.Length - 1; i >= 0; i--)
            {
                for (var j = b.Length - 1; j >= 0; j--)
                {
                    lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
                }
            }

            var edits = new List<(char, string, int, int)>();
            int x = 0, y = 0;
            while (x < a.Length || y < b.Length)
            {
                if (x < a.Length && y < b.Length && a[x] == b[y])
                {
                    edits.Add((' ', a[x], x, y));
                    x++;
                    y++;
                }
                else if (x < a.Length && (y == b.Length || lengths[x + 1, y] >= lengths[x, y + 1]))
                {
                    // Removed lines before added ones, as diff and git show a changed line.
                    edits.Add(('-', a[x], x, y));
                    x++;
                }
                else
                {
                    edits.Add(('+', b[y], x, y));
                    y++;
                }
            }

            return edits;
        }
    }
}
