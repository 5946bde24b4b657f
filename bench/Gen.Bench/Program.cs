using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gen.Bench
{
    /// <summary>
    /// The model benchmark: Gen against PyTorch 1.13.1 and against hand-written TorchSharp, same
    /// machine, same threads, alternating in one invocation. Not a test: it reports ratios. See
    /// <see cref="Options.Description"/>. The parent process runs one child per thread count
    /// (<see cref="Measurements"/>) and gathers their results into one run (JSON and table).
    /// </summary>
    internal static class Program
    {
        /// <summary>The variables that set the thread count of libtorch's OpenMP pool and of OpenBLAS.</summary>
        internal static readonly string[] ThreadVariables = { "GEN_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS" };

        /// <summary>Set in a child: the file it writes its results to.</summary>
        private const string ChildMarker = "GEN_BENCH_CHILD";

        public static int Main(string[] args)
        {
            var parsed = Options.BuildCommand(options => Dispatch(options, args)).Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    Console.Error.WriteLine("Gen.Bench: " + error.Message);
                }

                Console.Error.WriteLine("Run with --help for usage.");
                return 2;
            }

            try
            {
                return parsed.Invoke(new System.CommandLine.InvocationConfiguration { EnableDefaultExceptionHandler = false });
            }
            catch (Exception e) when (e is ArgumentException or EnvironmentVariableException)
            {
                Console.Error.WriteLine("Gen.Bench: " + e.Message);
                Console.Error.WriteLine("Run with --help for usage.");
                return 2;
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or JsonException or System.ComponentModel.Win32Exception)
            {
                Console.Error.WriteLine("Gen.Bench: " + e.Message);
                return 1;
            }
        }

        private static int Dispatch(Options options, string[] args)
        {
            if (options.ReportPath is not null)
            {
                var run = JsonNode.Parse(File.ReadAllText(options.ReportPath)) ?? throw new InvalidOperationException($"{options.ReportPath} is empty.");
                var readme = options.ReadmePath ?? RepositoryFile.Find("bench/Gen.Bench/README.md");
                var table = Report.Render(run);
                Report.RewriteReadme(readme, table);
                Console.WriteLine(table);
                Console.WriteLine($"Rewrote the table in {readme}.");
                return 0;
            }

            if (options.Verify)
            {
                return Verify(options);
            }

            if (Environment.GetEnvironmentVariable(ChildMarker) is string part)
            {
                var threads = EngineThreads.FromEnvironment() ?? throw new InvalidOperationException("a child runs with GEN_THREADS set.");
                var result = Measurements.Run(options, threads);
                IO.AtomicFile.WriteText(part, result.ToJsonString());
                return 0;
            }

            return RunChildren(options, args);
        }

        private static int Verify(Options options)
        {
            var failed = 0;
            foreach (var name in options.Models)
            {
                var spec = GenModels.Known[name];
                if (spec.CreatePeer is null)
                {
                    Console.WriteLine($"{name}: no hand-written peer");
                    continue;
                }

                var result = PeerCheck.Run(spec);
                Console.WriteLine(result.Describe());
                failed += result.Passed ? 0 : 1;
            }

            return failed == 0 ? 0 : 1;
        }

        /// <summary>
        /// OpenMP and OpenBLAS read their thread counts when the native libraries load, from the
        /// process environment, which Environment.SetEnvironmentVariable does not change on Linux:
        /// every thread count runs in a child started with them set.
        /// </summary>
        private static int RunChildren(Options options, string[] args)
        {
            var started = DateTime.UtcNow;
            var loadStart = Measurements.LoadAverage();
            var clock = Stopwatch.StartNew();
            var runs = new JsonArray();
            foreach (var threads in options.Threads)
            {
                var part = Path.Combine(Path.GetTempPath(), $"gen-bench-{Environment.ProcessId}-{threads}.json");
                try
                {
                    var exit = RunChild(args, threads, part);
                    if (exit != 0)
                    {
                        return exit;
                    }

                    runs.Add(JsonNode.Parse(File.ReadAllText(part)));
                }
                finally
                {
                    File.Delete(part);
                }
            }

            var run = new JsonObject
            {
                ["benchmark"] = "Gen.Bench",
                ["started"] = started.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1),
                ["machine"] = new JsonObject
                {
                    ["processors"] = Environment.ProcessorCount,
                    ["os"] = RuntimeInformation.OSDescription,
                    ["dotnet"] = Environment.Version.ToString(),
                    ["load_average_start"] = loadStart,
                    ["load_average_end"] = Measurements.LoadAverage(),
                },
                ["options"] = new JsonObject
                {
                    ["models"] = new JsonArray(options.Models.Select(m => (JsonNode?)m).ToArray()),
                    ["runs"] = options.Runs,
                    ["warmup"] = options.Warmup,
                    ["threads"] = new JsonArray(options.Threads.Select(t => (JsonNode?)t).ToArray()),
                    ["batches"] = new JsonArray(options.Batches.Select(b => (JsonNode?)b).ToArray()),
                    ["train_batch"] = options.TrainBatch,
                    ["gen_only"] = options.GenOnly,
                },
                ["runs"] = runs,
            };

            Console.WriteLine();
            Console.WriteLine(Report.Render(run));
            if (options.JsonPath is not null)
            {
                IO.AtomicFile.WriteText(options.JsonPath, run.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
                Console.WriteLine($"Wrote {options.JsonPath}; `--report {options.JsonPath}` puts its table into the README.");
            }

            return 0;
        }

        private static int RunChild(string[] args, int threads, string part)
        {
            var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
            var info = new ProcessStartInfo(self) { UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                info.ArgumentList.Add(typeof(Program).Assembly.Location);
            }

            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }

            foreach (var v in ThreadVariables)
            {
                info.Environment[v] = threads.ToString(CultureInfo.InvariantCulture);
            }

            info.Environment[ChildMarker] = part;
            using var child = Process.Start(info) ?? throw new InvalidOperationException("could not start a Gen.Bench child.");
            child.WaitForExit();
            return child.ExitCode;
        }
    }
}
