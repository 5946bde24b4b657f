using System;
using System.IO;

namespace Gen.Cli.Tests
{
    /// <summary>Runs gen in-process (Program.Run) and captures what it writes.</summary>
    internal static class Gen
    {
        public static (int Exit, string Out, string Err) Run(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = Program.Run(args, output, error);
            return (exit, output.ToString(), error.ToString());
        }

        public static string TempDirectory()
        {
            var path = Path.Combine(Path.GetTempPath(), "gen-cli-out-" + Guid.NewGuid().ToString("N"));
            return path;
        }
    }
}
