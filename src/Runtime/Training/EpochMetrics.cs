namespace Gen.Training
{
    /// <summary>What one epoch measured.</summary>
    /// <param name="Epoch">1-based.</param>
    /// <param name="TrainLoss">Mean training loss (with label smoothing) over the epoch.</param>
    /// <param name="TrainAccuracy">Top-1 accuracy on the (augmented) training batches, in [0, 1].</param>
    /// <param name="ValidationLoss">Mean cross-entropy (no smoothing) on the validation set.</param>
    /// <param name="ValidationAccuracy">Top-1 accuracy on the validation set, in [0, 1].</param>
    /// <param name="LearningRate">The rate at the epoch's last step.</param>
    /// <param name="Seconds">Wall time of the epoch, validation included.</param>
    /// <param name="ImagesPerSecond">Training throughput.</param>
    public sealed record EpochMetrics(int Epoch, double TrainLoss, double TrainAccuracy, double ValidationLoss, double ValidationAccuracy, double LearningRate, double Seconds, double ImagesPerSecond);
}
