using System;
using System.Collections.Generic;
using System.Linq;
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
            if (attention == AttentionKind.None || !System.Enum.IsDefined(typeof(AttentionKind), attention))
            {
                return;
            }

            for (var i = 0; i < drafts.Count; i++)
            {
                var draft = drafts[i];
                var ownAttention = spec.Layout is null ? i < spec.Stages.Count && spec.Stages[i].Options.Attention.IsSet : spec.Layout.Options.Attention.IsSet;
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

            var widths = layout.Widths is not null;
            if (widths && layout.Channels is not null)
            {
                reporter.Report(DiagnosticCatalog.ChannelsAndWidth, layout.Locations.Of(nameof(LayoutAttribute.Widths)), "Layout \"" + text + "\"", nameof(LayoutAttribute.Widths));
                return;
            }

            var lengthsAgree = CheckLength(layout, nameof(LayoutAttribute.Depths), layout.Depths, text, tokens.Length, reporter)
                & (widths
                    ? CheckLength(layout, nameof(LayoutAttribute.Widths), layout.Widths, text, tokens.Length, reporter)
                    : CheckLength(layout, nameof(LayoutAttribute.Channels), layout.Channels, text, tokens.Length, reporter))
                & (layout.Strides is null || CheckLength(layout, nameof(LayoutAttribute.Strides), layout.Strides, text, tokens.Length, reporter));
            if (!lengthsAgree)
            {
                return;
            }

            for (var i = 0; i < kinds.Count; i++)
            {
                var index = i;
                var own = widths
                    ? new StageOptions(Depth: layout.Depths!.Value[i], Stride: OptionValue.Of(layout.Strides?[i]), Width: layout.Widths!.Value[i])
                    : new StageOptions(Depth: layout.Depths!.Value[i], Channels: layout.Channels!.Value[i], Stride: OptionValue.Of(layout.Strides?[i]));
                var widthsEntry = layout.Locations.Of((widths ? nameof(LayoutAttribute.Widths) : nameof(LayoutAttribute.Channels)) + "[" + index + "]");
                Func<string, SourceLocation> at = option => option switch
                {
                    nameof(StageAttribute.Depth) => layout.Locations.Of(nameof(LayoutAttribute.Depths) + "[" + index + "]"),
                    nameof(StageAttribute.Channels) or nameof(StageAttribute.Width) => widthsEntry,
                    nameof(StageAttribute.Stride) => layout.Locations.Of(nameof(LayoutAttribute.Strides) + "[" + index + "]"),
                    nameof(StageAttribute.Block) => where,
                    _ => layout.Locations.Of(option),
                };
                drafts.Add(Resolve(kinds[i], own.Or(layout.Options), i + 1, stem, attention, at, reporter));
            }

            WarnIgnored(layout, kinds, reporter);
        }

        // A layout option warns when no stage of the layout reads it.
        private static void WarnIgnored(LayoutSpec layout, List<BlockKind> kinds, Reporter reporter)
        {
            foreach (var option in layout.Options.Written())
            {
                var readers = kinds.Where(kind => BlockCatalog.For(kind).Reads(option)).ToList();
                if (readers.Count == 0)
                {
                    var names = string.Join(", ", kinds.Distinct().Select(kind => BlockCatalog.For(kind).DisplayName));
                    reporter.Report(DiagnosticCatalog.OptionIgnored, layout.Locations.Of(option), "Layout \"" + layout.Text + "\"", option, names);
                }
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
            var written = stage.Options;
            if (written.Channels.IsSet && written.Width.IsSet)
            {
                reporter.Report(DiagnosticCatalog.ChannelsAndWidth, stage.Locations.Of(nameof(StageAttribute.Width)), "Stage " + number, nameof(StageAttribute.Width));
                written = written with { Width = default };
            }

            // A stage given Width has its channel rules reported at Width.
            Func<string, SourceLocation> at = option => stage.Locations.Of(option == nameof(StageAttribute.Channels) && written.Width.IsSet ? nameof(StageAttribute.Width) : option);
            var draft = Resolve(stage.Kind, written, number, stem, attention, at, reporter);
            draft.Custom = stage.Custom;
            WarnIgnored(stage, draft, reporter);
            return draft;
        }

        // The written options over the kind's defaults. Depth and Channels have none: unwritten, they
        // are 0 and reported as such (GEN0004, GEN0005).
        private static StageDraft Resolve(BlockKind kind, StageOptions written, int number, StemKind? stem, AttentionKind attention, Func<string, SourceLocation> at, Reporter reporter)
        {
            var known = BlockCatalog.IsKnown(kind);
            var definition = known ? BlockCatalog.For(kind) : null;
            var defaults = new StageOptions(
                Depth: 0,
                Channels: 0,
                Stride: definition?.DefaultStride(number) ?? 2,
                Expansion: definition?.DefaultExpansion ?? 1,
                Kernels: EPSABottleneckDefinition.DefaultKernels,
                Groups: EPSABottleneckDefinition.DefaultGroups,
                KernelSize: StageAttribute.DefaultKernelSize,
                KeyGroups: StageAttribute.DefaultKeyGroups,
                Heads: StageAttribute.DefaultHeads,
                HeadDim: StageAttribute.DefaultHeadDim,
                Dropout: 0.0,
                DropPath: 0.0,
                Attention: definition is { IsResNetStyle: true } ? attention : AttentionKind.None);
            var draft = new StageDraft
            {
                Number = number,
                Label = "Stage " + number + (stem is null ? string.Empty : " (" + Stems.StemCatalog.For(stem.Value).StageName(number) + ")"),
                Kind = kind,
                Options = written.Or(defaults),
                Where = at,
            };
            var options = draft.Options;
            if (definition is not null && options.Width.IsSet)
            {
                // An output width, the same for every kind: the definition gives the Channels that produce it.
                var channels = definition.ChannelsForWidth(options.Width.Value, options.Expansion.Value);
                if (channels is null)
                {
                    reporter.Report(DiagnosticCatalog.WidthNotDivisible, at(nameof(StageAttribute.Width)), draft.Label, options.Width.Value, options.Expansion.Value);
                }

                draft.Options = options with { Channels = channels ?? 1 }; // 1 after GEN0039, so GEN0005 does not follow it
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
            foreach (var option in stage.Options.Written())
            {
                if (!definition.Reads(option))
                {
                    reporter.Report(DiagnosticCatalog.OptionIgnored, draft.Where(option), draft.Label, option, definition.DisplayName);
                }
            }
        }
    }
}
