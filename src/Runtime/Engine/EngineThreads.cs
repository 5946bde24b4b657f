using System;
using System.Globalization;
using TorchSharp;

namespace Gen
{
    /// <summary>
    /// The intra-op thread count of libtorch in Gen's entry points (the <c>gen</c> command line, the
    /// benchmarks): libtorch's default (all cores), or <c>GEN_THREADS</c> when it is set. One home
    /// for the variable's name, its validation and its effect.
    /// </summary>
    public static class EngineThreads
    {
        /// <summary>The environment variable: a positive integer, or unset for libtorch's default.</summary>
        public const string Variable = "GEN_THREADS";

        /// <summary>
        /// Reads <see cref="Variable"/>: null when it is unset or empty, else its value.
        /// </summary>
        /// <exception cref="EnvironmentVariableException">The value is not a positive integer; the message quotes it.</exception>
        public static int? FromEnvironment() => Parse(Environment.GetEnvironmentVariable(Variable));

        /// <summary>Parses a value of <see cref="Variable"/> (null or empty: not set).</summary>
        /// <exception cref="EnvironmentVariableException"><paramref name="value"/> is not a positive integer.</exception>
        public static int? Parse(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                return n;
            }

            throw new EnvironmentVariableException(Variable, $"{Variable} must be a positive integer (a thread count), not '{value}'.");
        }

        /// <summary>
        /// Sets libtorch's intra-op threads to <paramref name="threads"/> (null: leaves the default)
        /// and returns the count now in effect.
        /// </summary>
        public static int Apply(int? threads)
        {
            if (threads is int n)
            {
                torch.set_num_threads(n);
            }

            return torch.get_num_threads();
        }

        /// <summary><see cref="Apply"/> of <see cref="FromEnvironment"/>: what an entry point calls first.</summary>
        /// <exception cref="EnvironmentVariableException"><see cref="Variable"/> is set to something other than a positive integer.</exception>
        public static int ApplyFromEnvironment() => Apply(FromEnvironment());
    }
}
