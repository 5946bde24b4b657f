using System;
using System.Linq;
using Gen.Generator.Catalog;
using Gen.Generator.Diagnostics;
using Gen.Generator.Emission;
using Gen.Generator.Model;
using Gen.Generator.Parsing;
using Gen.Generator.Pipeline;
using Gen.Generator.Twin;
using Gen.Generator.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Gen.Generator
{
    /// <summary>
    /// Turns every class carrying <c>[Gen.Backbone]</c> into a TorchSharp module: parse the
    /// attributes into an equatable model, validate it into a plan, emit the plan as source.
    /// Each step is pure and named (<see cref="TrackingNames"/>) so unrelated edits stay cached.
    /// Two outputs, as in System.Text.Json's generator: the diagnostics (which carry locations) are
    /// reported on their own, and the source output receives only the plan (which has none), so an
    /// edit that merely moves a spec re-reports its diagnostics without writing its source again.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class BackboneGenerator : IIncrementalGenerator
    {
        private readonly Action<string>? _probe;

        /// <summary>Creates the generator.</summary>
        public BackboneGenerator()
        {
        }

        /// <summary>Creates a generator that calls <paramref name="probe"/> with each step's name before running it (tests inject faults this way).</summary>
        internal BackboneGenerator(Action<string> probe) => _probe = probe;

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var parsed = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    AttributeNames.Backbone,
                    static (node, _) => node is ClassDeclarationSyntax || node.IsKind(SyntaxKind.RecordDeclaration),
                    (syntax, cancellationToken) => Parse(syntax, cancellationToken))
                .WithTrackingName(TrackingNames.Parse);

            var validated = parsed
                .Select((outcome, _) => Validate(outcome))
                .WithTrackingName(TrackingNames.Validate);

            var diagnostics = validated
                .Select(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.Diagnostics);

            var plans = validated
                .Select(static (result, _) => result.Plan)
                .WithTrackingName(TrackingNames.Plan)
                .Where(static plan => plan is not null);

            var sources = plans
                .Select((plan, _) => Emit(plan!))
                .WithTrackingName(TrackingNames.Emit);

            // The assembly's catalog: every valid backbone's listed facts, collected and sorted.
            var catalog = sources
                .Select(static (outcome, _) => outcome.Entry)
                .WithTrackingName(TrackingNames.CatalogEntry)
                .Where(static entry => entry is not null)
                .Collect()
                .Combine(context.CompilationProvider.Select(static (compilation, _) => CatalogEmitter.NamespaceFor(compilation.AssemblyName)))
                .Select(static (pair, _) => new CatalogInput(pair.Right, EquatableArray.Of(pair.Left.Select(e => e!).OrderBy(e => e.FullName, StringComparer.Ordinal).ToArray())))
                .WithTrackingName(TrackingNames.Catalog);

            context.RegisterSourceOutput(diagnostics, static (output, items) => Report(output, items));

            // A stage, layout or stem attribute on a class without [Backbone] would be ignored silently.
            foreach (var companion in AttributeNames.Companions)
            {
                var orphans = context.SyntaxProvider
                    .ForAttributeWithMetadataName(
                        companion,
                        static (node, _) => node is ClassDeclarationSyntax || node.IsKind(SyntaxKind.RecordDeclaration),
                        static (syntax, _) => Orphans(syntax))
                    .WithTrackingName(TrackingNames.Orphans);
                context.RegisterSourceOutput(orphans, static (output, items) => Report(output, items));
            }

            context.RegisterSourceOutput(sources, static (output, outcome) =>
            {
                if (outcome.Failure is not null)
                {
                    output.ReportDiagnostic(outcome.Failure.ToDiagnostic());
                }
                else if (outcome.Source is not null)
                {
                    output.AddSource(outcome.HintName, SourceText.From(outcome.Source, System.Text.Encoding.UTF8));
                    if (outcome.TwinHintName is not null && outcome.TwinSource is not null)
                    {
                        output.AddSource(outcome.TwinHintName, SourceText.From(outcome.TwinSource, System.Text.Encoding.UTF8));
                    }
                }
            });

            context.RegisterSourceOutput(catalog, EmitCatalog);
        }

        private static void EmitCatalog(SourceProductionContext output, CatalogInput input)
        {
            if (input.Entries.Count > 0)
            {
                output.AddSource(CatalogEmitter.HintName, SourceText.From(CatalogEmitter.Emit(input), System.Text.Encoding.UTF8));
            }
        }

        private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> items)
        {
            foreach (var item in items)
            {
                output.ReportDiagnostic(item.ToDiagnostic());
            }
        }

        // GEN0035 for each of the matched attributes, unless the class is a backbone (whose parse reads them).
        private static EquatableArray<DiagnosticInfo> Orphans(GeneratorAttributeSyntaxContext syntax)
        {
            var type = (INamedTypeSymbol)syntax.TargetSymbol;
            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == AttributeNames.Backbone)
                {
                    return EquatableArray<DiagnosticInfo>.Empty;
                }
            }

            var found = new System.Collections.Generic.List<DiagnosticInfo>();
            foreach (var attribute in syntax.Attributes)
            {
                var name = attribute.AttributeClass?.Name ?? string.Empty;
                var shortName = name.EndsWith(nameof(Attribute), StringComparison.Ordinal) ? name.Substring(0, name.Length - nameof(Attribute).Length) : name;
                var where = attribute.ApplicationSyntaxReference is { } reference ? SourceLocation.Of(reference.GetSyntax()) : null;
                found.Add(DiagnosticInfo.Create(DiagnosticCatalog.OrphanSpecAttribute, where, shortName, type.Name));
            }

            return EquatableArray.From(found);
        }

        private ParseOutcome Parse(GeneratorAttributeSyntaxContext syntax, System.Threading.CancellationToken cancellationToken)
        {
            var type = (INamedTypeSymbol)syntax.TargetSymbol;
            var hint = type.Name + ".g.cs";
            return Guard.Run(
                () =>
                {
                    _probe?.Invoke(TrackingNames.Parse);
                    if (!IsFirstBackbone(type, syntax))
                    {
                        // [Backbone] written on a second declaration of the class (CS0579): the
                        // first one already stands for the class.
                        return new ParseOutcome(null, hint, null);
                    }

                    var spec = SpecParser.Parse(type, syntax.TargetNode, syntax.SemanticModel.Compilation, cancellationToken);
                    return new ParseOutcome(spec, SpecValidator.HintName(spec), null);
                },
                failure => new ParseOutcome(null, hint, failure),
                type.Name,
                "reading the spec",
                SourceLocation.Of(((TypeDeclarationSyntax)syntax.TargetNode).Identifier));
        }

        private static bool IsFirstBackbone(INamedTypeSymbol type, GeneratorAttributeSyntaxContext syntax)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == AttributeNames.Backbone)
                {
                    var reference = attribute.ApplicationSyntaxReference;
                    return reference is null || (reference.SyntaxTree == syntax.TargetNode.SyntaxTree && syntax.TargetNode.Span.Contains(reference.Span));
                }
            }

            return true;
        }

        private ValidationResult Validate(ParseOutcome outcome)
        {
            if (outcome.Spec is null)
            {
                var diagnostics = outcome.Failure is null ? EquatableArray<DiagnosticInfo>.Empty : EquatableArray.Of(outcome.Failure);
                return new ValidationResult(outcome.HintName, diagnostics, null);
            }

            var spec = outcome.Spec;
            return Guard.Run(
                () =>
                {
                    _probe?.Invoke(TrackingNames.Validate);
                    return SpecValidator.Validate(spec);
                },
                failure => new ValidationResult(outcome.HintName, EquatableArray.Of(failure), null),
                spec.ClassName,
                "validating the spec",
                spec.Shape.Identifier);
        }

        private EmitOutcome Emit(ArchitecturePlan plan)
        {
            var hintName = SpecValidator.HintName(plan.Namespace, plan.ClassName);
            return Guard.Run(
                () =>
                {
                    _probe?.Invoke(TrackingNames.Emit);
                    var twin = TwinSourceEmitter.Emit(plan, TwinEmitter.Emit(plan));
                    return new EmitOutcome(hintName, SourceEmitter.Emit(plan), null, CatalogEntry.Of(plan), TwinSourceEmitter.HintName(plan.Namespace, plan.ClassName), twin);
                },
                failure => new EmitOutcome(hintName, null, failure),
                plan.ClassName,
                "writing the module",
                null);
        }
    }
}
