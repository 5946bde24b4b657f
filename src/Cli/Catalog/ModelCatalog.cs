using System;
using System.Collections.Generic;
using System.Linq;

namespace Gen.Cli.Catalog
{
    /// <summary>
    /// The backbones <c>gen</c> knows: the catalog the generator wrote into Gen.Architectures
    /// (no reflection). Lookup is case-insensitive and suggests the closest names for a typo.
    /// </summary>
    internal static class ModelCatalog
    {
        public static IReadOnlyList<BackboneInfo> All => Gen.Architectures.GenBackbones.All;

        /// <summary>The backbone called <paramref name="name"/>, or an exception that suggests the closest names.</summary>
        public static BackboneInfo Find(string name)
        {
            var match = All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match;
            }

            var closest = All
                .Select(b => (b.Name, Distance: Distance(b.Name.ToLowerInvariant(), name.ToLowerInvariant())))
                .OrderBy(c => c.Distance)
                .ThenBy(c => c.Name, StringComparer.Ordinal)
                .Take(3)
                .Select(c => c.Name);
            throw new UsageException($"unknown backbone '{name}'. Did you mean {string.Join(", ", closest)}? 'gen list' shows them all.");
        }

        /// <summary>Levenshtein distance (with adjacent transpositions counted as one edit).</summary>
        internal static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (int i = 0; i <= a.Length; i++)
            {
                d[i, 0] = i;
            }

            for (int j = 0; j <= b.Length; j++)
            {
                d[0, j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                    }
                }
            }

            return d[a.Length, b.Length];
        }
    }
}
