using System;
using System.IO;
using System.Linq;
using Gen.Build.Compat;
using Gen.Build.Elf;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Gen.Build
{
    /// <summary>
    /// The MSBuild side of <see cref="VersionCompatibility"/>: for each library in
    /// <see cref="Libraries"/> (copies in a build or publish output), marks weak the symbol-version
    /// requirements that this machine's libraries lack and that no relocation uses, or fails the
    /// build naming the missing versions and the symbols that need them. Idempotent; touches nothing
    /// on a machine whose libraries are new enough; refuses to write inside the NuGet package folder.
    /// </summary>
    public sealed class WeakenUnusedVersionRequirements : Task
    {
        /// <summary>The output copies to check (e.g. <c>libLibTorchSharp.so</c>).</summary>
        [Required]
        public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The NuGet global packages folder; a library under it is never written.</summary>
        public string? NuGetPackageRoot { get; set; }

        /// <summary>Where to look for needed libraries instead of the loader's own search order (for tests).</summary>
        public string[]? SearchDirectories { get; set; }

        /// <inheritdoc />
        public override bool Execute()
        {
            var locator = SearchDirectories is { Length: > 0 } ? LibraryLocator.In(SearchDirectories) : LibraryLocator.System;
            foreach (var item in Libraries)
            {
                var path = Path.GetFullPath(item.ItemSpec);
                if (!File.Exists(path))
                {
                    continue;
                }

                if (IsUnder(path, NuGetPackageRoot))
                {
                    Log.LogError(null, "GENB001", null, path, 0, 0, 0, 0, $"Gen will not patch {path}: it lies in the NuGet package folder {NuGetPackageRoot}, and only output copies may be changed.");
                    continue;
                }

                try
                {
                    var outcome = VersionCompatibility.Apply(path, locator, out var missing);
                    switch (outcome)
                    {
                        case CompatibilityOutcome.NothingMissing:
                            Log.LogMessage(MessageImportance.Low, $"Gen: {path} needs no compatibility step on this machine.");
                            break;
                        case CompatibilityOutcome.AlreadyWeak:
                            Log.LogMessage(MessageImportance.Low, $"Gen: {path} is already compatible with this machine ({VersionCompatibility.Describe(missing)}: weak).");
                            break;
                        case CompatibilityOutcome.Weakened:
                            Log.LogMessage(MessageImportance.Normal, $"Gen: marked weak in {path}, because this machine lacks them and no relocation uses them: {VersionCompatibility.Describe(missing)}.");
                            break;
                        default:
                            Log.LogError(
                                null, "GENB002", null, path, 0, 0, 0, 0,
                                $"{Path.GetFileName(path)} cannot load on this machine: it needs {string.Join(", ", missing.Where(m => !m.IsUnused).Select(m => m.Version).Distinct())}, "
                                + $"which this machine's libraries do not define, and it really uses them. Details: {VersionCompatibility.Describe(missing)}. "
                                + "Install a newer libstdc++ (or the library's runtime), or use a build of the package made for this distribution.");
                            break;
                    }
                }
                catch (Exception e) when (e is ElfFormatException or IOException or UnauthorizedAccessException)
                {
                    Log.LogError(null, "GENB003", null, path, 0, 0, 0, 0, $"Gen could not check {path}: {e.Message}");
                }
            }

            return !Log.HasLoggedErrors;
        }

        private static bool IsUnder(string path, string? root)
        {
            if (string.IsNullOrEmpty(root))
            {
                return false;
            }

            var full = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return path.StartsWith(full, StringComparison.Ordinal);
        }
    }
}
