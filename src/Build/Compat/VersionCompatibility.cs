using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Gen.Build.Elf;
using Gen.Build.IO;

namespace Gen.Build.Compat
{
    /// <summary>What <see cref="VersionCompatibility.Apply"/> did to a library.</summary>
    internal enum CompatibilityOutcome
    {
        /// <summary>Every required version is present on this machine: the file was not touched.</summary>
        NothingMissing,

        /// <summary>The missing versions were marked weak by an earlier run: the file was not touched.</summary>
        AlreadyWeak,

        /// <summary>Unused missing versions were marked weak, and the file was rewritten.</summary>
        Weakened,

        /// <summary>A missing version is really used: the file was not touched and the library cannot load here.</summary>
        Refused,
    }

    /// <summary>
    /// The Debian 12 step: a shared library built against a newer libstdc++ than the machine's
    /// asks for a symbol version the machine lacks. When every symbol bound to such a version is
    /// referenced by no relocation (GCC 13's <c>std::ios_base_library_init()</c> marker is the case
    /// that matters), marking the requirement weak (VER_FLG_WEAK in its Vernaux entry) lets the
    /// loader accept the library with no change in behaviour. Anything else is refused.
    /// </summary>
    internal static class VersionCompatibility
    {
        /// <summary>The versions <paramref name="image"/> requires that are missing from the files <paramref name="locator"/> finds. Files it cannot find are left to the loader.</summary>
        public static IReadOnlyList<MissingVersion> FindMissing(ElfImage image, LibraryLocator locator)
        {
            var result = new List<MissingVersion>();
            var relocated = image.RelocatedSymbols();
            var providers = new Dictionary<string, (string Path, ISet<string>? Versions)?>(StringComparer.Ordinal);
            foreach (var requirement in image.VersionRequirements())
            {
                if (!providers.TryGetValue(requirement.File, out var provider))
                {
                    var path = locator.Find(requirement.File, image);
                    provider = path == null ? null : (path, ElfImage.Parse(File.ReadAllBytes(path), path).DefinedVersions());
                    providers[requirement.File] = provider;
                }

                // Not found: the loader will say so itself. No version definitions: glibc accepts any.
                if (provider == null || provider.Value.Versions == null || provider.Value.Versions.Contains(requirement.Version))
                {
                    continue;
                }

                var symbols = image.SymbolsWithVersion(requirement.Index);
                result.Add(new MissingVersion(
                    requirement.File,
                    requirement.Version,
                    provider.Value.Path,
                    requirement.IsWeak,
                    symbols.Select(s => s.Name).ToArray(),
                    symbols.Where(s => relocated.Contains(s.Index)).Select(s => s.Name).ToArray()));
            }

            return result;
        }

        /// <summary>
        /// Checks the library at <paramref name="path"/> and, where every missing version is unused,
        /// marks those requirements weak. The file is replaced atomically (a new file renamed over it),
        /// so a hard link to the original (a NuGet cache file) is never written through.
        /// </summary>
        public static CompatibilityOutcome Apply(string path, LibraryLocator locator, out IReadOnlyList<MissingVersion> missing)
        {
            var bytes = File.ReadAllBytes(path);
            var image = ElfImage.Parse(bytes, path);
            var found = FindMissing(image, locator);
            missing = found;
            if (found.Count == 0)
            {
                return CompatibilityOutcome.NothingMissing;
            }

            if (found.Any(m => !m.IsUnused))
            {
                return CompatibilityOutcome.Refused;
            }

            var toWeaken = image.VersionRequirements()
                .Where(r => !r.IsWeak && found.Any(m => m.File == r.File && m.Version == r.Version))
                .ToArray();
            if (toWeaken.Length == 0)
            {
                return CompatibilityOutcome.AlreadyWeak;
            }

            foreach (var requirement in toWeaken)
            {
                var flags = (ushort)(requirement.Flags | VersionRequirement.WeakFlag);
                bytes[requirement.FlagsOffset] = (byte)flags;
                bytes[requirement.FlagsOffset + 1] = (byte)(flags >> 8);
            }

            AtomicFile.WriteAllBytes(path, bytes);
            return CompatibilityOutcome.Weakened;
        }

        /// <summary>A one-line description of <paramref name="missing"/> for build messages.</summary>
        public static string Describe(IEnumerable<MissingVersion> missing) =>
            string.Join("; ", missing.Select(m =>
                $"{m.Version} of {m.File} (missing from {m.Provider}), used by {(m.Symbols.Count == 0 ? "no symbol" : string.Join(", ", m.Symbols))}"
                + (m.IsUnused ? string.Empty : $", of which relocations reference {string.Join(", ", m.RelocatedSymbols)}")));
    }
}
