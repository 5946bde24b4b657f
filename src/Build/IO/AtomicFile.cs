using System;
using System.IO;
using System.Text;

namespace Gen.Build.IO
{
    /// <summary>
    /// Writes a file so that readers only ever see the old content or the complete new one: the
    /// bytes go to a temporary file in the same folder, which then replaces the target. Every file the
    /// build tasks write goes through here (the Debian 12 step's library copies, snapshots).
    /// </summary>
    internal static class AtomicFile
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, atomically.</summary>
        public static void WriteAllBytes(string path, byte[] bytes)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            // The new file has the default mode (no execute bit): the loader maps a library all the same.
            var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                File.WriteAllBytes(temporary, bytes);
                if (File.Exists(path))
                {
                    File.Replace(temporary, path, null);
                }
                else
                {
                    File.Move(temporary, path);
                }
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }

        /// <summary>Writes <paramref name="text"/> as UTF-8 without BOM to <paramref name="path"/>, atomically.</summary>
        public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8.GetBytes(text));
    }
}
