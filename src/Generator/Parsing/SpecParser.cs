using System.Collections.Generic;
using System.Threading;
using Gen.Generator.Model;
using Gen.Generator.Stems;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Gen.Generator.Parsing
{
    /// <summary>
    /// The parse stage: reads a <c>[Backbone]</c> class's attributes into a <see cref="SpecModel"/>.
    /// It records what is written and where; judging it is the validator's job.
    /// </summary>
    internal static class SpecParser
    {
        /// <summary>Parses the class the generator was triggered on.</summary>
        public static SpecModel Parse(INamedTypeSymbol type, SyntaxNode node, Compilation compilation, CancellationToken cancellationToken)
        {
            BackboneSpec? backbone = null;
            var stems = new List<StemSpec>();
            var stages = new List<StageSpec>();
            LayoutSpec? layout = null;
            var hasArgumentErrors = false;

            foreach (var attribute in type.GetAttributes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var attributeClass = attribute.AttributeClass;
                if (attributeClass is null || attributeClass.ContainingNamespace?.ToDisplayString() != AttributeNames.Namespace)
                {
                    continue;
                }

                var reader = new AttributeReader(attribute, node);
                hasArgumentErrors |= reader.HasErrors;
                if (StemCatalog.ForAttribute(attributeClass.Name) is { } stem)
                {
                    // Every stem attribute has Channels; only [ConvStem] has Depth (null elsewhere).
                    var channels = reader.Int(nameof(ConvStemAttribute.Channels)) ?? stem.DefaultChannels;
                    stems.Add(new StemSpec(stem.Kind, channels, reader.Int(nameof(ConvStemAttribute.Depth)), reader.Locations));
                    continue;
                }

                switch (attributeClass.Name)
                {
                    case nameof(BackboneAttribute):
                        backbone = ReadBackbone(reader);
                        break;
                    case nameof(StageAttribute):
                        stages.Add(ReadStage(reader, type, compilation));
                        break;
                    case nameof(LayoutAttribute):
                        layout = new LayoutSpec(
                            reader.String(nameof(LayoutAttribute.Layout)),
                            reader.IntArray(nameof(LayoutAttribute.Depths)),
                            reader.IntArray(nameof(LayoutAttribute.Channels)),
                            reader.IntArray(nameof(LayoutAttribute.Widths)),
                            reader.IntArray(nameof(LayoutAttribute.Strides)),
                            ReadOptions(reader),
                            reader.Locations);
                        break;
                }
            }

            var identifier = node is TypeDeclarationSyntax declaration ? SourceLocation.Of(declaration.Identifier) : SourceLocation.Of(node);
            var shape = new ClassShape(
                IsPartial(type),
                type.ContainingType is not null,
                type.TypeParameters.Length > 0,
                type.IsRecord,
                type.IsStatic,
                type.IsFileLocal,
                identifier,
                UserMembers(type),
                UserConstructor(type));
            return new SpecModel(
                type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty,
                type.Name,
                type.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
                shape,
                backbone ?? new BackboneSpec(null, null, null, null, null, null, null, new AttributeLocations(identifier, EquatableArray<ArgumentLocation>.Empty)),
                EquatableArray.From(stems),
                EquatableArray.From(stages),
                layout,
                hasArgumentErrors);
        }

        private static BackboneSpec ReadBackbone(AttributeReader reader) => new BackboneSpec(
            reader.Int(nameof(BackboneAttribute.InChannels)),
            reader.Int(nameof(BackboneAttribute.ImageSize)),
            reader.Int(nameof(BackboneAttribute.ImageHeight)),
            reader.Int(nameof(BackboneAttribute.ImageWidth)),
            reader.Int(nameof(BackboneAttribute.Classes)),
            (HeadKind?)reader.Enum(nameof(BackboneAttribute.Head)),
            (AttentionKind?)reader.Enum(nameof(BackboneAttribute.Attention)),
            reader.Locations);

        private static StageSpec ReadStage(AttributeReader reader, INamedTypeSymbol backbone, Compilation compilation)
        {
            var blockType = reader.Type(nameof(StageAttribute.BlockType));
            var kind = blockType is not null ? BlockKind.Custom : (BlockKind)(reader.Enum(nameof(StageAttribute.Block)) ?? (int)BlockKind.Custom);
            var options = ReadOptions(reader);
            return new StageSpec(kind, blockType is not null ? CustomBlockInspector.Inspect(blockType, backbone, compilation) : null, options, reader.Locations);
        }

        private static EquatableArray<MemberName> UserMembers(INamedTypeSymbol type)
        {
            var members = new List<MemberName>();
            foreach (var member in type.GetMembers())
            {
                if (!member.IsImplicitlyDeclared && member.CanBeReferencedByName && member.Locations.Length > 0 && member.Locations[0].IsInSource)
                {
                    members.Add(new MemberName(member.Name, SourceLocation.Of(member.Locations[0])));
                }
            }

            foreach (var nested in type.GetTypeMembers())
            {
                if (nested.Locations.Length > 0 && nested.Locations[0].IsInSource)
                {
                    members.Add(new MemberName(nested.Name, SourceLocation.Of(nested.Locations[0])));
                }
            }

            return EquatableArray.From(members);
        }

        private static SourceLocation? UserConstructor(INamedTypeSymbol type)
        {
            foreach (var constructor in type.InstanceConstructors)
            {
                if (!constructor.IsImplicitlyDeclared && constructor.Locations.Length > 0 && constructor.Locations[0].IsInSource)
                {
                    return SourceLocation.Of(constructor.Locations[0]);
                }
            }

            return null;
        }

        // [Stage] and [Layout] share the block options (BlockOptionsAttribute); [Layout] has no Depth
        // or Stride, and its Channels is an array, so those read as unset there.
        private static StageOptions ReadOptions(AttributeReader reader) => new StageOptions(
            OptionValue.Of(reader.Int(nameof(StageAttribute.Depth))),
            OptionValue.Of(reader.Int(nameof(StageAttribute.Channels))),
            OptionValue.Of(reader.Int(nameof(StageAttribute.Stride))),
            OptionValue.Of(reader.Int(nameof(StageAttribute.Expansion))),
            OptionValue.Of(reader.IntArray(nameof(StageAttribute.Kernels))),
            OptionValue.Of(reader.IntArray(nameof(StageAttribute.Groups))),
            OptionValue.Of(reader.Int(nameof(StageAttribute.KernelSize))),
            OptionValue.Of(reader.Int(nameof(StageAttribute.KeyGroups))),
            OptionValue.Of(reader.Int(nameof(StageAttribute.Heads))),
            OptionValue.Of(reader.Int(nameof(StageAttribute.HeadDim))),
            OptionValue.Of(reader.Double(nameof(StageAttribute.Dropout))),
            OptionValue.Of(reader.Double(nameof(StageAttribute.DropPath))),
            OptionValue.Of((AttentionKind?)reader.Enum(nameof(StageAttribute.Attention))),
            OptionValue.Of(reader.Int(nameof(StageAttribute.Width))));

        private static bool IsPartial(INamedTypeSymbol type)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
