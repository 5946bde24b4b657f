namespace Gen.Training
{
    /// <summary>The optimizer of a training run.</summary>
    public enum OptimizerKind
    {
        /// <summary>SGD with Nesterov momentum.</summary>
        Sgd,

        /// <summary>AdamW (decoupled weight decay).</summary>
        AdamW,
    }

    /// <summary>How the learning rate moves over a run (see <see cref="LearningRateSchedule"/>).</summary>
    public enum ScheduleKind
    {
        /// <summary>Linear warm-up, then cosine decay to zero.</summary>
        Cosine,

        /// <summary>One-cycle: cosine rise to the peak over the first 30% of steps, then cosine decay to nearly zero.</summary>
        OneCycle,

        /// <summary>Linear warm-up, then constant.</summary>
        Constant,
    }

    /// <summary>Training-time augmentation of image batches.</summary>
    public enum AugmentKind
    {
        /// <summary>None.</summary>
        None,

        /// <summary>Random horizontal flip and a random crop after 2-pixel zero padding, per image.</summary>
        FlipCrop,

        /// <summary>Random horizontal flip only, per image (milder: for short schedules that underfit with crops).</summary>
        Flip,
    }

    /// <summary>
    /// The hyper-parameters of a run. Everything that decides the result is here, so a run record
    /// holds all of it and <c>--resume</c> can refuse a checkpoint made with other settings.
    /// </summary>
    public sealed record TrainingOptions
    {
        /// <summary>Passes over the training set.</summary>
        public int Epochs { get; init; } = 10;

        /// <summary>Images per optimizer step.</summary>
        public int BatchSize { get; init; } = 128;

        /// <summary>Peak learning rate.</summary>
        public double LearningRate { get; init; } = 0.1;

        /// <summary>The optimizer.</summary>
        public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;

        /// <summary>SGD momentum (Nesterov) or AdamW's beta1.</summary>
        public double Momentum { get; init; } = 0.9;

        /// <summary>Weight decay (L2 for SGD, decoupled for AdamW).</summary>
        public double WeightDecay { get; init; } = 5e-4;

        /// <summary>The learning-rate schedule.</summary>
        public ScheduleKind Schedule { get; init; } = ScheduleKind.OneCycle;

        /// <summary>Warm-up length in epochs for <see cref="ScheduleKind.Cosine"/> and <see cref="ScheduleKind.Constant"/>.</summary>
        public double WarmupEpochs { get; init; } = 1;

        /// <summary>The augmentation.</summary>
        public AugmentKind Augment { get; init; } = AugmentKind.FlipCrop;

        /// <summary>Label smoothing of the cross-entropy loss.</summary>
        public double LabelSmoothing { get; init; } = 0.1;

        /// <summary>Seed of weights, shuffling, augmentation and dropout.</summary>
        public int Seed { get; init; }
    }
}
