using System.Collections.Generic;
using Gen.Generator.Blocks;
using Gen.Generator.Emission;
using Gen.Generator.Model;
using Gen.Generator.Stems;

namespace Gen.Generator.Planning
{
    /// <summary>
    /// Adds up what the stem, every block and the head hold and compute, per row of the shape table
    /// and in total, in checked 64-bit arithmetic (an overflow throws, and the planner reports it).
    /// The plan carries the result; the emitter prints it.
    /// </summary>
    internal static class ModelCounter
    {
        /// <summary>The model's counts, or null when a user-defined block makes them unknowable at compile time.</summary>
        public static ModelCounts? Count(StemPlan stem, IReadOnlyList<StagePlan> stages, HeadKind head, long headInput, long classes)
        {
            var stemCounts = StemCatalog.For(stem.Kind).Count(stem);
            var total = stemCounts;
            var stageCounts = new List<Counts>();
            foreach (var stage in stages)
            {
                var stageTotal = Counts.Zero;
                foreach (var block in stage.Blocks)
                {
                    var counts = BlockCatalog.For(block.Kind).Count(block);
                    if (counts is null)
                    {
                        return null;
                    }

                    stageTotal += counts.Value;
                }

                stageCounts.Add(stageTotal);
                total += stageTotal;
            }

            var headCounts = HeadCode.Count(head, headInput, classes);
            return new ModelCounts(total + headCounts, stemCounts, EquatableArray.From(stageCounts), headCounts);
        }
    }
}
