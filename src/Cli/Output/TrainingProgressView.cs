using System;
using Gen.Training;
using Spectre.Console;

namespace Gen.Cli.Output
{
    /// <summary>
    /// Live progress of a training run: a Spectre.Console progress bar per epoch (step, loss,
    /// accuracy, images/s, ETA) on a terminal, plain lines otherwise; a line per finished epoch;
    /// a table of every epoch at the end.
    /// </summary>
    internal static class TrainingProgressView
    {
        public delegate (TrainingStatus Status, TrainingState State, string? Message) Body(Action<StepProgress> onStep, Action<EpochMetrics> onEpoch);

        public static (TrainingStatus Status, TrainingState State, string? Message) Run(IAnsiConsole console, TrainingOptions options, TrainingState start, Body body)
        {
            if (!console.Profile.Capabilities.Interactive)
            {
                long lastPrinted = -1;
                return body(
                    step =>
                    {
                        long tenth = Math.Max(1, step.StepsPerEpoch / 10);
                        if (step.Step % tenth == 0 && step.Step != lastPrinted)
                        {
                            lastPrinted = step.Step;
                            console.WriteLine(Line(step, options.Epochs));
                        }
                    },
                    metrics => console.WriteLine(EpochLine(metrics, options.Epochs)));
            }

            (TrainingStatus, TrainingState, string?) result = default;
            console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    ProgressTask? task = null;
                    result = body(
                        step =>
                        {
                            task ??= context.AddTask($"epoch {step.Epoch}/{options.Epochs}", maxValue: step.StepsPerEpoch);
                            task.Description = Markup.Escape(Line(step, options.Epochs));
                            task.Value = step.Step;
                        },
                        metrics =>
                        {
                            if (task is not null)
                            {
                                task.Description = Markup.Escape(EpochLine(metrics, options.Epochs));
                                task.StopTask();
                            }

                            task = null;
                        });
                });
            return result;
        }

        public static void Summary(IAnsiConsole console, TrainingState state, RunStore store)
        {
            if (state.CompletedEpochs == 0)
            {
                return;
            }

            var table = new Table().Border(TableBorder.Rounded).Title("epochs");
            foreach (var column in new[] { "epoch", "train loss", "train acc", "val loss", "val acc", "lr", "s", "img/s" })
            {
                table.AddColumn(new TableColumn(column).RightAligned());
            }

            foreach (var m in state.History)
            {
                table.AddRow(
                    m.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Fixed(m.TrainLoss, 4),
                    Percent(m.TrainAccuracy),
                    Fixed(m.ValidationLoss, 4),
                    (m.Epoch == state.BestEpoch ? "*" : string.Empty) + Percent(m.ValidationAccuracy),
                    m.LearningRate.ToString("G3", System.Globalization.CultureInfo.InvariantCulture),
                    Fixed(m.Seconds, 0),
                    Fixed(m.ImagesPerSecond, 0));
            }

            console.Write(table);
            console.WriteLine($"best validation accuracy {Percent(state.BestAccuracy)} at epoch {state.BestEpoch}; training time {store.Seconds:F0} s");
            console.WriteLine($"checkpoints: {store.PathOf("best.safetensors")} (run record best.json), {store.PathOf("last.safetensors")} (last.json)");
            console.WriteLine($"curves: {store.PathOf("curves.png")}");
        }

        private static string Line(StepProgress s, int epochs) => FormattableString.Invariant(
            $"epoch {s.Epoch}/{epochs} step {s.Step}/{s.StepsPerEpoch}: loss {s.Loss:F4}, acc {100 * s.Accuracy:F2}%, {s.ImagesPerSecond:F0} img/s, lr {s.LearningRate:G3}");

        private static string EpochLine(EpochMetrics m, int epochs) => FormattableString.Invariant(
            $"epoch {m.Epoch}/{epochs}: train loss {m.TrainLoss:F4} acc {100 * m.TrainAccuracy:F2}% | val loss {m.ValidationLoss:F4} acc {100 * m.ValidationAccuracy:F2}% | {m.Seconds:F0} s, {m.ImagesPerSecond:F0} img/s");

        private static string Fixed(double value, int digits) => value.ToString("F" + digits, System.Globalization.CultureInfo.InvariantCulture);

        private static string Percent(double value) => (100 * value).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + "%";
    }
}
