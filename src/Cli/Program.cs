using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using System.IO;
using Gen.Cli.Commands;

namespace Gen.Cli
{
    /// <summary>The <c>gen</c> command line: list, summary, train, eval, bench and export.</summary>
    public static class Program
    {
        /// <summary>Exit code of a successful run.</summary>
        public const int Success = 0;

        /// <summary>Exit code of a run that failed (missing data, bad checkpoint, diverged loss).</summary>
        public const int Failed = 1;

        /// <summary>Exit code of a usage mistake (unknown option or backbone, bad value).</summary>
        public const int Usage = 2;

        /// <summary>Entry point: 0 on success, 1 on a failed run, 2 on bad usage.</summary>
        public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

        /// <summary>Runs <c>gen</c> with <paramref name="args"/>, writing to the given streams (tests capture them).</summary>
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            var root = BuildRoot();
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var e in parsed.Errors)
                {
                    error.WriteLine($"gen: {e.Message}");
                }

                error.WriteLine("Run 'gen --help' (or 'gen <command> --help') for usage.");
                return Usage;
            }

            try
            {
                EngineThreads.ApplyFromEnvironment();
                EngineMemory.ApplyFromEnvironment();
                return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
            }
            catch (EnvironmentVariableException e)
            {
                error.WriteLine($"gen: {e.Message}");
                return Usage;
            }
            catch (UsageException e)
            {
                error.WriteLine($"gen: {e.Message}");
                return Usage;
            }
            catch (RunFailedException e)
            {
                error.WriteLine($"gen: {e.Message}");
                return Failed;
            }
        }

        internal static RootCommand BuildRoot()
        {
            var root = new RootCommand(
                "gen: list, inspect, train, evaluate, benchmark and export the vision backbones that Gen generated from their attribute declarations.\n"
                + "Examples:\n"
                + "  gen list\n"
                + "  gen summary ResNet50\n"
                + "  gen train FashionResNetNam --data fashion-mnist --epochs 8 --out runs/fm\n"
                + "  gen eval FashionResNetNam --checkpoint runs/fm/best.safetensors --data fashion-mnist\n"
                + "  gen bench ResNet50 --batch 1,8 --threads 2\n"
                + "  gen export pytorch FashionResNetNam -o model.py --train-script\n"
                + "Environment: GEN_THREADS sets libtorch's intra-op threads (a positive integer; default all cores); "
                + "GEN_MALLOC=retain (default) keeps freed tensor memory for the next step, GEN_MALLOC=system leaves the C allocator's defaults; "
                + "GEN_FASHION_MNIST points at the Fashion-MNIST files if they are not where Debian's dataset-fashion-mnist puts them.");
            // The version is gen's own, not the entry assembly's (a test host's, in tests).
            foreach (var option in root.Options)
            {
                if (option is VersionOption)
                {
                    option.Action = new PrintVersion();
                }
            }

            root.Subcommands.Add(ListCommand.Create());
            root.Subcommands.Add(SummaryCommand.Create());
            root.Subcommands.Add(TrainCommand.Create());
            root.Subcommands.Add(EvalCommand.Create());
            root.Subcommands.Add(BenchCommand.Create());
            root.Subcommands.Add(ExportCommand.Create());
            return root;
        }

        /// <summary>gen's informational version (e.g. <c>0.2.0+commit</c>).</summary>
        public static string Version =>
            typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

        private sealed class PrintVersion : SynchronousCommandLineAction
        {
            public override int Invoke(ParseResult parseResult)
            {
                parseResult.InvocationConfiguration.Output.WriteLine(Version);
                return Success;
            }
        }
    }
}
