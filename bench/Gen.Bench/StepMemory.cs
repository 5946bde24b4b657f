using System;
using System.Runtime.InteropServices;

namespace Gen.Bench
{
    /// <summary>
    /// The peak resident memory of one piece of work: the peak (VmHWM, reset just before) minus the
    /// resident set before it. The allocator's free pages are returned to the system first
    /// (<c>malloc_trim</c>), so that a side measured after another in the same process does not
    /// start with the other's freed memory still resident; bench_models.py does the same.
    /// </summary>
    internal static class StepMemory
    {
        public static long? Measure(Action work)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            ReleaseFreeMemory();
            var before = ProcessMemory.ResidentBytes();
            if (before is null || !ProcessMemory.ResetPeak())
            {
                return null;
            }

            work();
            return ProcessMemory.PeakResidentBytes() - before;
        }

        private static void ReleaseFreeMemory()
        {
            try
            {
                _ = malloc_trim(UIntPtr.Zero);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // not glibc: the resident set keeps the free pages
            }
        }

        [DllImport("libc", EntryPoint = "malloc_trim")]
        private static extern int malloc_trim(UIntPtr pad);
    }
}
