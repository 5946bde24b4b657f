using System.Collections.Generic;
using System.Threading;
using Gen.Generator.Model;
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

            foreach (var attribute in type.GetAttributes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var attributeClass = attribute.AttributeClass;
                if (attributeClass is null || attributeClass.ContainingNamespace?.ToDisplayString() != AttributeNames.Namespace)
                {
                    continue;
                }

                var reader = new AttributeReader(attribute, node);
                switch (attributeClass.Name)
                {
                    case AttributeNames.BackboneSimple:
                        backbone = ReadBackbone(reader);
                        break;
                    case AttributeNames.ResNetStem:
                        stems.Add(new StemSpec(StemKind.ResNet, reader.Int("channels") ?? 64, null, reader.Locations));
                        break;
                    case AttributeNames.CifarStem:
                        stems.Add(new StemSpec(StemKind.Cifar, reader.Int("channels") ?? 64, null, reader.Locations));
                        break;
                    case AttributeNames.ConvStem:
                        stems.Add(new StemSpec(StemKind.Conv, reader.Int("channels"), reader.Int("Depth"), reader.Locations));
                        break;
                    case AttributeNames.Stage:
                        stages.Add(ReadStage(reader, type, compilation));
                        break;
                    case AttributeNames.Layout:
                        layout = new LayoutSpec(reader.String("layout"), reader.IntArray("Depths"), reader.IntArray("Channels"), reader.IntArray("Strides"), reader.Locations);
                        break;
                }
            }

            var identifier = node is TypeDeclarationSyntax declaration ? SourceLocation.Of(declaration.Identifier) : SourceLocation.Of(node);
            var shape = new ClassShape(IsPartial(type), type.ContainingType is not null, type.TypeParameters.Length > 0, type.IsRecord, identifier);
            return new SpecModel(
                type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty,
                type.Name,
                type.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
                shape,
                backbone ?? new BackboneSpec(null, null, null, null, null, null, null, new AttributeLocations(identifier, EquatableArray<ArgumentLocation>.Empty)),
                EquatableArray.From(stems),
                EquatableArray.From(stages),
                layout);
        }

        private static BackboneSpec ReadBackbone(AttributeReader reader) => new BackboneSpec(
            reader.Int("InChannels"),
            reader.Int("ImageSize"),
            reader.Int("ImageHeight"),
            reader.Int("ImageWidth"),
            reader.Int("Classes"),
            (HeadKind?)reader.Enum("Head"),
            (AttentionKind?)reader.Enum("Attention"),
            reader.Locations);

        private static StageSpec ReadStage(AttributeReader reader, INamedTypeSymbol backbone, Compilation compilation)
        {
            var blockType = reader.Type("blockType");
            var kind = blockType is not null ? BlockKind.Custom : (BlockKind)(reader.Enum("block") ?? (int)BlockKind.Custom);
            return new StageSpec(
                kind,
                blockType is not null ? CustomBlockInspector.Inspect(blockType, backbone, compilation) : null,
                reader.Int("Depth"),
                reader.Int("Channels"),
                reader.Int("Stride"),
                reader.Int("Expansion"),
                reader.IntArray("Kernels"),
                reader.IntArray("Groups"),
                reader.Int("KernelSize"),
                reader.Int("KeyGroups"),
                reader.Int("Heads"),
                reader.Int("HeadDim"),
                reader.Double("Dropout"),
                reader.Double("DropPath"),
                (AttentionKind?)reader.Enum("Attention"),
                reader.Locations);
        }

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
