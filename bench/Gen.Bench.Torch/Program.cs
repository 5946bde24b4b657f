using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Gen.Bench.Torch
{
    /// <summary>
    /// ResNet-50 on the bridge against the same network in PyTorch (bench/python/resnet50_bridge_bench.py, run
    /// as a subprocess with Debian's /usr/bin/python3), same thread count, alternating single measurements after a
    /// warm-up; prints medians and the ratio bridge / PyTorch for an eval forward and for one SGD training step.
    ///
    ///   dotnet run -c Release --project bench/Gen.Bench.Torch -- [--threads N] [--batch 8] [--image 224] [--runs 5] [--warmup 2]
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var opt = Options.Parse(args);
            torch.set_num_threads(opt.Threads);
            Console.WriteLine($"ResNet-50, batch {opt.Batch}, {opt.Image}x{opt.Image}, {opt.Threads} threads, {opt.Runs} alternating runs after {opt.Warmup} warm-up runs");
            Console.WriteLine($"BLAS behind libblas.so.3: {BlasProvider()}");

            using var py = PyTorch.Start(opt);
            Console.WriteLine($"PyTorch: {py.Banner}");

            torch.manual_seed(0);
            using var model = new ResNet50(1000);
            var parameters = model.parameters().ToList();
            long count = parameters.Sum(p => p.numel());
            Console.WriteLine($"bridge: {count} parameters");
            var sgd = optim.SGD(parameters, learningRate: 0.01, momentum: 0.9, weight_decay: 1e-4);
            using var x = torch.randn(opt.Batch, 3, opt.Image, opt.Image);
            using var y = torch.tensor(Enumerable.Range(0, opt.Batch).Select(i => (long)(i * 37 % 1000)).ToArray());

            double BridgeForward()
            {
                model.eval();
                using var scope = NewDisposeScope();
                using var guard = no_grad();
                var sw = Stopwatch.StartNew();
                var output = model.call(x);
                sw.Stop();
                return sw.Elapsed.TotalSeconds;
            }

            double BridgeTrain()
            {
                model.train();
                using var scope = NewDisposeScope();
                var sw = Stopwatch.StartNew();
                sgd.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(x), y);
                loss.backward();
                sgd.step();
                sw.Stop();
                return sw.Elapsed.TotalSeconds;
            }

            for (int i = 0; i < opt.Warmup; i++)
            {
                BridgeForward(); py.Time("forward");
                BridgeTrain(); py.Time("train");
            }
            var results = new Dictionary<string, (List<double> bridge, List<double> pytorch)>
            {
                ["forward"] = (new(), new()),
                ["train step"] = (new(), new()),
            };
            for (int i = 0; i < opt.Runs; i++)
            {
                // alternate the order too, so neither side always runs right after the other's cache pollution
                if (i % 2 == 0)
                {
                    results["forward"].bridge.Add(BridgeForward());
                    results["forward"].pytorch.Add(py.Time("forward"));
                    results["train step"].bridge.Add(BridgeTrain());
                    results["train step"].pytorch.Add(py.Time("train"));
                }
                else
                {
                    results["forward"].pytorch.Add(py.Time("forward"));
                    results["forward"].bridge.Add(BridgeForward());
                    results["train step"].pytorch.Add(py.Time("train"));
                    results["train step"].bridge.Add(BridgeTrain());
                }
                Console.WriteLine($"run {i + 1}: forward {Ms(results["forward"].bridge[^1])} / {Ms(results["forward"].pytorch[^1])}, " +
                                  $"train {Ms(results["train step"].bridge[^1])} / {Ms(results["train step"].pytorch[^1])} (bridge / PyTorch)");
            }

            Console.WriteLine();
            Console.WriteLine($"{"",-12}{"bridge",12}{"PyTorch",12}{"ratio",10}   (medians of {opt.Runs}; ratio bridge / PyTorch)");
            foreach (var (name, (bridge, pytorch)) in results)
            {
                double b = Median(bridge), p = Median(pytorch);
                Console.WriteLine($"{name,-12}{Ms(b),12}{Ms(p),12}{b / p,10:F3}");
            }
            // the fastest run of each side: less sensitive to other load on a shared machine
            Console.WriteLine($"{"",-12}{"bridge",12}{"PyTorch",12}{"ratio",10}   (fastest of {opt.Runs})");
            foreach (var (name, (bridge, pytorch)) in results)
            {
                double b = bridge.Min(), p = pytorch.Min();
                Console.WriteLine($"{name,-12}{Ms(b),12}{Ms(p),12}{b / p,10:F3}");
            }
            return 0;
        }

        private static string Ms(double seconds) => (seconds * 1000).ToString("F1", CultureInfo.InvariantCulture) + " ms";

        private static double Median(List<double> v)
        {
            var s = v.OrderBy(t => t).ToList();
            return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
        }

        private static string BlasProvider()
        {
            const string link = "/etc/alternatives/libblas.so.3-x86_64-linux-gnu";
            try { return File.Exists(link) ? new FileInfo(link).ResolveLinkTarget(true)?.FullName ?? link : "unknown"; }
            catch (IOException) { return "unknown"; }
        }
    }

    internal sealed record Options(int Threads, int Batch, int Image, int Runs, int Warmup, string Python, string Script)
    {
        public static Options Parse(string[] args)
        {
            var env = Environment.GetEnvironmentVariable("GEN_THREADS");
            int threads = int.TryParse(env, out var t) && t > 0 ? t : Environment.ProcessorCount;
            int batch = 8, image = 224, runs = 5, warmup = 2;
            string python = "/usr/bin/python3", script = FindScript();
            for (int i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--threads": threads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--batch": batch = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--image": image = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--python": python = Next(); break;
                    case "--script": script = Next(); break;
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }
            return new Options(threads, batch, image, runs, warmup, python, script);
        }

        private static string FindScript()
        {
            foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
                for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
                {
                    var p = Path.Combine(d.FullName, "bench", "python", "resnet50_bridge_bench.py");
                    if (File.Exists(p)) return p;
                }
            return "bench/python/resnet50_bridge_bench.py";
        }
    }

    /// <summary>The PyTorch process: one command per line in, one timing per line out.</summary>
    internal sealed class PyTorch : IDisposable
    {
        private readonly Process process;

        private PyTorch(Process process, string banner) { this.process = process; Banner = banner; }

        public string Banner { get; }

        public static PyTorch Start(Options opt)
        {
            var psi = new ProcessStartInfo(opt.Python)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { opt.Script, "--threads", opt.Threads.ToString(CultureInfo.InvariantCulture), "--batch", opt.Batch.ToString(CultureInfo.InvariantCulture), "--image", opt.Image.ToString(CultureInfo.InvariantCulture) })
                psi.ArgumentList.Add(a);
            // same libtorch threading on both sides: the thread count is passed, nothing else may differ
            psi.Environment["OMP_NUM_THREADS"] = opt.Threads.ToString(CultureInfo.InvariantCulture);
            var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {opt.Python}");
            var banner = p.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the PyTorch process exited before it was ready");
            if (!banner.StartsWith("ready ", StringComparison.Ordinal)) throw new InvalidOperationException($"PyTorch process: {banner}");
            var parts = banner.Split(' ');
            return new PyTorch(p, $"{parts[1]} parameters, BLAS_INFO={parts[2]}, {parts[3]} threads");
        }

        public double Time(string command)
        {
            process.StandardInput.WriteLine(command);
            process.StandardInput.Flush();
            var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the PyTorch process exited");
            return double.Parse(line, CultureInfo.InvariantCulture);
        }

        public void Dispose()
        {
            try
            {
                process.StandardInput.WriteLine("quit");
                process.StandardInput.Flush();
                if (!process.WaitForExit(10_000)) process.Kill();
            }
            catch (IOException) { }
            process.Dispose();
        }
    }
}
