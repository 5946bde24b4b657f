using System;
using Gen.Cli.Commands;

namespace Gen.Cli
{
    /// <summary>The <c>gen</c> command line.</summary>
    public static class Program
    {
        private const string Usage = """
            gen: Gen's command line.

            Usage:
              gen demo [--steps N] [--seed S] [--batch B]
                  Builds a small conv net in TorchSharp and trains it with SGD on a synthetic
                  two-class image task (a horizontal or a vertical bar), printing the loss as it falls.
                  Defaults: --steps 50 --seed 0 --batch 32.
              gen --help
                  Shows this text.

            Environment:
              GEN_THREADS   intra-op threads for libtorch, a positive integer (default: all cores).
            """;

        /// <summary>Entry point: returns 0 on success, 1 on a failed run, 2 on bad usage.</summary>
        public static int Main(string[] args)
        {
            if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
            {
                Console.WriteLine(Usage);
                return args.Length == 0 ? 2 : 0;
            }

            try
            {
                EngineThreads.ApplyFromEnvironment();
            }
            catch (ArgumentException e)
            {
                return UsageError(e.Message);
            }

            try
            {
                return args[0] switch
                {
                    "demo" => DemoCommand.Run(Options.Parse(args[1..], "steps", "seed", "batch")),
                    _ => UsageError($"unknown command '{args[0]}'"),
                };
            }
            catch (UsageException e)
            {
                return UsageError(e.Message);
            }
        }

        private static int UsageError(string message)
        {
            Console.Error.WriteLine($"gen: {message}");
            Console.Error.WriteLine("Run 'gen --help' for usage.");
            return 2;
        }
    }
}
