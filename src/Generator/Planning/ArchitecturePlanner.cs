using System;
using System.Collections.Generic;
using Gen.Generator.Blocks;
using Gen.Generator.Diagnostics;
using Gen.Generator.Model;
using Gen.Generator.Stems;

namespace Gen.Generator.Planning
{
    /// <summary>
    /// Follows channels and feature sizes from the stem through every stage, runs the flow checks,
    /// resolves every block's constructor arguments and counts what the model holds.
    /// </summary>
    internal static class ArchitecturePlanner
    {
        /// <summary>Plans the network; returns null when a flow check or a limit fails.</summary>
        public static ArchitecturePlan? Plan(SpecModel spec, ImageSpec image, int classes, HeadKind head, StemSpec stemSpec, IReadOnlyList<StageDraft> drafts, Reporter reporter)
        {
            var stemDefinition = StemCatalog.For(stemSpec.Kind);
            var stem = stemDefinition.Plan(stemSpec, image);
            var stages = new List<StagePlan>();
            var channels = stem.Channels;
            var size = stem.Output;
            long totalStride = stem.Stride;
            foreach (var draft in drafts)
            {
                var outChannels = BlockCatalog.For(draft.Kind).OutChannels(draft.Options.Channels.Value, draft.Options.Expansion.Value);
                if (!Limits.Check(reporter, draft.Where(nameof(StageAttribute.Channels)), draft.Label + " output width (Channels x Expansion)", outChannels, Limits.Width))
                {
                    return null;
                }

                // Saturates instead of overflowing: any stride above the image already fails GEN0010.
                totalStride = Math.Min(totalStride * draft.Options.Stride.Value, 1L << 40);
                FlowRules.Check(new StageFlow(draft, channels, (int)outChannels, totalStride, image), reporter);
                var outSize = size.Downsample(draft.Options.Stride.Value);
                var blocks = new List<BlockPlan>();
                for (var i = 0; i < draft.Options.Depth.Value; i++)
                {
                    var first = i == 0;
                    blocks.Add(PlanBlock(draft, first ? channels : (int)outChannels, first ? draft.Options.Stride.Value : 1, first ? size : outSize, outSize));
                }

                stages.Add(new StagePlan(draft.Number, stemDefinition.StageName(draft.Number), EquatableArray.From(blocks), (int)outChannels, outSize.Height, outSize.Width));
                channels = (int)outChannels;
                size = outSize;
            }

            if (reporter.HasErrors)
            {
                return null;
            }

            var counts = Count(spec, stem, stages, head, channels, classes, reporter);
            if (reporter.HasErrors)
            {
                return null;
            }

            return new ArchitecturePlan(spec.Namespace, spec.ClassName, spec.Accessibility, image.Channels, image.Height, image.Width, classes, head, stem, EquatableArray.From(stages), counts);
        }

        private static ModelCounts? Count(SpecModel spec, StemPlan stem, List<StagePlan> stages, HeadKind head, int headInput, int classes, Reporter reporter)
        {
            ModelCounts? counts;
            try
            {
                counts = ModelCounter.Count(stem, stages, head, headInput, classes);
            }
            catch (OverflowException)
            {
                reporter.Report(DiagnosticCatalog.ModelTooLarge, spec.Backbone.Locations.Attribute, spec.ClassName, "more elements or multiply-accumulates than a 64-bit count holds", Limits.Elements + " parameter or buffer elements");
                return null;
            }

            if (counts?.Total is { } known && Math.Max(known.Parameters, known.Buffers) > Limits.Elements)
            {
                var what = known.Parameters > Limits.Elements ? known.Parameters + " parameters" : known.Buffers + " buffer elements";
                reporter.Report(DiagnosticCatalog.ModelTooLarge, spec.Backbone.Locations.Attribute, spec.ClassName, what, Limits.Elements + " elements");
            }

            return counts;
        }

        private static BlockPlan PlanBlock(StageDraft draft, int input, int stride, FeatureSize inSize, FeatureSize outSize)
        {
            var options = draft.Options;
            var headDim = options.HeadDim == StageAttribute.HeadDimFromChannels ? input / options.Heads!.Value : options.HeadDim!.Value;
            return new BlockPlan(draft.Kind, input, stride, headDim, inSize, outSize, draft.Custom?.TypeName, options);
        }
    }
}
