using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;

namespace Gen.Bench
{
    /// <summary>Command-line options of the benchmark, parsed with System.CommandLine (<see cref="BuildCommand"/>).</summary>
    internal sealed class Options
    {
        public const string Description = @"Gen.Bench: Gen's generated models against PyTorch and hand-written TorchSharp on this machine.

Times each model's forward pass (eval, no_grad) at batch 1 and 8 and one SGD training step
(lr 0.01, momentum 0.9, cross-entropy on fixed labels) at batch 8, in Gen (TorchSharp 0.107,
libtorch 2.10), in PyTorch 1.13.1 (Debian's python3-torch: another libtorch;
bench/python/bench_models.py --serve, run as a subprocess with /usr/bin/python3) and in the same
model written by hand in TorchSharp on the same libtorch (TorchVision 0.107's resnet50 for
resnet50, bench/Gen.Bench/Hand for the other families). The sides alternate run by run in this
one invocation (the order rotates every round), after warm-up runs on each side. Prints the
medians and the ratios Gen / PyTorch and Gen / hand-written (below 1: Gen is faster), and the peak
resident memory of one untimed training step per side (peak minus resident before).

Each timed training step is one step of a fresh SGD optimizer on both sides (bench_models.py
--serve builds its optimizer per request), with set-to-none gradients.

Examples:
  dotnet run -c Release --project bench/Gen.Bench -- --threads 1,2 --json results.json
  dotnet run -c Release --project bench/Gen.Bench -- --report results.json
  dotnet run -c Release --project bench/Gen.Bench -- --verify";

        public IReadOnlyList<string> Models { get; private init; } = GenModels.Default;

        public int Runs { get; private init; } = 7;

        public int Warmup { get; private init; } = 1;

        public IReadOnlyList<int> Threads { get; private init; } = Array.Empty<int>();

        public IReadOnlyList<int> Batches { get; private init; } = new[] { 1, 8 };

        public int TrainBatch { get; private init; } = 8;

        public string Python { get; private init; } = "/usr/bin/python3";

        public string? Script { get; private init; }

        public string? JsonPath { get; private init; }

        public bool GenOnly { get; private init; }

        public bool Verify { get; private init; }

        public string? ReportPath { get; private init; }

        public string? ReadmePath { get; private init; }

        /// <summary>The root command; its action receives the validated options.</summary>
        public static RootCommand BuildCommand(Func<Options, int> run)
        {
            var models = new Option<string>("--models")
            {
                Description = $"Comma-separated models (default {string.Join(",", GenModels.Default)}); known: {string.Join(", ", GenModels.Known.Keys)}.",
                HelpName = "LIST",
            };
            var runs = new Option<int?>("--runs") { Description = "Timed runs per measurement and side (default 7); the table shows medians and minima.", HelpName = "N" };
            var warmup = new Option<int?>("--warmup") { Description = "Untimed runs per measurement and side before the timed ones (default 1).", HelpName = "N" };
            var threads = new Option<string>("--threads")
            {
                Description = "Intra-op thread counts, comma-separated (default: GEN_THREADS, a positive integer, else all cores). "
                    + "Each count runs in its own child process with GEN_THREADS, OMP_NUM_THREADS and OPENBLAS_NUM_THREADS set to it "
                    + "(OpenMP reads them when the libraries load), as is the Python process; both sides call torch.set_num_threads(N).",
                HelpName = "LIST",
            };
            var batches = new Option<string>("--batches") { Description = "Forward batch sizes (default 1,8).", HelpName = "LIST" };
            var trainBatch = new Option<int?>("--train-batch") { Description = "Batch of the training step (default 8; 0 = no training step).", HelpName = "N" };
            var quick = new Option<bool>("--quick") { Description = "--runs 2 --warmup 1 (a smoke run; the ratios are noisier)." };
            var python = new Option<string>("--python") { Description = "The Python interpreter (default /usr/bin/python3: Debian's python3-torch).", HelpName = "PATH" };
            var script = new Option<string>("--script") { Description = "bench_models.py (default: found from the repository root).", HelpName = "PATH" };
            var json = new Option<string>("--json") { Description = "Also write the whole run as one JSON file: machine facts, versions, every measurement with all times.", HelpName = "PATH" };
            var genOnly = new Option<bool>("--gen-only") { Description = "Measure Gen only (no PyTorch subprocess, no hand-written peer, no ratios)." };
            var verify = new Option<bool>("--verify") { Description = "Do not measure: check that each model's hand-written peer is Gen's model (state-dict keys and shapes, strict load, eval outputs within 1e-4, parameter counts)." };
            var report = new Option<string>("--report")
            {
                Description = "Do not measure: render the table of a --json file and rewrite it between the bench-table markers of the README.",
                HelpName = "PATH",
            };
            var readme = new Option<string>("--readme") { Description = "The README that --report rewrites (default bench/Gen.Bench/README.md).", HelpName = "PATH" };
            var root = new RootCommand(Description)
            {
                models, runs, warmup, threads, batches, trainBatch, quick, python, script, json, genOnly, verify, report, readme,
            };
            root.SetAction(parse =>
            {
                var isQuick = parse.GetValue(quick);
                var options = new Options
                {
                    Models = parse.GetValue(models) is string m ? ModelList(m) : GenModels.Default,
                    Runs = parse.GetValue(runs) is int r ? Positive("--runs", r) : isQuick ? 2 : 7,
                    Warmup = parse.GetValue(warmup) is int w ? NonNegative("--warmup", w) : 1,
                    Threads = parse.GetValue(threads) is string t ? Ints("--threads", t, 1) : new[] { DefaultThreads() },
                    Batches = parse.GetValue(batches) is string b ? Ints("--batches", b, 1) : new[] { 1, 8 },
                    TrainBatch = parse.GetValue(trainBatch) is int tb ? NonNegative("--train-batch", tb) : 8,
                    Python = parse.GetValue(python) ?? "/usr/bin/python3",
                    Script = parse.GetValue(script),
                    JsonPath = parse.GetValue(json),
                    GenOnly = parse.GetValue(genOnly),
                    Verify = parse.GetValue(verify),
                    ReportPath = parse.GetValue(report),
                    ReadmePath = parse.GetValue(readme),
                };
                return run(options);
            });
            return root;
        }

        private static IReadOnlyList<string> ModelList(string text)
        {
            var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var name in names)
            {
                if (!GenModels.Known.ContainsKey(name))
                {
                    throw new ArgumentException($"unknown model '{name}'; known: {string.Join(", ", GenModels.Known.Keys)}.");
                }
            }

            return names.Length > 0 ? names : throw new ArgumentException("--models needs at least one model.");
        }

        // GEN_THREADS is validated where Gen's entry points read it: a bad value is a usage error here too.
        private static int DefaultThreads() => EngineThreads.FromEnvironment() ?? Environment.ProcessorCount;

        private static int[] Ints(string option, string text, int minimum)
        {
            var values = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= minimum ? n : throw new ArgumentException($"{option} needs comma-separated positive integers, not '{text}'."))
                .Distinct()
                .ToArray();
            return values.Length > 0 ? values : throw new ArgumentException($"{option} needs at least one value.");
        }

        private static int Positive(string option, int n) => n > 0 ? n : throw new ArgumentException($"{option} needs a positive integer, not {n}.");

        private static int NonNegative(string option, int n) => n >= 0 ? n : throw new ArgumentException($"{option} needs a non-negative integer, not {n}.");
    }
}
