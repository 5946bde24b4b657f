using System;

namespace Gen.Training
{
    /// <summary>
    /// The learning rate as a pure function of the step: no scheduler state to save, so a resumed
    /// run sets exactly the rate an uninterrupted one would. (TorchSharp's schedulers keep their
    /// position as hidden state, which its optimizer state file does not carry.)
    /// </summary>
    public static class LearningRateSchedule
    {
        /// <summary>The rate at <paramref name="step"/> (0-based) of <paramref name="totalSteps"/>.</summary>
        public static double At(ScheduleKind kind, double peak, long step, long totalSteps, long warmupSteps)
        {
            if (totalSteps <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, "A run needs at least one step.");
            }

            double t = Math.Clamp((double)step / totalSteps, 0, 1);
            switch (kind)
            {
                case ScheduleKind.OneCycle:
                    // torch.optim.lr_scheduler.OneCycleLR's cosine shape: from peak/25 up to peak over
                    // 30% of the steps, then down to peak/(25 * 1e4).
                    const double rise = 0.3;
                    double start = peak / 25, end = start / 1e4;
                    return t < rise
                        ? Cosine(start, peak, t / rise)
                        : Cosine(peak, end, (t - rise) / (1 - rise));
                case ScheduleKind.Cosine:
                    if (step < warmupSteps)
                    {
                        return peak * (step + 1) / warmupSteps;
                    }

                    double decay = (double)(step - warmupSteps) / Math.Max(1, totalSteps - warmupSteps);
                    return Cosine(peak, 0, decay);
                default:
                    return step < warmupSteps ? peak * (step + 1) / warmupSteps : peak;
            }
        }

        private static double Cosine(double from, double to, double fraction) =>
            to + ((from - to) * (1 + Math.Cos(Math.PI * Math.Clamp(fraction, 0, 1))) / 2);
    }
}
