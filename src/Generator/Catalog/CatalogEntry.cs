using System.Linq;
using Gen.Generator.Blocks;
using Gen.Generator.Emission;
using Gen.Generator.Model;

namespace Gen.Generator.Catalog
{
    /// <summary>
    /// One backbone as the assembly's catalog lists it: plain, equatable data taken from its plan,
    /// so the catalog is re-emitted only when a backbone's listed facts change.
    /// </summary>
    internal sealed record CatalogEntry(
        string Name,
        string FullName,
        string Family,
        string Description,
        long? Parameters,
        long? Buffers,
        long? Macs,
        int InChannels,
        int ImageHeight,
        int ImageWidth,
        int Classes,
        int Stages,
        bool FixedInputSize)
    {
        public static CatalogEntry Of(ArchitecturePlan plan)
        {
            var counts = plan.Counts?.Total;
            var kinds = plan.Stages
                .Select(stage => stage.Blocks[0])
                .Select(block => block.Kind == BlockKind.Custom ? block.CustomType!.Replace("global::", string.Empty).Split('.').Last() : BlockCatalog.For(block.Kind).DisplayName)
                .Distinct()
                .ToArray();
            bool fixedSize = plan.Stages.Any(stage => stage.Blocks.Any(block => block.Kind != BlockKind.Custom && BlockCatalog.For(block.Kind).IsPositionAware));
            string fullName = string.IsNullOrEmpty(plan.Namespace) ? plan.ClassName : plan.Namespace + "." + plan.ClassName;
            return new CatalogEntry(
                plan.ClassName,
                fullName,
                string.Join("+", kinds),
                SourceEmitter.Summary(plan),
                counts?.Parameters,
                counts?.Buffers,
                counts?.Macs,
                plan.InChannels,
                plan.ImageHeight,
                plan.ImageWidth,
                plan.Head == HeadKind.None ? 0 : plan.Classes,
                plan.Stages.Count,
                fixedSize);
        }
    }
}
