using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Gen.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gen.Training
{
    /// <summary>
    /// A supervised image-classification loop: shuffled batches, augmentation, cross-entropy with
    /// label smoothing, SGD or AdamW with a step-wise schedule, validation after each epoch, and a
    /// checkpoint (<see cref="RunStore"/>) after each epoch. Every random draw comes from streams
    /// seeded by (seed, epoch), and the schedule is a function of the step, so a run resumed from a
    /// checkpoint repeats the uninterrupted run exactly.
    /// </summary>
    public sealed class Trainer : IDisposable
    {
        private readonly nn.Module<Tensor, Tensor> model;
        private readonly TrainingOptions options;
        private readonly InputPipeline input;
        private readonly OptimizerHelper optimizer;

        /// <summary>Creates the trainer and its optimizer over <paramref name="model"/>'s parameters.</summary>
        public Trainer(nn.Module<Tensor, Tensor> model, TrainingOptions options, InputPipeline input)
        {
            if (options.Epochs <= 0 || options.BatchSize <= 0 || options.LearningRate <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "epochs, batch size and learning rate must be positive.");
            }

            this.model = model;
            this.options = options;
            this.input = input;
            optimizer = options.Optimizer == OptimizerKind.AdamW
                ? optim.AdamW(model.parameters(), options.LearningRate, beta1: options.Momentum, weight_decay: options.WeightDecay)
                : optim.SGD(model.parameters(), options.LearningRate, momentum: options.Momentum, weight_decay: options.WeightDecay, nesterov: true);
        }

        /// <summary>The optimizer (its state travels in checkpoints).</summary>
        public OptimizerHelper Optimizer => optimizer;

        /// <summary>
        /// Trains from <paramref name="state"/> (use <see cref="TrainingState.Start"/> for a new run)
        /// to the last epoch, or until <paramref name="cancel"/> fires or the loss diverges.
        /// </summary>
        public (TrainingStatus Status, TrainingState State, string? Message) Run(
            LabelledImages train,
            LabelledImages validation,
            TrainingState state,
            RunStore? store,
            Action<StepProgress>? onStep = null,
            Action<EpochMetrics>? onEpoch = null,
            CancellationToken cancel = default)
        {
            long n = train.Count;
            long stepsPerEpoch = (n + options.BatchSize - 1) / options.BatchSize;
            long totalSteps = stepsPerEpoch * options.Epochs;
            long warmupSteps = (long)Math.Round(options.WarmupEpochs * stepsPerEpoch);
            var history = state.History.ToList();
            long step = state.Steps;

            for (int epoch = state.CompletedEpochs + 1; epoch <= options.Epochs; epoch++)
            {
                var clock = Stopwatch.StartNew();
                // Dropout and drop-path draw from the global generator; shuffling and augmentation from their own.
                manual_seed(Seed(options.Seed, epoch, 1));
                using var generator = new Generator((ulong)Seed(options.Seed, epoch, 2));
                using var order = randperm(n, generator: generator);
                model.train();
                double lossSum = 0, lr = 0;
                long correct = 0, seen = 0;
                for (long s = 0; s < stepsPerEpoch; s++)
                {
                    if (cancel.IsCancellationRequested)
                    {
                        return (TrainingStatus.Interrupted, state, $"interrupted in epoch {epoch}; the checkpoint of epoch {state.CompletedEpochs} stands");
                    }

                    using var scope = NewDisposeScope();
                    long count = Math.Min(options.BatchSize, n - (s * options.BatchSize));
                    var index = order.narrow(0, s * options.BatchSize, count);
                    var x = input.Prepare(train.Images.index_select(0, index));
                    x = InputPipeline.Augment(x, options.Augment, generator);

                    var y = train.Labels.index_select(0, index);
                    lr = LearningRateSchedule.At(options.Schedule, options.LearningRate, step, totalSteps, warmupSteps);
                    foreach (var group in optimizer.ParamGroups)
                    {
                        group.LearningRate = lr;
                    }

                    optimizer.zero_grad();
                    var logits = model.call(x);
                    var loss = nn.functional.cross_entropy(logits, y, label_smoothing: options.LabelSmoothing);
                    double value = loss.item<float>();
                    if (!double.IsFinite(value))
                    {
                        return (TrainingStatus.Diverged, state, $"the loss became {value} at epoch {epoch}, step {s + 1}; the checkpoint of epoch {state.CompletedEpochs} stands (try a lower --lr)");
                    }

                    loss.backward();
                    optimizer.step();
                    step++;
                    lossSum += value * count;
                    correct += logits.argmax(1).eq(y).sum().item<long>();
                    seen += count;
                    onStep?.Invoke(new StepProgress(epoch, s + 1, stepsPerEpoch, lossSum / seen, (double)correct / seen, seen / clock.Elapsed.TotalSeconds, lr));
                }

                double trainSeconds = clock.Elapsed.TotalSeconds;
                var result = Evaluator.Evaluate(model, validation, input);
                var metrics = new EpochMetrics(epoch, lossSum / seen, (double)correct / seen, result.Loss, result.Accuracy, lr, clock.Elapsed.TotalSeconds, seen / trainSeconds);
                history.Add(metrics);
                bool best = state.BestEpoch == 0 || result.Accuracy > state.BestAccuracy;
                state = new TrainingState(epoch, step, best ? epoch : state.BestEpoch, best ? result.Accuracy : state.BestAccuracy, history.ToArray());
                store?.SaveEpoch(model, optimizer, state, best);
                onEpoch?.Invoke(metrics);
            }

            return (TrainingStatus.Completed, state, null);
        }

        /// <inheritdoc />
        public void Dispose() => optimizer.Dispose();

        private static long Seed(int seed, int epoch, int stream) => (((long)seed * 1_000_003L) + (epoch * 7919L) + stream) & 0x7fff_ffff_ffffL;
    }
}
