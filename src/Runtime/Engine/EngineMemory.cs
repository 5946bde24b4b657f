using System;
using System.Runtime.InteropServices;

namespace Gen
{
    /// <summary>
    /// The C allocator policy of Gen's entry points (the <c>gen</c> command line, the benchmarks).
    /// libtorch allocates CPU tensors with <c>malloc</c>; glibc serves blocks over 32 MiB (at most)
    /// with a fresh <c>mmap</c> and unmaps them when freed, and returns the top of its heap to the
    /// system, so every forward pass faults in its large activations page by page again (on this
    /// 2-core VM CoAtNet-0's forward at batch 8 spent ~25 % of its time so). <see cref="Retain"/>
    /// keeps freed memory in the process for the next step instead: the resident set stays at the
    /// peak of the work, as a training process's does anyway. One home for the variable, its
    /// validation and its effect; a library user's process is left as it is unless it calls this.
    /// </summary>
    public static class EngineMemory
    {
        /// <summary>The environment variable: <c>retain</c> (the default of Gen's entry points) or <c>system</c> (glibc's defaults, untouched).</summary>
        public const string Variable = "GEN_MALLOC";

        // glibc's mallopt parameters (malloc.h)
        private const int TrimThreshold = -1;
        private const int MmapThreshold = -3;
        private const int MmapMax = -4;

        /// <summary>
        /// Reads <see cref="Variable"/>: <see langword="true"/> (retain) when it is unset, empty or
        /// <c>retain</c>; <see langword="false"/> for <c>system</c>.
        /// </summary>
        /// <exception cref="EnvironmentVariableException">Any other value; the message quotes it.</exception>
        public static bool FromEnvironment() => Parse(Environment.GetEnvironmentVariable(Variable));

        /// <summary>Parses a value of <see cref="Variable"/> (null or empty: the default, retain).</summary>
        /// <exception cref="EnvironmentVariableException"><paramref name="value"/> is neither <c>retain</c> nor <c>system</c>.</exception>
        public static bool Parse(string? value)
        {
            var v = value?.Trim();
            if (string.IsNullOrEmpty(v) || string.Equals(v, "retain", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(v, "system", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            throw new EnvironmentVariableException(Variable, $"{Variable} must be 'retain' (keep freed tensor memory for the next step) or 'system' (the C library's defaults), not '{value}'.");
        }

        /// <summary>
        /// Makes glibc keep freed memory: no <c>mmap</c> for large blocks (they come from the heap,
        /// and glibc still maps when the heap cannot grow) and no trimming of the heap's top below
        /// 2 GiB. Returns whether it took effect (false where the C library is not glibc).
        /// </summary>
        public static bool Retain() => Set(MmapMax, 0) && Set(TrimThreshold, int.MaxValue);

        /// <summary><see cref="Retain"/> when <see cref="FromEnvironment"/> says so: what an entry point calls first. Returns whether retention is on.</summary>
        /// <exception cref="EnvironmentVariableException"><see cref="Variable"/> has another value.</exception>
        public static bool ApplyFromEnvironment() => FromEnvironment() && Retain();

        /// <summary>glibc's defaults again (65,536 maps, 128 KiB thresholds; the dynamic threshold restarts from there), for tests.</summary>
        internal static bool RestoreDefaults() => Set(MmapMax, 65536) && Set(TrimThreshold, 128 * 1024) && Set(MmapThreshold, 128 * 1024);

        private static bool Set(int parameter, int value)
        {
            if (!OperatingSystem.IsLinux())
            {
                return false;
            }

            try
            {
                return mallopt(parameter, value) == 1;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return false; // musl and other C libraries have no mallopt
            }
        }

        [DllImport("libc.so.6", EntryPoint = "mallopt")]
        private static extern int mallopt(int parameter, int value);
    }
}
