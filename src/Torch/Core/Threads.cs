using System;
using System.Globalization;
using TorchSharp.Interop;

namespace TorchSharp
{
    public static partial class torch
    {
        static torch()
        {
            // libtorch here defaults to one intra-op thread; Gen uses all cores unless GEN_THREADS says otherwise.
            var configured = Environment.GetEnvironmentVariable("GEN_THREADS");
            int threads = int.TryParse(configured, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : Environment.ProcessorCount;
            NativeMethods.gen_set_num_threads(threads);
        }

        /// <summary>The number of threads libtorch uses inside one operator.</summary>
        public static int get_num_threads() => NativeMethods.gen_get_num_threads();

        /// <summary>Sets the number of threads libtorch uses inside one operator.</summary>
        public static void set_num_threads(int num)
        {
            if (num < 1) throw new ArgumentOutOfRangeException(nameof(num), "at least one thread");
            NativeMethods.gen_set_num_threads(num);
        }

        /// <summary>The number of threads libtorch uses across operators.</summary>
        public static int get_num_interop_threads() => NativeMethods.gen_get_num_interop_threads();

        /// <summary>Sets the number of inter-op threads (once, before any parallel work).</summary>
        public static void set_num_interop_threads(int num) => NativeMethods.Check(NativeMethods.gen_set_num_interop_threads(num));

        /// <summary>Seeds the CPU random generator.</summary>
        public static Generator manual_seed(long seed)
        {
            NativeMethods.gen_manual_seed(seed);
            return new Generator(seed);
        }

        /// <summary>The seed the CPU generator started from.</summary>
        public static long initial_seed() => NativeMethods.gen_initial_seed();

        /// <summary>A handle to a random generator (the bridge has only the default CPU generator).</summary>
        public sealed class Generator : IDisposable
        {
            internal Generator(long seed) => Seed = seed;

            /// <summary>The seed this handle was made with.</summary>
            public long Seed { get; }

            /// <summary>Nothing to release.</summary>
            public void Dispose() { }
        }
    }
}
