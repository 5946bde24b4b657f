using System;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Gen.Build
{
    /// <summary>
    /// Run right after a real compilation: deletes the generator's emitted sources in
    /// <see cref="Directory"/> that this compilation did not write (older than
    /// <see cref="OlderThanUtcTicks"/>), because the compiler never removes the file of a backbone
    /// that is gone, and a stale file would be checked against a snapshot that no longer applies.
    /// </summary>
    public sealed class RemoveStaleGeneratedSources : Task
    {
        /// <summary>The folder of one generator's emitted sources.</summary>
        [Required]
        public string Directory { get; set; } = string.Empty;

        /// <summary>When the compilation started (UTC ticks); files written before it are stale.</summary>
        [Required]
        public long OlderThanUtcTicks { get; set; }

        /// <inheritdoc />
        public override bool Execute()
        {
            if (!System.IO.Directory.Exists(Directory))
            {
                return true;
            }

            foreach (var path in System.IO.Directory.GetFiles(Directory, "*.g.cs"))
            {
                if (File.GetLastWriteTimeUtc(path).Ticks < OlderThanUtcTicks)
                {
                    File.Delete(path);
                    Log.LogMessage(MessageImportance.Low, $"Gen: removed {path}, which the last compilation no longer generated.");
                }
            }

            return true;
        }
    }
}
