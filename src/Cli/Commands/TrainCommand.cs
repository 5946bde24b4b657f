using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Gen.Cli.Catalog;
using Gen.Cli.Output;
using Gen.Training;
using Spectre.Console;
using static TorchSharp.torch;

namespace Gen.Cli.Commands
{
    /// <summary><c>gen train</c>: trains a backbone on a data set, with checkpoints, a run record and curves.</summary>
    internal static class TrainCommand
    {
        public static Command Create()
        {
            var backbone = CommonOptions.Backbone();
            var data = CommonOptions.Data();
            var dataDir = CommonOptions.DataDir();
            var epochs = new Option<int>("--epochs") { Description = "Passes over the training set.", DefaultValueFactory = _ => 10 };
            var batch = new Option<int>("--batch") { Description = "Images per step.", DefaultValueFactory = _ => 128 };
            var lr = new Option<double>("--lr") { Description = "Peak learning rate (default 0.1 for sgd, 0.002 for adamw)." };
            var optimizer = new Option<OptimizerKind>("--optimizer") { Description = "sgd (Nesterov momentum) or adamw.", DefaultValueFactory = _ => OptimizerKind.Sgd };
            var schedule = new Option<ScheduleKind>("--schedule") { Description = "onecycle, cosine (with --warmup) or constant.", DefaultValueFactory = _ => ScheduleKind.OneCycle };
            var warmup = new Option<double>("--warmup") { Description = "Warm-up epochs of cosine and constant schedules.", DefaultValueFactory = _ => 1 };
            var weightDecay = new Option<double>("--weight-decay") { Description = "Weight decay.", DefaultValueFactory = _ => 5e-4 };
            var augment = new Option<string>("--augment") { Description = "flip-crop (random flip, 2-pixel shift), flip (random flip only) or none.", DefaultValueFactory = _ => AugmentName(AugmentKind.FlipCrop) };
            augment.AcceptOnlyFromAmong(AugmentNames.Keys.ToArray());
            var smoothing = new Option<double>("--label-smoothing") { Description = "Label smoothing of the loss.", DefaultValueFactory = _ => 0.1 };
            var seed = new Option<int>("--seed") { Description = "Seed of weights, order, augmentation and dropout: the same seed gives the same run.", DefaultValueFactory = _ => 0 };
            var threads = CommonOptions.Threads();
            var outDir = new Option<string>("--out") { Description = "Output folder for checkpoints, run records and plots.", DefaultValueFactory = _ => "runs/train" };
            var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its last checkpoint (optimizer and schedule included)." };
            var image = CommonOptions.Image();
            var classes = CommonOptions.Classes();
            var limit = CommonOptions.Limit();
            var stopAfter = new Option<int?>("--stop-after") { Description = "Stop cleanly after this epoch (the run can be continued with --resume)." };

            var command = new Command("train", "Train a backbone with live progress; validate after each epoch; keep the best and last checkpoints (safetensors, written atomically) with a JSON run record, and plot the curves.\n"
                + "Examples:\n  gen train FashionResNetNam --data fashion-mnist --epochs 8 --out runs/fm\n  gen train FashionResNetNam --out runs/fm --resume\n  gen train ResNet18Nam --optimizer adamw --lr 0.002 --epochs 3 --limit 5000")
            {
                backbone, data, dataDir, epochs, batch, lr, optimizer, schedule, warmup, weightDecay, augment, smoothing, seed, threads, outDir, resume, image, classes, limit, stopAfter,
            };
            command.SetAction(parse =>
            {
                var info = ModelCatalog.Find(parse.GetValue(backbone)!);
                var optimizerKind = parse.GetValue(optimizer);
                var options = new TrainingOptions
                {
                    Epochs = Positive(parse.GetValue(epochs), "--epochs"),
                    BatchSize = Positive(parse.GetValue(batch), "--batch"),
                    LearningRate = parse.GetResult(lr) is null ? (optimizerKind == OptimizerKind.AdamW ? 0.002 : 0.1) : PositiveReal(parse.GetValue(lr), "--lr"),
                    Optimizer = optimizerKind,
                    Schedule = parse.GetValue(schedule),
                    WarmupEpochs = NonNegative(parse.GetValue(warmup), "--warmup"),
                    WeightDecay = NonNegative(parse.GetValue(weightDecay), "--weight-decay"),
                    Augment = AugmentNames[parse.GetValue(augment)!],
                    LabelSmoothing = parse.GetValue(smoothing) is var ls and >= 0 and < 1 ? ls : throw new UsageException("--label-smoothing must be in [0, 1)."),
                    Seed = parse.GetValue(seed),
                };
                return Run(info, options, parse.GetValue(data)!, parse.GetValue(dataDir), parse.GetValue(outDir)!, parse.GetValue(resume),
                    parse.GetValue(threads), parse.GetValue(classes), CommonOptions.ImageSize(parse.GetValue(image)), parse.GetValue(limit), parse.GetValue(stopAfter), parse.InvocationConfiguration.Output);
            });
            return command;
        }

        private static int Run(BackboneInfo info, TrainingOptions options, string dataName, string? dataDir, string outDir, bool resume, int? threads, int? classes, (int, int)? image, int? limit, int? stopAfter, TextWriter output)
        {
            int threadCount = CommonOptions.ApplyThreads(threads);
            var console = Consoles.For(output);
            TrainingState state = TrainingState.Start;
            double previousSeconds = 0;
            var directory = Path.GetFullPath(outDir);
            JsonObject? previous = null;
            if (resume)
            {
                var last = Path.Combine(directory, "last.json");
                if (!File.Exists(last))
                {
                    throw new UsageException($"--resume: {last} does not exist; nothing to resume.");
                }

                previous = RunStore.ReadRecord(last);
                var recorded = previous["options"].Deserialize<TrainingOptions>(RunStore.Json)!;
                if (recorded != options)
                {
                    throw new UsageException($"--resume: the options differ from the run's ({Describe(recorded)}); pass the same ones.");
                }

                if (!string.Equals((string?)previous["backbone"]?["name"], info.Name, StringComparison.Ordinal))
                {
                    throw new UsageException($"--resume: the run in {directory} trained {(string?)previous["backbone"]?["name"]}, not {info.Name}.");
                }

                state = RunStore.StateOf(previous);
                previousSeconds = (double?)previous["durationSeconds"] ?? 0;
            }

            using var train = DataSets.Load(dataName, true, dataDir, limit);
            using var validation = DataSets.Load(dataName, false, dataDir, limit);
            var fit = ModelFit.For(info, train, classes, image);
            var (mean, std) = InputPipeline.Statistics(train);
            var input = fit.Pipeline(mean, std);

            manual_seed(options.Seed);
            using var model = fit.Create();
            var header = RunRecords.Header(info, fit, options, train, validation, threadCount, input);
            RunStore store;
            try
            {
                store = new RunStore(directory, header, previousSeconds);
            }
            catch (IOException e)
            {
                throw new RunFailedException(e.Message + " Nothing was trained.", e);
            }

            using var trainer = new Trainer(model, options, input);
            if (resume)
            {
                LoadLast(model, trainer, directory);
            }

            console.MarkupLineInterpolated($"[bold]gen train[/] {info.Name} ({CommonOptions.Number(model.parameters().Sum(p => p.numel()))} parameters) on {train.Description}: {train.Count:N0} training and {validation.Count:N0} validation images at {fit.Channels}x{fit.Height}x{fit.Width}, {threadCount} threads");
            foreach (var note in fit.Notes)
            {
                console.MarkupLineInterpolated($"  note: {note}");
            }

            console.MarkupLineInterpolated($"  {Describe(options)}; writing to {directory}{(resume ? $"; resuming after epoch {state.CompletedEpochs}" : string.Empty)}");
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                var (status, final, message) = TrainingProgressView.Run(console, options, state, (onStep, onEpoch) =>
                    trainer.Run(train, validation, state, store, onStep, metrics =>
                    {
                        onEpoch(metrics);
                        if (metrics.Epoch >= stopAfter)
                        {
                            cancel.Cancel();
                        }
                    }, cancel.Token));
                store.Finish(final, status, message);
                if (final.CompletedEpochs > 0)
                {
                    Plots.TrainingCurves(final.History, info.Name, store.PathOf("curves.png"));
                }

                TrainingProgressView.Summary(console, final, store);
                switch (status)
                {
                    case TrainingStatus.Completed:
                        return Program.Success;
                    case TrainingStatus.Interrupted:
                        console.MarkupLineInterpolated($"[yellow]{message}[/]; continue with --resume.");
                        // --stop-after asked for this stop; Ctrl+C did not finish the run.
                        return final.CompletedEpochs >= stopAfter ? Program.Success : Program.Failed;
                    default:
                        throw new RunFailedException(message ?? "training diverged");
                }
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        }

        private static void LoadLast(nn.Module<Tensor, Tensor> model, Trainer trainer, string directory)
        {
            try
            {
                Safetensors.Load(model, Path.Combine(directory, "last.safetensors"), strict: true);
                RunStore.LoadOptimizer(trainer.Optimizer, directory);
            }
            catch (Exception e) when (e is SafetensorsException or IOException or InvalidDataException)
            {
                throw new RunFailedException($"--resume: the last checkpoint in {directory} cannot be loaded: {e.Message}", e);
            }
        }

        internal static string Describe(TrainingOptions o) => FormattableString.Invariant(
            $"{o.Epochs} epochs, batch {o.BatchSize}, {o.Optimizer.ToString().ToLowerInvariant()} lr {o.LearningRate:G4} ({o.Schedule.ToString().ToLowerInvariant()}), weight decay {o.WeightDecay:G3}, augment {AugmentName(o.Augment)}, label smoothing {o.LabelSmoothing:G3}, seed {o.Seed}");

        /// <summary>The command line's name of each augmentation (the one place they are spelled).</summary>
        private static readonly IReadOnlyDictionary<string, AugmentKind> AugmentNames = new Dictionary<string, AugmentKind>(StringComparer.Ordinal)
        {
            ["flip-crop"] = AugmentKind.FlipCrop,
            ["flip"] = AugmentKind.Flip,
            ["none"] = AugmentKind.None,
        };

        private static string AugmentName(AugmentKind kind) => AugmentNames.First(pair => pair.Value == kind).Key;

        private static int Positive(int value, string name) => value > 0 ? value : throw new UsageException($"{name} must be positive, not {value}.");

        private static double PositiveReal(double value, string name) => value > 0 && double.IsFinite(value) ? value : throw new UsageException($"{name} must be positive, not {value}.");

        private static double NonNegative(double value, string name) => value >= 0 && double.IsFinite(value) ? value : throw new UsageException($"{name} must not be negative, not {value}.");
    }
}
