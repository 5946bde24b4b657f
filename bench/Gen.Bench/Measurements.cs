using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using TorchSharp;
using static TorchSharp.torch;

namespace Gen.Bench
{
    /// <summary>
    /// One thread count's measurements (a child process): every model's forward passes and training
    /// step on every side, alternating, and the peak resident memory of one training step per side.
    /// </summary>
    internal static class Measurements
    {
        public static JsonObject Run(Options options, int threads)
        {
            var loadStart = LoadAverage();
            EngineThreads.Apply(threads);
            var retain = EngineMemory.ApplyFromEnvironment(); // as gen does; Gen and the hand peer share this process
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

            var versions = new JsonObject
            {
                ["torchsharp"] = typeof(torch).Assembly.GetName().Version?.ToString(),
                ["libtorch"] = torch.__version__,
            };
            Console.WriteLine($"Gen.Bench: {string.Join(", ", options.Models)}; {options.Runs} timed run(s) after {options.Warmup} warm-up run(s) per measurement and side; threads {torch.get_num_threads()} (interop {torch.get_num_interop_threads()})");
            Console.WriteLine($"  load average: {loadStart} (other processes on the machine slow both sides and widen the spread; the min columns are the least disturbed runs)");
            Console.WriteLine($"  Gen     TorchSharp {versions["torchsharp"]}, libtorch {torch.__version__} (TorchSharp-cpu; BLAS inside libtorch_cpu); {string.Join(", ", Program.ThreadVariables.Select(v => $"{v}={Environment.GetEnvironmentVariable(v)}"))}; C allocator: {(retain ? "retains freed memory (GEN_MALLOC=retain, as gen)" : "glibc defaults")}; PyTorch: glibc defaults");

            PyTorchServer? python = null;
            if (!options.GenOnly)
            {
                python = new PyTorchServer(options.Python, options.Script ?? RepositoryFile.Find("bench/python/bench_models.py"), threads);
                var env = python.Environment;
                versions["pytorch"] = env.GetProperty("torch").GetString();
                versions["pytorch_blas"] = JsonNode.Parse(env.GetProperty("blas").GetRawText());
                versions["python"] = env.GetProperty("python").GetString();
                Console.WriteLine($"  PyTorch {env.GetProperty("torch").GetString()} (Debian's python3-torch: another libtorch version) BLAS: {string.Join(", ", env.GetProperty("blas").EnumerateArray().Select(e => e.GetString()))}; threads {env.GetProperty("threads").GetInt32()} (interop {env.GetProperty("interop_threads").GetInt32()})");
                if (env.GetProperty("threads").GetInt32() != torch.get_num_threads())
                {
                    Console.Error.WriteLine("Gen.Bench: warning: PyTorch runs with a different thread count.");
                }
            }

            Console.WriteLine();
            Console.WriteLine(Result.Header());
            var results = new JsonArray();
            var clock = Stopwatch.StartNew();
            try
            {
                foreach (var name in options.Models)
                {
                    foreach (var result in MeasureModel(GenModels.Known[name], options, threads, python))
                    {
                        Console.WriteLine($"{result.Row()}   [{clock.Elapsed.TotalSeconds:F0} s]");
                        results.Add(result.Json());
                    }
                }
            }
            finally
            {
                python?.Dispose();
            }

            Console.WriteLine($"  {clock.Elapsed.TotalSeconds:F0} s at {threads} thread(s); load average now: {LoadAverage()}.");
            return new JsonObject
            {
                ["threads"] = torch.get_num_threads(),
                ["interop_threads"] = torch.get_num_interop_threads(),
                ["gen_allocator"] = retain ? "retain" : "system",
                ["load_average_start"] = loadStart,
                ["load_average_end"] = LoadAverage(),
                ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1),
                ["versions"] = versions,
                ["environment"] = new JsonObject(Program.ThreadVariables.Select(v => KeyValuePair.Create(v, (JsonNode?)Environment.GetEnvironmentVariable(v)))),
                ["measurements"] = results,
            };
        }

        private static List<Result> MeasureModel(ModelSpec spec, Options options, int threads, PyTorchServer? python)
        {
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

                return measurements.Select(m => Measure(model, peer, spec, m.Item1, m.Item2, options, threads, python)).ToList();
            }
        }

        private static Result Measure(nn.Module<Tensor, Tensor> model, nn.Module<Tensor, Tensor>? peer, ModelSpec spec, string mode, int batch, Options options, int threads, PyTorchServer? python)
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

            var memory = new PeakMemory(null, null, null);
            if (mode == "train")
            {
                // One untimed step per side, after the warm-up, between a reset of the peak and its reading.
                memory = new PeakMemory(
                    StepMemory.Measure(() => run(model)),
                    python?.TrainMemory(spec.Name, batch),
                    peer is null ? null : StepMemory.Measure(() => run(peer)));
            }

            for (var round = 0; round < options.Runs; round++)
            {
                // The order rotates every round (Gen first, then PyTorch first, ...), so drifts of the machine hit every side alike.
                for (var k = 0; k < sides.Count; k++)
                {
                    sides[(round + k) % sides.Count]();
                }
            }

            return new Result(spec.Name, mode, batch, spec.Image, threads, genTimes, torchTimes, peerTimes, peer is null ? null : spec.PeerName, memory);
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

        /// <summary>/proc/loadavg's three load averages, or "unknown".</summary>
        public static string LoadAverage()
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
    }
}
