using System.Collections.Generic;
using Gen.Generator.Blocks;
using Gen.Generator.Model;

namespace Gen.Generator.Planning
{
    /// <summary>
    /// Adds up what the stem, every block and the head hold, in checked 64-bit arithmetic (an
    /// overflow throws, and the planner reports it). The plan carries the result; the emitter prints it.
    /// </summary>
    internal static class ModelCounter
    {
        /// <summary>The model's counts, or null when a user-defined block makes them unknowable at compile time.</summary>
        public static Counts? Count(StemPlan stem, IReadOnlyList<StagePlan> stages, HeadKind head, long headInput, long classes)
        {
            var total = Stem(stem);
            foreach (var stage in stages)
            {
                foreach (var block in stage.Blocks)
                {
                    var counts = BlockCatalog.For(block.Kind).Count(block);
                    if (counts is null)
                    {
                        return null;
                    }

                    total += counts.Value;
                }
            }

            return total + (head == HeadKind.None ? Counts.Zero : Counts.Linear(headInput, classes, head == HeadKind.Linear));
        }

        private static Counts Stem(StemPlan stem)
        {
            switch (stem.Kind)
            {
                case StemKind.ResNet:
                    return Counts.Conv(stem.InChannels, stem.Channels, 7) + Counts.BatchNorm(stem.Channels);
                case StemKind.Cifar:
                    return Counts.Conv(stem.InChannels, stem.Channels, 3) + Counts.BatchNorm(stem.Channels);
                default:
                    var total = Counts.Zero;
                    for (var i = 0; i < stem.Depth; i++)
                    {
                        total += Counts.Conv(i == 0 ? stem.InChannels : stem.Channels, stem.Channels, 3) + Counts.BatchNorm(stem.Channels);
                    }

                    return total;
            }
        }
    }
}
