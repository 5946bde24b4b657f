using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Gen.Bench
{
    /// <summary>Command-line options of the benchmark.</summary>
    internal sealed class Options
    {
        public const string Usage = @"Gen.Bench: Gen's generated models against PyTorch and hand-written TorchSharp on this machine.

Times each model's forward pass (eval, no_grad) at batch 1 and 8 and one SGD training step
(lr 0.01, momentum 0.9, cross-entropy on fixed labels) at batch 8, in Gen (TorchSharp 0.107,
libtorch 2.10), in PyTorch 1.13.1 (Debian's python3-torch: another libtorch;
bench/python/bench_models.py --serve, run as a subprocess with /usr/bin/python3) and, where one
exists, in the same model written by hand in TorchSharp on the same libtorch (TorchVision 0.107's
resnet50 for resnet50). The sides alternate run by run in this one invocation (the order rotates
every round), after warm-up runs on each side. Prints the medians and the ratios Gen / PyTorch and
Gen / hand-written (below 1: Gen is faster).

Usage: dotnet run -c Release --project bench/Gen.Bench -- [options]

Options:
  --models LIST     comma-separated (default cotnet50,resnet50nam,epsanet50,coatnet0); known:
                    cotnet50, cotnet101, resnet50nam, resnet18nam, epsanet50, epsanet101,
                    coatnet0..coatnet4, resnet50
  --runs N          timed runs per measurement and side (default 7); the table shows
                    medians and minima
  --warmup N        untimed runs per measurement and side before the timed ones (default 1)
  --threads N       intra-op threads on every side (default: GEN_THREADS, a positive integer,
                    else all cores). The benchmark sets GEN_THREADS, OMP_NUM_THREADS and
                    OPENBLAS_NUM_THREADS to N for itself (restarting itself if they differ) and for
                    the Python process, and calls torch.set_num_threads(N) on both sides
  --batches LIST    forward batch sizes (default 1,8)
  --train-batch N   batch of the training step (default 8; 0 = no training step)
  --quick           --runs 2 --warmup 1 (a smoke run; the ratios are noisier)
  --python PATH     the Python interpreter (default /usr/bin/python3: Debian's python3-torch)
  --script PATH     bench_models.py (default: found from the repository root)
  --json PATH       also write every measurement as JSON lines to PATH
  --gen-only        measure Gen only (no PyTorch subprocess, no ratios)
  -h, --help        this text

Each timed training step is one step of a fresh SGD optimizer on both sides (bench_models.py
--serve builds its optimizer per request), with set-to-none gradients.";

        public IReadOnlyList<string> Models { get; private set; } = new[] { "cotnet50", "resnet50nam", "epsanet50", "coatnet0" };

        public int Runs { get; private set; } = 7;

        public int Warmup { get; private set; } = 1;

        public int Threads { get; private set; }

        public IReadOnlyList<int> Batches { get; private set; } = new[] { 1, 8 };

        public int TrainBatch { get; private set; } = 8;

        public string Python { get; private set; } = "/usr/bin/python3";

        public string? Script { get; private set; }

        public string? JsonPath { get; private set; }

        public bool GenOnly { get; private set; }

        public bool Help { get; private set; }

        public static Options Parse(string[] args)
        {
            var o = new Options { Threads = DefaultThreads() };
            for (var i = 0; i < args.Length; i++)
            {
                var arg = args[i];
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
                switch (arg)
                {
                    case "-h":
                    case "--help":
                        o.Help = true;
                        break;
                    case "--models":
                        o.Models = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                        foreach (var m in o.Models)
                        {
                            if (!GenModels.Known.ContainsKey(m))
                            {
                                throw new ArgumentException($"unknown model '{m}'; known: {string.Join(", ", GenModels.Known.Keys)}.");
                            }
                        }

                        break;
                    case "--runs":
                        o.Runs = Positive(arg, Value());
                        break;
                    case "--warmup":
                        o.Warmup = NonNegative(arg, Value());
                        break;
                    case "--threads":
                        o.Threads = Positive(arg, Value());
                        break;
                    case "--batches":
                        o.Batches = Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(b => Positive(arg, b)).ToList();
                        break;
                    case "--train-batch":
                        o.TrainBatch = NonNegative(arg, Value());
                        break;
                    case "--quick":
                        o.Runs = 2;
                        o.Warmup = 1;
                        break;
                    case "--python":
                        o.Python = Value();
                        break;
                    case "--script":
                        o.Script = Value();
                        break;
                    case "--json":
                        o.JsonPath = Value();
                        break;
                    case "--gen-only":
                        o.GenOnly = true;
                        break;
                    default:
                        throw new ArgumentException($"unknown option '{arg}' (see --help).");
                }
            }

            return o;
        }

        // GEN_THREADS is validated where Gen's entry points read it: a bad value is a usage error here too.
        private static int DefaultThreads() => EngineThreads.FromEnvironment() ?? Environment.ProcessorCount;

        private static int Positive(string option, string text) =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{option} needs a positive integer, not '{text}'.");

        private static int NonNegative(string option, string text) =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new ArgumentException($"{option} needs a non-negative integer, not '{text}'.");
    }
}
