using System.Collections.Generic;
using Gen.Generator.Blocks;
using Gen.Generator.Diagnostics;
using Gen.Generator.Model;

namespace Gen.Generator.Validation
{
    /// <summary>
    /// Turns the <c>[Stage]</c> attributes, or the <c>[Layout]</c> shorthand, into stage drafts with
    /// the defaults of their block kind.
    /// </summary>
    internal static class StageResolver
    {
        /// <summary>Resolves the spec's stages; reports layout problems and ignored options.</summary>
        public static List<StageDraft> Resolve(SpecModel spec, StemKind? stem, AttentionKind defaultAttention, Reporter reporter)
        {
            var drafts = new List<StageDraft>();
            if (spec.Layout is not null && spec.Stages.Count > 0)
            {
                reporter.Report(DiagnosticCatalog.LayoutAndStages, spec.Layout.Locations.Attribute, spec.ClassName);
                return drafts;
            }

            if (spec.Layout is not null)
            {
                FromLayout(spec.Layout, stem, defaultAttention, reporter, drafts);
            }
            else
            {
                for (var i = 0; i < spec.Stages.Count; i++)
                {
                    drafts.Add(FromStage(spec.Stages[i], i + 1, stem, defaultAttention, reporter));
                }
            }

            if (drafts.Count == 0 && !reporter.HasErrors)
            {
                reporter.Report(DiagnosticCatalog.NoStages, spec.Backbone.Locations.Attribute, spec.ClassName);
            }

            WarnAttentionNotApplied(spec, drafts, defaultAttention, reporter);
            return drafts;
        }

        // The backbone's add-on reaches ResNet-style stages only; say so for every other stage that
        // takes the default (a stage that sets Attention itself gets GEN0019 instead).
        private static void WarnAttentionNotApplied(SpecModel spec, List<StageDraft> drafts, AttentionKind attention, Reporter reporter)
        {
            if (attention == AttentionKind.None || attention > AttentionKind.SE)
            {
                return;
            }

            for (var i = 0; i < drafts.Count; i++)
            {
                var draft = drafts[i];
                var ownAttention = spec.Layout is null && i < spec.Stages.Count && spec.Stages[i].Attention is not null;
                if (BlockCatalog.IsKnown(draft.Kind) && !BlockCatalog.For(draft.Kind).IsResNetStyle && !ownAttention)
                {
                    var name = draft.Kind == BlockKind.Custom ? draft.Custom?.DisplayName ?? "custom" : BlockCatalog.For(draft.Kind).DisplayName;
                    reporter.Report(DiagnosticCatalog.AttentionNotApplied, spec.Backbone.Locations.Of(nameof(BackboneAttribute.Attention)), attention, draft.Label, name);
                }
            }
        }

        private static void FromLayout(LayoutSpec layout, StemKind? stem, AttentionKind attention, Reporter reporter, List<StageDraft> drafts)
        {
            var text = layout.Text ?? string.Empty;
            var where = layout.Locations.Of(nameof(LayoutAttribute.Layout));
            var tokens = LayoutTokens.Split(text);
            var kinds = new List<BlockKind>();
            foreach (var token in tokens)
            {
                if (LayoutTokens.TryParse(token, out var kind))
                {
                    kinds.Add(kind);
                }
                else
                {
                    reporter.Report(DiagnosticCatalog.UnknownLayoutToken, where, token, text, string.Join(", ", BlockCatalog.LayoutTokens));
                }
            }

            if (kinds.Count != tokens.Length)
            {
                return;
            }

            var lengthsAgree = CheckLength(layout, nameof(LayoutAttribute.Depths), layout.Depths, text, tokens.Length, reporter)
                & CheckLength(layout, nameof(LayoutAttribute.Channels), layout.Channels, text, tokens.Length, reporter)
                & (layout.Strides is null || CheckLength(layout, nameof(LayoutAttribute.Strides), layout.Strides, text, tokens.Length, reporter));
            if (!lengthsAgree)
            {
                return;
            }

            for (var i = 0; i < kinds.Count; i++)
            {
                var index = i;
                var draft = Defaults(kinds[i], i + 1, stem, attention);
                draft.Depth = layout.Depths!.Value[i];
                draft.Channels = layout.Channels!.Value[i];
                draft.Stride = layout.Strides?[i] ?? draft.Stride;
                draft.Where = option => option switch
                {
                    nameof(StageAttribute.Depth) => layout.Locations.Of(nameof(LayoutAttribute.Depths) + "[" + index + "]"),
                    nameof(StageAttribute.Channels) => layout.Locations.Of(nameof(LayoutAttribute.Channels) + "[" + index + "]"),
                    nameof(StageAttribute.Stride) => layout.Locations.Of(nameof(LayoutAttribute.Strides) + "[" + index + "]"),
                    _ => where,
                };
                drafts.Add(draft);
            }
        }

        private static bool CheckLength(LayoutSpec layout, string name, EquatableArray<int>? values, string text, int stages, Reporter reporter)
        {
            var count = values?.Count ?? 0;
            if (count == stages)
            {
                return true;
            }

            reporter.Report(DiagnosticCatalog.LayoutLengthMismatch, layout.Locations.Of(name), text, stages, name, count);
            return false;
        }

        private static StageDraft FromStage(StageSpec stage, int number, StemKind? stem, AttentionKind attention, Reporter reporter)
        {
            var draft = Defaults(stage.Kind, number, stem, attention);
            draft.Custom = stage.Custom;
            draft.Depth = stage.Depth ?? 0;
            draft.Channels = stage.Channels ?? 0;
            draft.Stride = stage.Stride ?? draft.Stride;
            draft.Expansion = stage.Expansion ?? draft.Expansion;
            draft.Kernels = stage.Kernels ?? draft.Kernels;
            draft.Groups = stage.Groups ?? draft.Groups;
            draft.KernelSize = stage.KernelSize ?? draft.KernelSize;
            draft.KeyGroups = stage.KeyGroups ?? draft.KeyGroups;
            draft.Heads = stage.Heads ?? draft.Heads;
            draft.HeadDim = stage.HeadDim ?? draft.HeadDim;
            draft.Dropout = stage.Dropout ?? draft.Dropout;
            draft.DropPath = stage.DropPath ?? draft.DropPath;
            draft.Attention = stage.Attention ?? draft.Attention;
            draft.Where = stage.Locations.Of;
            WarnIgnored(stage, draft, reporter);
            return draft;
        }

        private static StageDraft Defaults(BlockKind kind, int number, StemKind? stem, AttentionKind attention)
        {
            var label = "Stage " + number + (stem is null ? string.Empty : " (" + Stems.StemCatalog.For(stem.Value).StageName(number) + ")");
            var draft = new StageDraft
            {
                Number = number,
                Label = label,
                Kind = kind,
                Kernels = EPSABottleneckDefinition.DefaultKernels,
                Groups = EPSABottleneckDefinition.DefaultGroups,
                KernelSize = StageAttribute.DefaultKernelSize,
                KeyGroups = StageAttribute.DefaultKeyGroups,
                Heads = StageAttribute.DefaultHeads,
                HeadDim = StageAttribute.DefaultHeadDim,
                Stride = 2,
                Expansion = 1,
            };
            if (BlockCatalog.IsKnown(kind))
            {
                var definition = BlockCatalog.For(kind);
                draft.Stride = definition.DefaultStride(number);
                draft.Expansion = definition.DefaultExpansion;
                draft.Attention = definition.IsResNetStyle ? attention : AttentionKind.None;
            }

            return draft;
        }


        private static void WarnIgnored(StageSpec stage, StageDraft draft, Reporter reporter)
        {
            if (!BlockCatalog.IsKnown(stage.Kind))
            {
                return;
            }

            var definition = BlockCatalog.For(stage.Kind);
            Warn(stage.Expansion is not null, nameof(StageAttribute.Expansion));
            Warn(stage.Kernels is not null, nameof(StageAttribute.Kernels));
            Warn(stage.Groups is not null, nameof(StageAttribute.Groups));
            Warn(stage.KernelSize is not null, nameof(StageAttribute.KernelSize));
            Warn(stage.KeyGroups is not null, nameof(StageAttribute.KeyGroups));
            Warn(stage.Heads is not null, nameof(StageAttribute.Heads));
            Warn(stage.HeadDim is not null, nameof(StageAttribute.HeadDim));
            Warn(stage.Dropout is not null, nameof(StageAttribute.Dropout));
            Warn(stage.DropPath is not null, nameof(StageAttribute.DropPath));
            Warn(stage.Attention is not null, nameof(StageAttribute.Attention));

            void Warn(bool written, string option)
            {
                if (written && !definition.Reads(option))
                {
                    reporter.Report(DiagnosticCatalog.OptionIgnored, draft.Where(option), draft.Label, option, definition.DisplayName);
                }
            }
        }
    }
}
