using System.Linq;
using Gen.Generator.Diagnostics;
using Gen.Generator.Model;
using Gen.Generator.Planning;

namespace Gen.Generator.Validation
{
    /// <summary>
    /// The validate stage: checks a <see cref="SpecModel"/> against the spec language's rules and,
    /// when nothing is wrong, resolves it into an <see cref="ArchitecturePlan"/>. Pure: same model,
    /// same result.
    /// </summary>
    internal static class SpecValidator
    {
        /// <summary>Validates <paramref name="spec"/>.</summary>
        public static ValidationResult Validate(SpecModel spec)
        {
            var reporter = new Reporter();
            var plan = Run(spec, reporter);
            return new ValidationResult(HintName(spec), reporter.Diagnostics, reporter.HasErrors ? null : plan);
        }

        /// <summary>The generated file's name for <paramref name="spec"/>.</summary>
        public static string HintName(SpecModel spec) => HintName(spec.Namespace, spec.ClassName);

        /// <summary>The generated file's name for class <paramref name="className"/> in <paramref name="ns"/>.</summary>
        public static string HintName(string ns, string className) =>
            (ns.Length == 0 ? string.Empty : ns + ".") + className + ".g.cs";

        private static ArchitecturePlan? Run(SpecModel spec, Reporter reporter)
        {
            CheckClass(spec, reporter);
            var backbone = spec.Backbone;
            var image = CheckImage(backbone, reporter);
            var head = backbone.Head ?? BackboneAttribute.DefaultHead;
            var classes = backbone.Classes ?? BackboneAttribute.DefaultClasses;
            if (head < HeadKind.Linear || head > HeadKind.None)
            {
                reporter.Report(DiagnosticCatalog.ValueOutOfRange, backbone.Locations.Of(nameof(BackboneAttribute.Head)), "Head", (int)head, "it must be a Gen.HeadKind member");
            }

            if (head != HeadKind.None && classes < 1)
            {
                reporter.Report(DiagnosticCatalog.ValueOutOfRange, backbone.Locations.Of(nameof(BackboneAttribute.Classes)), "Classes", classes, "a classifier head needs at least one class");
            }

            var attention = backbone.Attention ?? BackboneAttribute.DefaultAttention;
            if (attention < AttentionKind.None || attention > AttentionKind.SE)
            {
                reporter.Report(DiagnosticCatalog.ValueOutOfRange, backbone.Locations.Of(nameof(BackboneAttribute.Attention)), "Attention", (int)attention, "it must be a Gen.AttentionKind member");
            }

            var stem = CheckStem(spec, reporter);
            var drafts = StageResolver.Resolve(spec, stem?.Kind, attention, reporter);
            foreach (var draft in drafts)
            {
                StageRules.Check(draft, reporter);
            }

            if (reporter.HasErrors || stem is null)
            {
                return null;
            }

            return ArchitecturePlanner.Plan(spec, image, classes, head, stem, drafts, reporter);
        }

        private static void CheckClass(SpecModel spec, Reporter reporter)
        {
            if (!spec.Shape.IsPartial)
            {
                reporter.Report(DiagnosticCatalog.NotPartial, spec.Shape.Identifier, spec.ClassName);
            }

            if (spec.Shape.IsNested || spec.Shape.IsGeneric || spec.Shape.IsRecord)
            {
                var what = string.Join(" and ", new[] { spec.Shape.IsNested ? "nested" : null, spec.Shape.IsGeneric ? "generic" : null, spec.Shape.IsRecord ? "a record" : null }.Where(part => part is not null));
                reporter.Report(DiagnosticCatalog.UnsupportedClass, spec.Shape.Identifier, spec.ClassName, what);
            }
        }

        private static ImageSpec CheckImage(BackboneSpec backbone, Reporter reporter)
        {
            var channels = backbone.InChannels ?? BackboneAttribute.DefaultInChannels;
            if (channels <= 0)
            {
                reporter.Report(DiagnosticCatalog.ChannelsNotPositive, backbone.Locations.Of(nameof(BackboneAttribute.InChannels)), "The input", channels);
            }

            var size = backbone.ImageSize ?? BackboneAttribute.DefaultImageSize;
            Positive(backbone, reporter, nameof(BackboneAttribute.ImageSize), size);
            var height = backbone.ImageHeight ?? size;
            var width = backbone.ImageWidth ?? size;
            Positive(backbone, reporter, nameof(BackboneAttribute.ImageHeight), height);
            Positive(backbone, reporter, nameof(BackboneAttribute.ImageWidth), width);
            var where = backbone.ImageHeight is not null ? backbone.Locations.Of(nameof(BackboneAttribute.ImageHeight))
                : backbone.ImageWidth is not null ? backbone.Locations.Of(nameof(BackboneAttribute.ImageWidth))
                : backbone.Locations.Of(nameof(BackboneAttribute.ImageSize));
            return new ImageSpec(channels, height, width, where);
        }

        private static void Positive(BackboneSpec backbone, Reporter reporter, string name, int value)
        {
            if (value < 1)
            {
                reporter.Report(DiagnosticCatalog.ValueOutOfRange, backbone.Locations.Of(name), name, value, "it must be positive");
            }
        }

        private static StemSpec? CheckStem(SpecModel spec, Reporter reporter)
        {
            if (spec.Stems.Count != 1)
            {
                var where = spec.Stems.Count == 0 ? spec.Backbone.Locations.Attribute : spec.Stems[1].Locations.Attribute;
                reporter.Report(DiagnosticCatalog.StemCount, where, spec.ClassName, spec.Stems.Count);
                return null;
            }

            var stem = spec.Stems[0];
            var channels = stem.Channels ?? 0;
            if (channels <= 0)
            {
                reporter.Report(DiagnosticCatalog.ChannelsNotPositive, stem.Locations.Of(nameof(ConvStemAttribute.Channels)), "The stem", channels);
            }

            if (stem.Kind == StemKind.Conv && (stem.Depth ?? ConvStemAttribute.DefaultDepth) < 1)
            {
                reporter.Report(DiagnosticCatalog.ValueOutOfRange, stem.Locations.Of(nameof(ConvStemAttribute.Depth)), "ConvStem Depth", stem.Depth ?? ConvStemAttribute.DefaultDepth, "the stem needs at least one layer");
            }

            return stem;
        }
    }
}
