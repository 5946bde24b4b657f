using System;
using System.IO;

namespace Gen.Bench
{
    /// <summary>Files of the repository, found from the build output upwards or from the working directory.</summary>
    internal static class RepositoryFile
    {
        public static string Find(string relative)
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            var fromCwd = Path.Combine(Environment.CurrentDirectory, relative);
            return File.Exists(fromCwd) ? fromCwd : throw new InvalidOperationException($"{relative} not found from {AppContext.BaseDirectory} or the working directory.");
        }
    }
}
