using System;
using System.IO;
using System.Linq;
using Gen.Build.Snapshots;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Gen.Build
{
    /// <summary>
    /// The build side of <see cref="SnapshotCheck"/>: compares every source the generator emitted
    /// for a backbone (<c>&lt;Namespace&gt;.&lt;Name&gt;.g.cs</c> in <see cref="GeneratedDirectory"/>)
    /// with <c>&lt;Name&gt;.verified.cs</c> in <see cref="SnapshotDirectory"/>. A difference is an error
    /// (GENS001) at the first differing line of the snapshot, with the first lines of the diff; a
    /// backbone without a snapshot is an error (GENS002); both write <c>&lt;Name&gt;.received.cs</c>.
    /// <see cref="Accept"/> makes the generated sources the snapshots instead.
    /// </summary>
    public sealed class VerifyGeneratedSnapshots : Task
    {
        private const int DiffLinesShown = 16;

        /// <summary>The folder the compiler emitted the generator's sources into.</summary>
        [Required]
        public string GeneratedDirectory { get; set; } = string.Empty;

        /// <summary>The folder of the <c>.verified.cs</c> files (the project's <c>GenSnapshots</c>).</summary>
        [Required]
        public string SnapshotDirectory { get; set; } = string.Empty;

        /// <summary>Emitted file names that are not backbones (the assembly's catalog).</summary>
        public string[] ExcludedFileNames { get; set; } = Array.Empty<string>();

        /// <summary>Endings of emitted file names that are not backbones (PyTorch twins, <c>.PyTorch.g.cs</c>: their Python is reviewed as <c>.verified.py</c> by Gen's generator tests).</summary>
        public string[] ExcludedSuffixes { get; set; } = Array.Empty<string>();

        /// <summary>Accept every generated source as its snapshot (<c>-p:GenAcceptSnapshots=true</c>, or <c>GEN_ACCEPT_SNAPSHOTS=1</c>: the targets map it).</summary>
        public bool Accept { get; set; }

        /// <inheritdoc />
        public override bool Execute()
        {
            var generated = Directory.Exists(GeneratedDirectory)
                ? Directory.GetFiles(GeneratedDirectory, "*.g.cs").Where(path => !ExcludedFileNames.Contains(Path.GetFileName(path), StringComparer.Ordinal) && !ExcludedSuffixes.Any(suffix => path.EndsWith(suffix, StringComparison.Ordinal))).OrderBy(path => path, StringComparer.Ordinal).ToArray()
                : Array.Empty<string>();
            var names = SnapshotNames(generated);
            foreach (var path in generated)
            {
                var name = names[path];
                try
                {
                    Report(SnapshotCheck.Compare(SnapshotDirectory, name, File.ReadAllText(path), Accept));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Log.LogError(null, "GENS003", null, path, 0, 0, 0, 0, $"Gen could not compare the generated source of {name} with its snapshot in {SnapshotDirectory}: {e.Message}");
                }
            }

            Log.LogMessage(MessageImportance.Low, $"Gen: {generated.Length} generated backbone(s) compared with the snapshots in {SnapshotDirectory}.");
            return !Log.HasLoggedErrors;
        }

        /// <summary>
        /// A backbone's snapshot is named for its class (<c>CoAtNet0.verified.cs</c>; the generator's
        /// file is <c>&lt;Namespace&gt;.&lt;Class&gt;.g.cs</c>); where two classes of the project
        /// share a name, both keep the namespace, so no two backbones share a snapshot.
        /// </summary>
        internal static System.Collections.Generic.Dictionary<string, string> SnapshotNames(string[] generatedPaths)
        {
            var full = generatedPaths.ToDictionary(path => path, path => Path.GetFileName(path).Substring(0, Path.GetFileName(path).Length - ".g.cs".Length), StringComparer.Ordinal);
            var shortNames = full.ToDictionary(pair => pair.Key, pair => pair.Value.Substring(pair.Value.LastIndexOf('.') + 1), StringComparer.Ordinal);
            var shared = shortNames.Values.GroupBy(name => name, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
            return shortNames.ToDictionary(pair => pair.Key, pair => shared.Contains(pair.Value) ? full[pair.Key] : pair.Value, StringComparer.Ordinal);
        }

        private void Report(SnapshotResult result)
        {
            const string howToAccept = "If the change is intended, accept it with -p:GenAcceptSnapshots=true (or GEN_ACCEPT_SNAPSHOTS=1) and commit the .verified.cs.";
            switch (result.Outcome)
            {
                case SnapshotOutcome.Matched:
                    Log.LogMessage(MessageImportance.Low, $"Gen: {result.Name} matches {result.VerifiedPath}.");
                    break;
                case SnapshotOutcome.Accepted:
                    Log.LogMessage(MessageImportance.High, $"Gen: accepted the generated source of {result.Name} as {result.VerifiedPath}.");
                    break;
                case SnapshotOutcome.Changed:
                    Log.LogError(
                        null, "GENS001", null, result.VerifiedPath, result.FirstDifferentLine, 1, 0, 0,
                        $"The generated source of {result.Name} differs from its snapshot {Path.GetFileName(result.VerifiedPath)} from line {result.FirstDifferentLine}; "
                        + $"the new source is in {result.ReceivedPath}. {howToAccept}\n{SnapshotCheck.Head(result.Diff, DiffLinesShown)}");
                    break;
                default:
                    Log.LogError(
                        null, "GENS002", null, result.ReceivedPath, 0, 0, 0, 0,
                        $"Backbone {result.Name} has no snapshot {result.VerifiedPath} yet; its generated source is in {result.ReceivedPath}. "
                        + "Review it, then accept it with -p:GenAcceptSnapshots=true (or GEN_ACCEPT_SNAPSHOTS=1) and commit the .verified.cs.");
                    break;
            }
        }
    }
}
