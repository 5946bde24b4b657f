using System.Collections.Generic;
using Gen.Generator.Blocks;
using Gen.Generator.Model;
using Gen.Generator.Stems;

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
            var total = StemCatalog.For(stem.Kind).Count(stem);
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
    }
}
