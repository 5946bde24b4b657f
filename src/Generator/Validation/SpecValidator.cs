using System.Collections.Generic;
using System.Linq;
using Gen.Generator.Diagnostics;
using Gen.Generator.Emission;
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
            if (spec.HasArgumentErrors)
            {
                // The compiler reports the argument (CS0182, CS1503, ...); its value is unknown, so any
                // rule the generator checked would be judging a value the user did not write.
                return new ValidationResult(HintName(spec), EquatableArray<DiagnosticInfo>.Empty, null);
            }

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
            var classesAt = backbone.Locations.Of(nameof(BackboneAttribute.Classes));
            if (head < HeadKind.Linear || head > HeadKind.None)
            {
                reporter.Report(DiagnosticCatalog.UndefinedEnumValue, backbone.Locations.Of(nameof(BackboneAttribute.Head)), nameof(BackboneAttribute.Head), (int)head, nameof(HeadKind));
            }

            if (head == HeadKind.None && backbone.Classes is not null)
            {
                reporter.Report(DiagnosticCatalog.ClassesWithoutHead, classesAt, classes);
            }
            else if (head != HeadKind.None && classes < 1)
            {
                reporter.Report(DiagnosticCatalog.NoClasses, classesAt, classes);
            }
            else if (head != HeadKind.None)
            {
                Limits.Check(reporter, classesAt, nameof(BackboneAttribute.Classes), classes, Limits.Classes);
            }

            var attention = backbone.Attention ?? BackboneAttribute.DefaultAttention;
            if (!System.Enum.IsDefined(typeof(AttentionKind), attention))
            {
                reporter.Report(DiagnosticCatalog.UndefinedEnumValue, backbone.Locations.Of(nameof(BackboneAttribute.Attention)), nameof(BackboneAttribute.Attention), (int)attention, nameof(AttentionKind));
            }

            var stem = CheckStem(spec, reporter);
            var drafts = StageResolver.Resolve(spec, stem?.Kind, attention, reporter);
            var blocks = 0L;
            foreach (var draft in drafts)
            {
                StageRules.Check(draft, reporter);
                blocks += System.Math.Max(draft.Options.Depth.Value, 0);
            }

            if (blocks > Limits.Blocks)
            {
                reporter.Report(DiagnosticCatalog.ModelTooLarge, spec.Backbone.Locations.Attribute, spec.ClassName, blocks + " blocks", Limits.Blocks + " blocks");
            }

            if (reporter.HasErrors || stem is null)
            {
                return null;
            }

            var plan = ArchitecturePlanner.Plan(spec, image, classes, head, stem, drafts, reporter);
            if (plan is not null)
            {
                CheckMembers(spec, plan, reporter);
            }

            return plan;
        }

        private static void CheckClass(SpecModel spec, Reporter reporter)
        {
            var shape = spec.Shape;
            if (!shape.IsPartial)
            {
                reporter.Report(DiagnosticCatalog.NotPartial, shape.Identifier, spec.ClassName);
            }

            var what = new[]
            {
                shape.IsNested ? "nested" : null,
                shape.IsGeneric ? "generic" : null,
                shape.IsStatic ? "static" : null,
                shape.IsFileLocal ? "file-local" : null,
                shape.IsRecord ? "a record" : null,
            }.Where(part => part is not null).ToList();
            if (what.Count > 0)
            {
                reporter.Report(DiagnosticCatalog.UnsupportedClass, shape.Identifier, spec.ClassName, string.Join(" and ", what));
            }

            if (shape.Constructor is not null)
            {
                reporter.Report(DiagnosticCatalog.UserConstructor, shape.Constructor, spec.ClassName);
            }
        }

        // The generated half declares these too; the user's declaration would clash inside the generated file.
        private static void CheckMembers(SpecModel spec, ArchitecturePlan plan, Reporter reporter)
        {
            var generated = new HashSet<string>(SourceEmitter.DeclaredMembers(plan), System.StringComparer.Ordinal);
            foreach (var member in spec.Shape.Members)
            {
                if (generated.Contains(member.Name))
                {
                    reporter.Report(DiagnosticCatalog.ReservedMemberName, member.Location, spec.ClassName, member.Name);
                }
            }
        }

        private static ImageSpec CheckImage(BackboneSpec backbone, Reporter reporter)
        {
            var channels = backbone.InChannels ?? BackboneAttribute.DefaultInChannels;
            var channelsAt = backbone.Locations.Of(nameof(BackboneAttribute.InChannels));
            if (channels <= 0)
            {
                reporter.Report(DiagnosticCatalog.ChannelsNotPositive, channelsAt, "The input", channels);
            }
            else
            {
                Limits.Check(reporter, channelsAt, nameof(BackboneAttribute.InChannels), channels, Limits.Width);
            }

            var size = backbone.ImageSize ?? BackboneAttribute.DefaultImageSize;
            Side(backbone, reporter, nameof(BackboneAttribute.ImageSize), size);
            var height = backbone.ImageHeight ?? size;
            var width = backbone.ImageWidth ?? size;
            // A side taken from ImageSize is judged there, once.
            if (backbone.ImageHeight is not null)
            {
                Side(backbone, reporter, nameof(BackboneAttribute.ImageHeight), height);
            }

            if (backbone.ImageWidth is not null)
            {
                Side(backbone, reporter, nameof(BackboneAttribute.ImageWidth), width);
            }
            var where = backbone.ImageHeight is not null ? backbone.Locations.Of(nameof(BackboneAttribute.ImageHeight))
                : backbone.ImageWidth is not null ? backbone.Locations.Of(nameof(BackboneAttribute.ImageWidth))
                : backbone.Locations.Of(nameof(BackboneAttribute.ImageSize));
            return new ImageSpec(channels, height, width, where);
        }

        private static void Side(BackboneSpec backbone, Reporter reporter, string name, int value)
        {
            var where = backbone.Locations.Of(name);
            if (value < 1)
            {
                reporter.Report(DiagnosticCatalog.ImageSizeNotPositive, where, name, value);
            }
            else
            {
                Limits.Check(reporter, where, name, value, Limits.ImageSide);
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
            var channelsAt = stem.Locations.Of(nameof(ConvStemAttribute.Channels));
            if (channels <= 0)
            {
                reporter.Report(DiagnosticCatalog.ChannelsNotPositive, channelsAt, "The stem", channels);
            }
            else
            {
                Limits.Check(reporter, channelsAt, "The stem's channels", channels, Limits.Width);
            }

            Stems.StemCatalog.For(stem.Kind).Check(stem, reporter);
            return stem;
        }
    }
}
