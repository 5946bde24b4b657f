using Gen.Generator.Code;
using Gen.Generator.Model;

namespace Gen.Generator.Emission
{
    /// <summary>The head: global average pool + linear (<c>fc</c>), or none.</summary>
    internal static class HeadCode
    {
        /// <summary>The pooling field's name (<c>avgpool</c> as in torchvision, <c>pool</c> as in coatnet-pytorch).</summary>
        public static string PoolName(ArchitecturePlan plan) => Stems.StemCatalog.For(plan.Stem.Kind).PoolName;

        /// <summary>The pooling field.</summary>
        public static Field Pool(ArchitecturePlan plan) => new Field(TorchNames.ModuleType("AdaptiveAvgPool2d"), PoolName(plan), TorchNames.Nn("AdaptiveAvgPool2d(1)"));

        /// <summary>The classifier field, which takes its class count from the constructor.</summary>
        public static Field Classifier(ArchitecturePlan plan) => new Field(
            TorchNames.ModuleType("Linear"),
            "fc",
            TorchNames.Nn(plan.Head == HeadKind.LinearNoBias ? $"Linear({plan.OutChannels}, numClasses, hasBias: false)" : $"Linear({plan.OutChannels}, numClasses)"));

        /// <summary>What the head over <paramref name="inputs"/> channels holds and computes: the classifier, on the pooled vector.</summary>
        public static Counts Count(HeadKind head, long inputs, long classes) =>
            head == HeadKind.None ? Counts.Zero : Counts.Linear(inputs, classes, head == HeadKind.Linear, FeatureSize.Vector);
    }
}
