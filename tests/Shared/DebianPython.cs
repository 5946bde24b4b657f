using System;
using System.Diagnostics;
using System.IO;

namespace Gen.Tests.Shared
{
    /// <summary>
    /// Debian's Python with python3-torch (1.13.1), importable from <c>/usr/bin/python3</c> only. CI
    /// does not guarantee it (scripts/setup.sh installs it with GEN_WITH_PYTHON=1), so tests that need
    /// it report themselves skipped, with the reason, where it is missing. Linked into the test projects
    /// that need it (tests/Shared).
    /// </summary>
    internal static class DebianPython
    {
        public const string Interpreter = "/usr/bin/python3";

        private static readonly Lazy<string?> Unavailable = new(Probe);

        /// <summary>Why torch cannot be used, or null when it can.</summary>
        public static string? WhyUnavailable => Unavailable.Value;

        /// <summary>Runs the interpreter with <paramref name="arguments"/>; returns its exit code, stdout and stderr.</summary>
        public static (int ExitCode, string Output, string Error) Run(TimeSpan timeout, params string[] arguments)
        {
            var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{Interpreter} {string.Join(' ', arguments)} ran past {timeout.TotalSeconds} s.");
            }

            process.WaitForExit();
            return (process.ExitCode, output.Result, error.Result);
        }

        private static string? Probe()
        {
            if (!File.Exists(Interpreter))
            {
                return $"{Interpreter} is missing (GEN_WITH_PYTHON=1 bash scripts/setup.sh installs python3-torch).";
            }

            var (code, _, error) = Run(TimeSpan.FromMinutes(1), "-c", "import torch");
            return code == 0 ? null : $"{Interpreter} cannot import torch (GEN_WITH_PYTHON=1 bash scripts/setup.sh installs python3-torch): {error.Trim()}";
        }
    }
}
