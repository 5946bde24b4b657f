using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Gen.Build.Elf;

namespace Gen.Build.Compat
{
    /// <summary>
    /// Finds the file the dynamic loader would take for a needed soname, roughly in glibc's order:
    /// <c>LD_LIBRARY_PATH</c>, the object's run path (<c>$ORIGIN</c> expanded), the directories of
    /// <c>/etc/ld.so.conf</c>, then the default directories. A file for another machine is skipped,
    /// as the loader skips it. Tests give fixed directories instead.
    /// </summary>
    internal sealed class LibraryLocator
    {
        private static readonly string[] DefaultDirectories =
        {
            "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/lib64", "/usr/lib64", "/lib", "/usr/lib",
        };

        private readonly IReadOnlyList<string>? fixedDirectories;

        private LibraryLocator(IReadOnlyList<string>? fixedDirectories) => this.fixedDirectories = fixedDirectories;

        /// <summary>The loader's own search order on this machine.</summary>
        public static LibraryLocator System { get; } = new LibraryLocator(null);

        /// <summary>Only <paramref name="directories"/>, in order (tests, or a deliberate override).</summary>
        public static LibraryLocator In(IEnumerable<string> directories) => new LibraryLocator(directories.ToArray());

        /// <summary>The path of <paramref name="soname"/> as <paramref name="dependent"/> would load it, or null when it is nowhere.</summary>
        public string? Find(string soname, ElfImage dependent)
        {
            foreach (var directory in Directories(dependent))
            {
                var candidate = Path.Combine(directory, soname);
                if (!File.Exists(candidate))
                {
                    continue;
                }

                var header = new byte[64];
                using (var stream = File.OpenRead(candidate))
                {
                    if (stream.Read(header, 0, header.Length) < header.Length)
                    {
                        continue;
                    }
                }

                if (ElfImage.IsElf64(header) && (ushort)(header[18] | (header[19] << 8)) == dependent.Machine)
                {
                    return candidate;
                }
            }

            return null;
        }

        private IEnumerable<string> Directories(ElfImage dependent)
        {
            if (fixedDirectories != null)
            {
                foreach (var directory in fixedDirectories)
                {
                    yield return directory;
                }

                yield break;
            }

            foreach (var directory in (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? string.Empty).Split(new[] { ':' }, StringSplitOptions.RemoveEmptyEntries))
            {
                yield return directory;
            }

            var origin = Path.GetDirectoryName(Path.GetFullPath(dependent.Path)) ?? ".";
            foreach (var directory in dependent.RunPath())
            {
                yield return directory.Replace("$ORIGIN", origin).Replace("${ORIGIN}", origin);
            }

            foreach (var directory in ConfiguredDirectories("/etc/ld.so.conf", 0))
            {
                yield return directory;
            }

            foreach (var directory in DefaultDirectories)
            {
                yield return directory;
            }
        }

        private static IEnumerable<string> ConfiguredDirectories(string file, int depth)
        {
            if (depth > 4 || !File.Exists(file))
            {
                yield break;
            }

            foreach (var raw in File.ReadAllLines(file))
            {
                var line = raw.Split('#')[0].Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                if (line.StartsWith("include ", StringComparison.Ordinal))
                {
                    var pattern = line.Substring("include ".Length).Trim();
                    var directory = Path.GetDirectoryName(pattern);
                    if (directory == null || !Directory.Exists(directory))
                    {
                        continue;
                    }

                    foreach (var included in Directory.GetFiles(directory, Path.GetFileName(pattern)).OrderBy(f => f, StringComparer.Ordinal))
                    {
                        foreach (var nested in ConfiguredDirectories(included, depth + 1))
                        {
                            yield return nested;
                        }
                    }
                }
                else if (line.StartsWith("/", StringComparison.Ordinal))
                {
                    yield return line;
                }
            }
        }
    }
}
