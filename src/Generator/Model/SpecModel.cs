namespace Gen.Generator.Model
{
    /// <summary>
    /// Everything the parser read from one <c>[Backbone]</c> class, as plain equatable data. Values
    /// the user did not write are null; the validator applies defaults and checks the rest.
    /// </summary>
    /// <param name="Namespace">The class's namespace, empty for the global namespace.</param>
    /// <param name="ClassName">The class name.</param>
    /// <param name="Accessibility">The C# accessibility keyword(s) of the class.</param>
    /// <param name="Shape">Partial/nesting/generic facts the validator checks.</param>
    /// <param name="Backbone">The <c>[Backbone]</c> values.</param>
    /// <param name="Stems">Every stem attribute found (the validator wants exactly one).</param>
    /// <param name="Stages">The <c>[Stage]</c> attributes in source order.</param>
    /// <param name="Layout">The <c>[Layout]</c> attribute, if any.</param>
    /// <param name="HasArgumentErrors">
    /// A spec attribute has an argument the compiler rejects (not a constant, no matching constructor):
    /// the compiler reports it, and the generator adds nothing of its own (its value is unknown).
    /// </param>
    internal sealed record SpecModel(
        string Namespace,
        string ClassName,
        string Accessibility,
        ClassShape Shape,
        BackboneSpec Backbone,
        EquatableArray<StemSpec> Stems,
        EquatableArray<StageSpec> Stages,
        LayoutSpec? Layout,
        bool HasArgumentErrors = false);

    /// <summary>Facts about the declaration itself.</summary>
    /// <param name="IsPartial">Every declaration of the class is <c>partial</c>.</param>
    /// <param name="IsNested">The class is nested in another type.</param>
    /// <param name="IsGeneric">The class has type parameters.</param>
    /// <param name="IsRecord">The type is a <c>record class</c>, not a plain class.</param>
    /// <param name="IsStatic">The class is <c>static</c>.</param>
    /// <param name="IsFileLocal">The class is <c>file</c>-local (another file's partial declaration would be another type).</param>
    /// <param name="Identifier">The class name token.</param>
    /// <param name="Members">The members the user declared, by name (the generated half must not declare them again).</param>
    /// <param name="Constructor">Where the user declared an instance constructor, if anywhere.</param>
    internal sealed record ClassShape(
        bool IsPartial,
        bool IsNested,
        bool IsGeneric,
        bool IsRecord,
        bool IsStatic,
        bool IsFileLocal,
        SourceLocation Identifier,
        EquatableArray<MemberName> Members,
        SourceLocation? Constructor);

    /// <summary>A member the user declared in the backbone class.</summary>
    /// <param name="Name">Its name.</param>
    /// <param name="Location">Where its name is written.</param>
    internal sealed record MemberName(string Name, SourceLocation Location);

    /// <summary>The <c>[Backbone]</c> attribute.</summary>
    internal sealed record BackboneSpec(
        int? InChannels,
        int? ImageSize,
        int? ImageHeight,
        int? ImageWidth,
        int? Classes,
        HeadKind? Head,
        AttentionKind? Attention,
        AttributeLocations Locations);

    /// <summary>One stem attribute.</summary>
    internal sealed record StemSpec(StemKind Kind, int? Channels, int? Depth, AttributeLocations Locations);

    /// <summary>One <c>[Stage]</c> attribute.</summary>
    /// <param name="Kind">The block kind (<see cref="BlockKind.Custom"/> for a user-defined block).</param>
    /// <param name="Custom">The user-defined block type, if any.</param>
    /// <param name="Options">The options as written (null where not written).</param>
    /// <param name="Locations">Where the attribute and each argument are.</param>
    internal sealed record StageSpec(BlockKind Kind, CustomBlockInfo? Custom, StageOptions Options, AttributeLocations Locations);

    /// <summary>What the parser learned about a user-defined block type.</summary>
    /// <param name="TypeName">Fully qualified, <c>global::</c>-prefixed name for emission.</param>
    /// <param name="DisplayName">Short name for messages.</param>
    /// <param name="IsModule">The type derives from <c>torch.nn.Module&lt;Tensor, Tensor&gt;</c>.</param>
    /// <param name="HasConstructor">The type has a public <c>(long, long, long, ...optional)</c> constructor.</param>
    /// <param name="IsConstructible">The type is a non-abstract class.</param>
    /// <param name="IsAccessible">The type can be named from inside the backbone class (where the generated code lives).</param>
    internal sealed record CustomBlockInfo(string TypeName, string DisplayName, bool IsModule, bool HasConstructor, bool IsConstructible, bool IsAccessible);

    /// <summary>The <c>[Layout]</c> attribute.</summary>
    /// <param name="Text">The tokens, e.g. <c>C-C-T-T</c>.</param>
    /// <param name="Depths">One depth per token.</param>
    /// <param name="Channels">One channels entry per token (or null when <paramref name="Widths"/> are given).</param>
    /// <param name="Widths">One output width per token (or null when <paramref name="Channels"/> are given).</param>
    /// <param name="Strides">One first-block stride per token, if written.</param>
    /// <param name="Options">The block options for every stage whose kind reads them (unset where not written).</param>
    /// <param name="Locations">Where the attribute and each argument are.</param>
    internal sealed record LayoutSpec(
        string? Text,
        EquatableArray<int>? Depths,
        EquatableArray<int>? Channels,
        EquatableArray<int>? Widths,
        EquatableArray<int>? Strides,
        StageOptions Options,
        AttributeLocations Locations);
}
