using System.Collections.Generic;

namespace Gen.Training
{
    /// <summary>Where a run stands after a completed epoch: what a checkpoint's run record stores and <c>--resume</c> reads back.</summary>
    /// <param name="CompletedEpochs">Epochs done.</param>
    /// <param name="Steps">Optimizer steps done.</param>
    /// <param name="BestEpoch">The epoch with the best validation accuracy so far (0: none).</param>
    /// <param name="BestAccuracy">That accuracy.</param>
    /// <param name="History">Every completed epoch's metrics.</param>
    public sealed record TrainingState(int CompletedEpochs, long Steps, int BestEpoch, double BestAccuracy, IReadOnlyList<EpochMetrics> History)
    {
        /// <summary>A run that has not started.</summary>
        public static TrainingState Start { get; } = new TrainingState(0, 0, 0, 0, System.Array.Empty<EpochMetrics>());
    }

    /// <summary>How a call of <see cref="Trainer.Run"/> ended.</summary>
    public enum TrainingStatus
    {
        /// <summary>Every epoch ran.</summary>
        Completed,

        /// <summary>Cancelled (Ctrl+C): the last completed epoch's checkpoint stands.</summary>
        Interrupted,

        /// <summary>The loss became NaN or infinite: training stopped and the last good checkpoint stands.</summary>
        Diverged,
    }

    /// <summary>The progress of one training step, for live displays.</summary>
    /// <param name="Epoch">1-based epoch.</param>
    /// <param name="Step">1-based step within the epoch.</param>
    /// <param name="StepsPerEpoch">Steps in an epoch.</param>
    /// <param name="Loss">Mean training loss of the epoch so far.</param>
    /// <param name="Accuracy">Training accuracy of the epoch so far.</param>
    /// <param name="ImagesPerSecond">Throughput of the epoch so far.</param>
    /// <param name="LearningRate">This step's rate.</param>
    public sealed record StepProgress(int Epoch, long Step, long StepsPerEpoch, double Loss, double Accuracy, double ImagesPerSecond, double LearningRate);
}
