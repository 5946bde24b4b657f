using Gen.Generator.Blocks;
using Gen.Generator.Model;
using Gen.Generator.Planning;

namespace Gen.Generator.Emission
{
    /// <summary>Adds up what the stem, every block and the head hold.</summary>
    internal static class ModelCounter
    {
        /// <summary>The model's counts, or null when a user-defined block makes them unknowable at compile time.</summary>
        public static Counts? Count(ArchitecturePlan plan)
        {
            var total = StemCode.Count(plan.Stem);
            foreach (var stage in plan.Stages)
            {
                var counts = StageCount(stage);
                if (counts is null)
                {
                    return null;
                }

                total += counts.Value;
            }

            return total + HeadCode.Count(plan);
        }

        /// <summary>One stage's counts, or null when unknown.</summary>
        public static Counts? StageCount(StagePlan stage)
        {
            var total = Counts.Zero;
            foreach (var block in stage.Blocks)
            {
                var counts = BlockCatalog.For(block.Kind).Count(block);
                if (counts is null)
                {
                    return null;
                }

                total += counts.Value;
            }

            return total;
        }
    }
}
