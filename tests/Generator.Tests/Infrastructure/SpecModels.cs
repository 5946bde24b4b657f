using Microsoft.CodeAnalysis.Text;

namespace Gen.Generator.Tests.Infrastructure;

using Gen.Generator.Model;

/// <summary>Hand-built <see cref="SpecModel"/>s for validator tests: plain data, no compilation.</summary>
internal static class SpecModels
{
    public static readonly SourceLocation Nowhere = new("Spec.cs", new TextSpan(0, 1), default);

    public static AttributeLocations Locations => new(Nowhere, EquatableArray<ArgumentLocation>.Empty);

    public static SpecModel Spec(StemSpec stem, params StageSpec[] stages) => Spec(Backbone(), stem, stages);

    public static SpecModel Spec(BackboneSpec backbone, StemSpec stem, params StageSpec[] stages) => new(
        "Tests",
        "Net",
        "public",
        new ClassShape(true, false, false, false, false, false, Nowhere, EquatableArray<MemberName>.Empty, null),
        backbone,
        EquatableArray.Of(stem),
        EquatableArray.From(stages),
        null);

    public static BackboneSpec Backbone(int? imageSize = null, AttentionKind? attention = null, HeadKind? head = null, int? classes = null) =>
        new(null, imageSize, null, null, classes, head, attention, Locations);

    public static StemSpec Stem(StemKind kind, int channels, int? depth = null) => new(kind, channels, depth, Locations);

    public static StageSpec Stage(BlockKind kind, int depth, int channels, int? stride = null, AttentionKind? attention = null, int? heads = null, int? headDim = null) =>
        new(kind, null, new StageOptions(depth, channels, OptionValue.Of(stride), Heads: OptionValue.Of(heads), HeadDim: OptionValue.Of(headDim), Attention: OptionValue.Of(attention)), Locations);
}
