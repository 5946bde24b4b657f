using System.Collections.Generic;
using Gen.Generator.Blocks;
using Gen.Generator.Model;
using Gen.Generator.Validation;

namespace Gen.Generator.Planning
{
    /// <summary>
    /// Follows channels and feature sizes from the stem through every stage, runs the flow checks,
    /// and resolves every block's constructor arguments.
    /// </summary>
    internal static class ArchitecturePlanner
    {
        /// <summary>Plans the network; returns null when a flow check fails.</summary>
        public static ArchitecturePlan? Plan(SpecModel spec, ImageSpec image, int classes, HeadKind head, StemSpec stemSpec, IReadOnlyList<StageDraft> drafts, Reporter reporter)
        {
            var stem = PlanStem(stemSpec, image);
            var stages = new List<StagePlan>();
            int channels = stem.Channels, height = stem.OutHeight, width = stem.OutWidth, totalStride = stem.Stride;
            foreach (var draft in drafts)
            {
                var definition = BlockCatalog.For(draft.Kind);
                var outChannels = definition.OutChannels(draft.Channels, draft.Expansion);
                totalStride *= draft.Stride;
                FlowRules.Check(draft, channels, outChannels, totalStride, image, reporter);
                var outHeight = Downsample(height, draft.Stride);
                var outWidth = Downsample(width, draft.Stride);
                var blocks = new List<BlockPlan>();
                for (var i = 0; i < draft.Depth; i++)
                {
                    var input = i == 0 ? channels : outChannels;
                    blocks.Add(PlanBlock(draft, input, i == 0 ? draft.Stride : 1, outHeight, outWidth));
                }

                stages.Add(new StagePlan(draft.Number, StageResolver.StageName(stem.Kind, draft.Number), EquatableArray.From(blocks), outChannels, outHeight, outWidth));
                channels = outChannels;
                height = outHeight;
                width = outWidth;
            }

            if (reporter.HasErrors)
            {
                return null;
            }

            return new ArchitecturePlan(spec.Namespace, spec.ClassName, spec.Accessibility, image.Channels, image.Height, image.Width, classes, head, stem, EquatableArray.From(stages));
        }

        /// <summary>Output size of a 3x3/stride or 1x1/stride layer with "same" padding: <c>(size - 1) / stride + 1</c>.</summary>
        public static int Downsample(int size, int stride) => ((size - 1) / stride) + 1;

        private static StemPlan PlanStem(StemSpec stem, ImageSpec image)
        {
            var channels = stem.Channels ?? 0;
            return stem.Kind switch
            {
                StemKind.ResNet => new StemPlan(stem.Kind, image.Channels, channels, 1, Downsample(Downsample(image.Height, 2), 2), Downsample(Downsample(image.Width, 2), 2), 4),
                StemKind.Cifar => new StemPlan(stem.Kind, image.Channels, channels, 1, image.Height, image.Width, 1),
                _ => new StemPlan(stem.Kind, image.Channels, channels, stem.Depth ?? ConvStemAttribute.DefaultDepth, Downsample(image.Height, 2), Downsample(image.Width, 2), 2),
            };
        }

        private static BlockPlan PlanBlock(StageDraft draft, int input, int stride, int height, int width) => new BlockPlan(
            draft.Kind,
            input,
            draft.Channels,
            stride,
            draft.Expansion,
            draft.Kernels,
            draft.Groups,
            draft.KernelSize,
            draft.KeyGroups,
            draft.Heads,
            draft.HeadDim == StageAttribute.HeadDimFromChannels ? input / draft.Heads : draft.HeadDim,
            draft.Dropout,
            draft.DropPath,
            draft.Attention,
            height,
            width,
            draft.Custom?.TypeName);
    }
}
