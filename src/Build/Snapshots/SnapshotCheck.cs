using System;
using System.IO;
using System.Text;
using Gen.Build.IO;

namespace Gen.Build.Snapshots
{
    /// <summary>
    /// Gen's one snapshot mechanism, with Verify's file conventions: <c>&lt;dir&gt;/&lt;Name&gt;.verified.cs</c>
    /// is committed; a generated source that differs from it, or that has none yet, is written to
    /// <c>&lt;Name&gt;.received.cs</c> beside it (git-ignored) for review; accepting makes the
    /// generated source the verified one. Files are UTF-8 without BOM with LF line endings and are
    /// written atomically. Called by the build (<see cref="VerifyGeneratedSnapshots"/>, for every
    /// project that sets <c>GenSnapshots</c>) and by Gen's generator tests for specs that live in
    /// tests rather than in a project.
    /// </summary>
    internal static class SnapshotCheck
    {
        /// <summary>The environment variable that accepts, when set to <c>1</c>.</summary>
        public const string AcceptVariable = "GEN_ACCEPT_SNAPSHOTS";

        /// <summary>The committed snapshot's suffix.</summary>
        public const string VerifiedSuffix = ".verified.cs";

        /// <summary>The suffix of a generated source written for review.</summary>
        public const string ReceivedSuffix = ".received.cs";

        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>Whether the environment asks to accept (<c>GEN_ACCEPT_SNAPSHOTS=1</c>).</summary>
        public static bool AcceptRequestedByEnvironment => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

        /// <summary>
        /// Compares <paramref name="generated"/> with <paramref name="name"/>'s snapshot in
        /// <paramref name="directory"/>, writing or deleting files as the conventions say;
        /// <paramref name="extension"/> is the snapshot's language (<c>py</c> for PyTorch twins).
        /// </summary>
        public static SnapshotResult Compare(string directory, string name, string generated, bool accept, string extension = "cs")
        {
            Directory.CreateDirectory(directory);
            var verifiedSuffix = ".verified." + extension;
            var receivedSuffix = ".received." + extension;
            var verified = Path.Combine(directory, name + verifiedSuffix);
            var received = Path.Combine(directory, name + receivedSuffix);
            var actual = Normalize(generated);
            var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified, Utf8)) : null;
            if (expected == actual)
            {
                DeleteIfPresent(received);
                return new SnapshotResult(name, SnapshotOutcome.Matched, verified, received, 0, string.Empty);
            }

            if (accept)
            {
                AtomicFile.WriteAllText(verified, actual);
                DeleteIfPresent(received);
                return new SnapshotResult(name, SnapshotOutcome.Accepted, verified, received, 0, string.Empty);
            }

            AtomicFile.WriteAllText(received, actual);
            var diff = UnifiedDiff.Create(expected ?? string.Empty, actual, name + verifiedSuffix, name + receivedSuffix);
            return expected is null
                ? new SnapshotResult(name, SnapshotOutcome.New, verified, received, 0, diff)
                : new SnapshotResult(name, SnapshotOutcome.Changed, verified, received, FirstDifferentLine(expected, actual), diff);
        }

        /// <summary>The first line (1-based) at which <paramref name="expected"/> and <paramref name="actual"/> differ, or 0 when they are equal.</summary>
        public static int FirstDifferentLine(string expected, string actual)
        {
            var a = Normalize(expected).Split('\n');
            var b = Normalize(actual).Split('\n');
            for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
            {
                if (i >= a.Length || i >= b.Length || a[i] != b[i])
                {
                    return i + 1;
                }
            }

            return 0;
        }

        /// <summary>The first <paramref name="maxLines"/> lines of a diff, with a note of how many were left out.</summary>
        public static string Head(string diff, int maxLines)
        {
            var lines = diff.TrimEnd('\n').Split('\n');
            if (lines.Length <= maxLines)
            {
                return string.Join("\n", lines);
            }

            return string.Join("\n", lines, 0, maxLines) + $"\n... ({lines.Length - maxLines} more diff lines in the files)";
        }

        private static string Normalize(string text) => text.Replace("\r\n", "\n");

        private static void DeleteIfPresent(string path)
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
