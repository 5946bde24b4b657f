using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Gen.Cli.Catalog;
using Gen.Cli.Output;
using Gen.Training;
using Spectre.Console;
using static TorchSharp.torch;

namespace Gen.Cli.Commands
{
    /// <summary><c>gen bench</c>: forward and training-step throughput of a backbone (timm's benchmark.py).</summary>
    internal static class BenchCommand
    {
        public static Command Create()
        {
            var backbone = CommonOptions.Backbone();
            var batches = new Option<string>("--batch") { Description = "Comma-separated batch sizes.", DefaultValueFactory = _ => "1,8" };
            var threads = CommonOptions.Threads();
            var runs = new Option<int>("--runs") { Description = "Timed runs per measurement (the median is reported).", DefaultValueFactory = _ => 5 };
            var warmup = new Option<int>("--warmup") { Description = "Untimed runs first.", DefaultValueFactory = _ => 1 };
            var image = CommonOptions.Image();
            var noTrain = new Option<bool>("--no-train") { Description = "Measure the forward pass only." };
            var foldBn = CommonOptions.FoldBatchNorm();
            var json = CommonOptions.Json();
            var command = new Command("bench", "Measure a backbone's forward pass (eval, no gradients) and training step (SGD) in images per second, medians of --runs, and the peak resident memory.\n"
                + "With --fold-bn the forward pass runs on the folded model and no training step is measured (a folded model cannot train).\n"
                + "Examples:\n  gen bench ResNet50 --batch 1,8 --threads 2\n  gen bench CoAtNet0 --batch 8 --runs 3 --json\n  gen bench ResNet50 --batch 8 --fold-bn")
            {
                backbone, batches, threads, runs, warmup, image, noTrain, foldBn, json,
            };
            command.SetAction(parse =>
            {
                var info = ModelCatalog.Find(parse.GetValue(backbone)!);
                int threadCount = CommonOptions.ApplyThreads(parse.GetValue(threads));
                var sizes = ParseBatches(parse.GetValue(batches)!);
                int runCount = parse.GetValue(runs) is var r and > 0 ? r : throw new UsageException("--runs must be positive.");
                int warmupCount = parse.GetValue(warmup) is var w and >= 0 ? w : throw new UsageException("--warmup must not be negative.");
                var size = CommonOptions.ImageSize(parse.GetValue(image));
                var (height, width) = ModelFit.InputSize(info, size);
                long classes = info.HasHead ? info.Classes : 0;
                manual_seed(0);
                using var model = info.Create(Math.Max(1, classes));
                bool fold = parse.GetValue(foldBn);
                int folded = CommonOptions.ApplyFoldBatchNorm(model, fold);
                var results = new List<JsonObject>();
                foreach (var batch in sizes)
                {
                    results.Add(Measure("forward", batch, runCount, warmupCount, () => Forward(model, batch, info.InChannels, height, width)));
                    if (!parse.GetValue(noTrain) && !fold && info.HasHead)
                    {
                        results.Add(Measure("train", batch, runCount, warmupCount, () => TrainStep(model, batch, info.InChannels, height, width, classes)));
                    }
                }

                long peak = ProcessMemory.PeakResidentBytes() ?? 0;
                var output = parse.InvocationConfiguration.Output;
                if (parse.GetValue(json))
                {
                    output.WriteLine(new JsonObject
                    {
                        ["backbone"] = info.Name,
                        ["input"] = new JsonArray(info.InChannels, height, width),
                        ["threads"] = threadCount,
                        ["runs"] = runCount,
                        ["foldedBatchNorms"] = folded,
                        ["peakResidentBytes"] = peak,
                        ["versions"] = RunRecords.Versions(),
                        ["measurements"] = new JsonArray(results.Select(x => (JsonNode)x).ToArray()),
                    }.ToJsonString(RunStore.Json));
                    return Program.Success;
                }

                var console = Consoles.For(output);
                var table = new Table().Border(TableBorder.Rounded).Title($"{info.Name} at {info.InChannels}x{height}x{width}, {threadCount} threads, median of {runCount}" + (fold ? $", {folded} batch norms folded" : string.Empty));
                table.AddColumn("measurement").AddColumn(new TableColumn("batch").RightAligned()).AddColumn(new TableColumn("ms").RightAligned()).AddColumn(new TableColumn("images/s").RightAligned());
                foreach (var x in results)
                {
                    table.AddRow((string)x["mode"]!, ((int)x["batch"]!).ToString(System.Globalization.CultureInfo.InvariantCulture), ((double)x["medianMs"]!).ToString("F1", System.Globalization.CultureInfo.InvariantCulture), ((double)x["imagesPerSecond"]!).ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
                }

                console.Write(table);
                console.WriteLine(FormattableString.Invariant($"peak resident memory: {peak / (1024.0 * 1024.0):F0} MiB"));
                return Program.Success;
            });
            return command;
        }

        private static int[] ParseBatches(string text)
        {
            var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var sizes = parts.Select(p => int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 0).ToArray();
            return sizes.Length > 0 && sizes.All(n => n > 0) ? sizes : throw new UsageException($"--batch needs comma-separated positive integers, not '{text}'.");
        }

        private static JsonObject Measure(string mode, int batch, int runs, int warmup, Func<double> once)
        {
            for (int i = 0; i < warmup; i++)
            {
                once();
            }

            var times = Enumerable.Range(0, runs).Select(_ => once()).OrderBy(t => t).ToArray();
            double median = times.Length % 2 == 1 ? times[times.Length / 2] : (times[(times.Length / 2) - 1] + times[times.Length / 2]) / 2;
            return new JsonObject
            {
                ["mode"] = mode,
                ["batch"] = batch,
                ["medianMs"] = Math.Round(median, 2),
                ["minMs"] = Math.Round(times[0], 2),
                ["imagesPerSecond"] = Math.Round(batch * 1000 / median, 2),
            };
        }

        private static double Forward(nn.Module<Tensor, Tensor> model, int batch, int channels, int height, int width)
        {
            model.eval();
            using var scope = NewDisposeScope();
            using var guard = no_grad();
            var x = randn(batch, channels, height, width);
            var clock = Stopwatch.StartNew();
            model.call(x);
            return clock.Elapsed.TotalMilliseconds;
        }

        private static double TrainStep(nn.Module<Tensor, Tensor> model, int batch, int channels, int height, int width, long classes)
        {
            model.train();
            using var scope = NewDisposeScope();
            using var optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9);
            var x = randn(batch, channels, height, width);
            var y = randint(0, classes, new long[] { batch });
            var clock = Stopwatch.StartNew();
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.call(x), y).backward();
            optimizer.step();
            double elapsed = clock.Elapsed.TotalMilliseconds;
            model.zero_grad();
            return elapsed;
        }
    }
}
