using System;
using System.IO;

namespace Gen.IO
{
    /// <summary>
    /// Writes a file so that readers only ever see the old content or the complete new one: the
    /// bytes go to a temporary file in the same folder, are flushed to disk, and the temporary file
    /// is renamed over the target. A failure (or a kill) mid-write leaves the previous file intact.
    /// </summary>
    public static class AtomicFile
    {
        /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>, atomically.</summary>
        public static void Write(string path, Action<Stream> write)
        {
            string full = Path.GetFullPath(path);
            string directory = Path.GetDirectoryName(full) ?? ".";
            string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
                {
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temp, full, overwrite: true);
            }
            catch
            {
                try
                {
                    File.Delete(temp);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }

                throw;
            }
        }

        /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="path"/>, atomically.</summary>
        public static void WriteText(string path, string text) =>
            Write(path, stream =>
            {
                var bytes = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
                stream.Write(bytes, 0, bytes.Length);
            });
    }
}
