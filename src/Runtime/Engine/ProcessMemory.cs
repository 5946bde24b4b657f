using System;
using System.Globalization;
using System.IO;

namespace Gen
{
    /// <summary>
    /// The resident memory of this process, as Linux reports it in <c>/proc/self/status</c>
    /// (libtorch's allocations are native, so the GC's counters do not see them). Elsewhere every
    /// member answers <see langword="null"/> or <see langword="false"/>.
    /// </summary>
    public static class ProcessMemory
    {
        private const string Status = "/proc/self/status";

        /// <summary>The resident set now (<c>VmRSS</c>), in bytes.</summary>
        public static long? ResidentBytes() => Read("VmRSS:");

        /// <summary>The peak resident set (<c>VmHWM</c>) since the process started or since <see cref="ResetPeak"/>, in bytes.</summary>
        public static long? PeakResidentBytes() => Read("VmHWM:");

        /// <summary>
        /// Resets the peak to the current resident set (<c>echo 5 &gt; /proc/self/clear_refs</c>),
        /// so that <see cref="PeakResidentBytes"/> measures one piece of work.
        /// </summary>
        /// <returns>Whether the kernel took the reset.</returns>
        public static bool ResetPeak()
        {
            try
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                return false;
            }
        }

        private static long? Read(string field)
        {
            if (!File.Exists(Status)) return null;
            foreach (var line in File.ReadLines(Status))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line.Substring(field.Length).Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }

            return null;
        }
    }
}
