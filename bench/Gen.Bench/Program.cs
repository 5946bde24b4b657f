using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace Gen.Bench
{
    /// <summary>
    /// The model benchmark: Gen against PyTorch 1.13.1 and against hand-written TorchSharp, same
    /// machine, same threads, alternating in one invocation. Not a test: it reports ratios. See
    /// <see cref="Options.Usage"/>.
    /// </summary>
    internal static class Program
    {
        /// <summary>The variables that set the thread count of libtorch's OpenMP pool and of OpenBLAS.</summary>
        internal static readonly string[] ThreadVariables = { "GEN_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS" };

        private const string ChildMarker = "GEN_BENCH_CHILD";

        public static int Main(string[] args)
        {
            Options options;
            try
            {
                options = Options.Parse(args);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine("Gen.Bench: " + e.Message);
                Console.Error.WriteLine("Run with --help for usage.");
                return 2;
            }

            if (options.Help)
            {
                Console.WriteLine(Options.Usage);
                return 0;
            }

            // OpenMP and OpenBLAS read their thread counts when the native libraries load, from the
            // process environment, which Environment.SetEnvironmentVariable does not change on Linux:
            // if they differ from --threads, run again as a child with them set.
            var threads = options.Threads.ToString(CultureInfo.InvariantCulture);
            if (ThreadVariables.Any(v => Environment.GetEnvironmentVariable(v) != threads))
            {
                if (Environment.GetEnvironmentVariable(ChildMarker) is not null)
                {
                    Console.Error.WriteLine("Gen.Bench: could not set the thread variables.");
                    return 2;
                }

                return RunAsChild(args, threads);
            }

            try
            {
                return Run(options);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
            {
                Console.Error.WriteLine("Gen.Bench: " + e.Message);
                return 1;
            }
        }

        private static int RunAsChild(string[] args, string threads)
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
                info.Environment[v] = threads;
            }

            info.Environment[ChildMarker] = "1";
            using var child = Process.Start(info) ?? throw new InvalidOperationException("could not restart Gen.Bench.");
            child.WaitForExit();
            return child.ExitCode;
        }

        private static int Run(Options options)
        {
            EngineThreads.Apply(options.Threads);
            try
            {
                torch.set_num_interop_threads(1);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // already fixed by earlier parallel work; bench_models.py tolerates the same
            }

            using (var a = randn(64, 64))
            using (var b = randn(64, 64))
            using (a.matmul(b))
            {
                // load the BLAS before reporting it
            }

            Console.WriteLine($"Gen.Bench: {string.Join(", ", options.Models)}; {options.Runs} timed run(s) after {options.Warmup} warm-up run(s) per measurement and side; threads {torch.get_num_threads()} (interop {torch.get_num_interop_threads()})");
            Console.WriteLine($"  load average: {LoadAverage()} (other processes on the machine slow both sides and widen the spread; the min columns are the least disturbed runs)");
            Console.WriteLine($"  Gen     TorchSharp {typeof(torch).Assembly.GetName().Version}, libtorch {torch.__version__} (TorchSharp-cpu; BLAS inside libtorch_cpu); {string.Join(", ", ThreadVariables.Select(v => $"{v}={Environment.GetEnvironmentVariable(v)}"))}");

            PyTorchServer? python = null;
            if (!options.GenOnly)
            {
                var script = options.Script ?? FindScript();
                python = new PyTorchServer(options.Python, script, options.Threads);
                var env = python.Environment;
                Console.WriteLine($"  PyTorch {env.GetProperty("torch").GetString()} (Debian's python3-torch: another libtorch version) BLAS: {string.Join(", ", env.GetProperty("blas").EnumerateArray().Select(e => e.GetString()))}; threads {env.GetProperty("threads").GetInt32()} (interop {env.GetProperty("interop_threads").GetInt32()})");
                if (env.GetProperty("threads").GetInt32() != torch.get_num_threads())
                {
                    Console.Error.WriteLine("Gen.Bench: warning: PyTorch runs with a different thread count.");
                }
            }

            Console.WriteLine();
            var results = new List<Result>();
            var clock = Stopwatch.StartNew();
            using var json = options.JsonPath is null ? null : new StreamWriter(options.JsonPath);
            try
            {
                foreach (var name in options.Models)
                {
                    var spec = GenModels.Known[name];
                    manual_seed(0);
                    nn.Module<Tensor, Tensor> model;
                    using (no_grad())
                    {
                        model = spec.Create();
                    }

                    nn.Module<Tensor, Tensor>? peer = null;
                    if (spec.CreatePeer is not null && !options.GenOnly)
                    {
                        manual_seed(0);
                        using (no_grad())
                        {
                            peer = spec.CreatePeer();
                        }
                    }

                    using (model)
                    using (peer)
                    {
                        var measurements = options.Batches.Select(b => ("forward", b)).ToList();
                        if (options.TrainBatch > 0)
                        {
                            measurements.Add(("train", options.TrainBatch));
                        }

                        foreach (var (mode, batch) in measurements)
                        {
                            var result = Measure(model, peer, spec, mode, batch, options, python);
                            results.Add(result);
                            Console.WriteLine($"  {result.Row()}   [{clock.Elapsed.TotalSeconds:F0} s]");
                            json?.WriteLine(result.Json());
                            json?.Flush();
                        }
                    }
                }
            }
            finally
            {
                python?.Dispose();
            }

            Console.WriteLine();
            Console.WriteLine($"Medians and minima in ms ({options.Threads} thread(s), {options.Runs} alternating run(s) per side after {options.Warmup} warm-up); ratios = Gen / other side, below 1 = Gen faster.");
            Console.WriteLine("PyTorch = the transcription on Debian's PyTorch 1.13.1 (another libtorch); hand = the same model hand-written in TorchSharp on Gen's libtorch 2.10:");
            Console.WriteLine();
            Console.WriteLine(Result.Header());
            foreach (var r in results)
            {
                Console.WriteLine(r.Row());
            }

            Console.WriteLine();
            Console.WriteLine($"Total {clock.Elapsed.TotalSeconds:F0} s; load average now: {LoadAverage()}.");
            return 0;
        }

        private static Result Measure(nn.Module<Tensor, Tensor> model, nn.Module<Tensor, Tensor>? peer, ModelSpec spec, string mode, int batch, Options options, PyTorchServer? python)
        {
            using var inputs = NewDisposeScope();
            var x = randn(batch, 3, spec.Image, spec.Image);
            var random = new Random(batch);
            var labels = tensor(Enumerable.Range(0, batch).Select(_ => (long)random.Next(spec.Classes)).ToArray());
            Func<nn.Module<Tensor, Tensor>, double> run = mode == "forward" ? m => Forward(m, x) : m => TrainStep(m, x, labels);

            var genTimes = new List<double>();
            var torchTimes = new List<double>();
            var peerTimes = new List<double>();
            var sides = new List<Action>
            {
                () => genTimes.Add(run(model)),
            };
            if (python is not null)
            {
                sides.Add(() => torchTimes.AddRange(python.Measure(spec.Name, mode, batch, runs: 1, warmup: 0)));
            }

            if (peer is not null)
            {
                sides.Add(() => peerTimes.Add(run(peer)));
            }

            for (var i = 0; i < options.Warmup; i++)
            {
                run(model);
                if (peer is not null)
                {
                    run(peer);
                }
            }

            if (python is not null && options.Warmup > 0)
            {
                python.Measure(spec.Name, mode, batch, runs: 1, warmup: options.Warmup - 1);
            }

            for (var round = 0; round < options.Runs; round++)
            {
                // The order rotates every round (Gen first, then PyTorch first, ...), so drifts of the machine hit every side alike.
                for (var k = 0; k < sides.Count; k++)
                {
                    sides[(round + k) % sides.Count]();
                }
            }

            return new Result(spec.Name, mode, batch, spec.Image, genTimes, torchTimes, peerTimes, peer is null ? null : spec.PeerName);
        }

        private static double Forward(nn.Module<Tensor, Tensor> model, Tensor x)
        {
            model.eval();
            using var guard = no_grad();
            var watch = Stopwatch.StartNew();
            using (var scope = NewDisposeScope())
            {
                model.call(x);
            }

            return watch.Elapsed.TotalMilliseconds;
        }

        private static double TrainStep(nn.Module<Tensor, Tensor> model, Tensor x, Tensor labels)
        {
            // A fresh optimizer per timed step, as bench_models.py --serve does per request.
            model.train();
            using var optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9);
            var watch = Stopwatch.StartNew();
            using (var scope = NewDisposeScope())
            {
                model.zero_grad(); // set_to_none, as PyTorch's zero_grad(set_to_none=True)
                var loss = nn.functional.cross_entropy(model.call(x), labels);
                loss.backward();
                optimizer.step();
            }

            var elapsed = watch.Elapsed.TotalMilliseconds;
            model.zero_grad();
            return elapsed;
        }

        private static string LoadAverage()
        {
            try
            {
                return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
            }
            catch (IOException)
            {
                return "unknown";
            }
        }

        private static string FindScript()
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, "bench", "python", "bench_models.py");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            var fromCwd = Path.Combine(Environment.CurrentDirectory, "bench", "python", "bench_models.py");
            return File.Exists(fromCwd) ? fromCwd : throw new InvalidOperationException("bench/python/bench_models.py not found; pass --script.");
        }
    }

    /// <summary>One measurement on every side.</summary>
    internal sealed record Result(string Model, string Mode, int Batch, int Image, IReadOnlyList<double> Gen, IReadOnlyList<double> Torch, IReadOnlyList<double> Peer, string? PeerName)
    {
        public double GenMedian => Median(Gen);

        public double TorchMedian => Median(Torch);

        public double PeerMedian => Median(Peer);

        public double Ratio => GenMedian / TorchMedian;

        public double PeerRatio => GenMedian / PeerMedian;

        public double GenMin => Gen.Min();

        public double TorchMin => Torch.Count == 0 ? double.NaN : Torch.Min();

        public double PeerMin => Peer.Count == 0 ? double.NaN : Peer.Min();

        public static string Header() =>
            $"{"model",-12} {"measurement",-11} {"Gen ms",9} {"PyTorch ms",10} {"Gen/PyTorch",11} {"hand ms",9} {"Gen/hand",8}   {"Gen min",9} {"PyTorch min",11} {"min ratio",9} {"hand min",9} {"min ratio",9}\n"
            + $"{new string('-', 12)} {new string('-', 11)} {new string('-', 9)} {new string('-', 10)} {new string('-', 11)} {new string('-', 9)} {new string('-', 8)}   {new string('-', 9)} {new string('-', 11)} {new string('-', 9)} {new string('-', 9)} {new string('-', 9)}";

        public string Row() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Model,-12} {Mode + " b" + Batch,-11} {GenMedian,9:F1} {Format(TorchMedian, "F1"),10} {Format(Ratio, "F3"),11} {Format(PeerMedian, "F1"),9} {Format(PeerRatio, "F3"),8}   {GenMin,9:F1} {Format(TorchMin, "F1"),11} {Format(GenMin / TorchMin, "F3"),9} {Format(PeerMin, "F1"),9} {Format(GenMin / PeerMin, "F3"),9}");

        private static string Format(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

        private static double? Json(double value) => double.IsNaN(value) ? null : value;

        public string Json() => JsonSerializer.Serialize(new
        {
            model = Model,
            mode = Mode,
            batch = Batch,
            image = Image,
            gen_median_ms = GenMedian,
            pytorch_median_ms = Json(TorchMedian),
            hand_median_ms = Json(PeerMedian),
            hand = PeerName,
            gen_min_ms = GenMin,
            pytorch_min_ms = Json(TorchMin),
            hand_min_ms = Json(PeerMin),
            ratio = Json(Ratio),
            hand_ratio = Json(PeerRatio),
            gen_ms = Gen,
            pytorch_ms = Torch,
            hand_ms = Peer,
        });

        private static double Median(IReadOnlyList<double> values)
        {
            if (values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}
