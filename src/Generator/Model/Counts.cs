namespace Gen.Generator.Model
{
    /// <summary>
    /// Element counts of what a module builds: trainable parameters, BN running mean + variance
    /// elements, and every persistent buffer element (running statistics, <c>num_batches_tracked</c>,
    /// relative indices); and the multiply-accumulates of its convolutions and linear layers in one
    /// forward pass of one image at the declared size, as torchinfo and torchvision count them
    /// (output elements x input channels per group x kernel area; output elements x input
    /// features). Every operation is checked 64-bit arithmetic: a spec whose counts would overflow
    /// throws <see cref="System.OverflowException"/>, which the planner reports (GEN0032).
    /// </summary>
    internal readonly record struct Counts(long Parameters, long RunningStats, long Buffers, long Macs)
    {
        /// <summary>Nothing.</summary>
        public static Counts Zero => default;

        /// <summary>Adds two counts.</summary>
        public static Counts operator +(Counts a, Counts b) =>
            checked(new Counts(a.Parameters + b.Parameters, a.RunningStats + b.RunningStats, a.Buffers + b.Buffers, a.Macs + b.Macs));

        /// <summary>A <c>Conv2d(inChannels, outChannels, kernel, groups, bias)</c> whose output map is <paramref name="at"/>.</summary>
        public static Counts Conv(long inChannels, long outChannels, long kernel, FeatureSize at, long groups = 1, bool bias = false)
        {
            var weights = checked(outChannels * (inChannels / groups) * kernel * kernel);
            return checked(new Counts(weights + (bias ? outChannels : 0), 0, 0, weights * at.Positions));
        }

        /// <summary>A <c>BatchNorm2d(channels)</c>: weight and bias; running mean, variance and <c>num_batches_tracked</c>.</summary>
        public static Counts BatchNorm(long channels) => checked(new Counts(2 * channels, 2 * channels, (2 * channels) + 1, 0));

        /// <summary>A <c>LayerNorm(channels)</c>.</summary>
        public static Counts LayerNorm(long channels) => checked(new Counts(2 * channels, 0, 0, 0));

        /// <summary>A <c>Linear(inFeatures, outFeatures, bias)</c> applied to one token per position of <paramref name="at"/>.</summary>
        public static Counts Linear(long inFeatures, long outFeatures, bool bias, FeatureSize at)
        {
            var weights = checked(inFeatures * outFeatures);
            return checked(new Counts(weights + (bias ? outFeatures : 0), 0, 0, weights * at.Positions));
        }

        /// <summary>A learned parameter tensor of <paramref name="elements"/> elements.</summary>
        public static Counts Parameter(long elements) => new Counts(elements, 0, 0, 0);

        /// <summary>A persistent buffer of <paramref name="elements"/> elements.</summary>
        public static Counts Buffer(long elements) => new Counts(0, 0, elements, 0);

        /// <summary>This count <paramref name="times"/> times.</summary>
        public Counts Times(long times) => checked(new Counts(Parameters * times, RunningStats * times, Buffers * times, Macs * times));

        /// <summary>This module's parameters and buffers, run <paramref name="calls"/> times in one forward pass (a shared module).</summary>
        public Counts Calls(long calls) => checked(new Counts(Parameters, RunningStats, Buffers, Macs * calls));
    }
}
