using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Gen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Gen.Generator.Parsing
{
    /// <summary>
    /// Reads one attribute's arguments by name (constructor parameters and named properties alike)
    /// and remembers where each one is written, element by element for arrays. Names are compared
    /// without case, so a constructor parameter (<c>channels</c>) is read by the name of the property
    /// that exposes it (<c>nameof(ConvStemAttribute.Channels)</c>).
    /// </summary>
    internal sealed class AttributeReader
    {
        private readonly Dictionary<string, TypedConstant> _values = new Dictionary<string, TypedConstant>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Collects the arguments of <paramref name="attribute"/>.</summary>
        public AttributeReader(AttributeData attribute, SyntaxNode? fallback)
        {
            var constructor = attribute.AttributeConstructor;
            HasErrors = constructor is null || attribute.AttributeClass is null || attribute.AttributeClass.TypeKind == TypeKind.Error;
            for (var i = 0; i < attribute.ConstructorArguments.Length; i++)
            {
                var name = constructor is not null && i < constructor.Parameters.Length ? constructor.Parameters[i].Name : "arg" + i;
                _values[name] = attribute.ConstructorArguments[i];
                HasErrors |= attribute.ConstructorArguments[i].Kind == TypedConstantKind.Error;
            }

            foreach (var named in attribute.NamedArguments)
            {
                _values[named.Key] = named.Value;
                HasErrors |= named.Value.Kind == TypedConstantKind.Error;
            }

            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax;
            Locations = ReadLocations(syntax, constructor, fallback);
        }

        /// <summary>Whether the compiler rejects an argument (not a constant, no matching constructor), so its value is unknown.</summary>
        public bool HasErrors { get; }

        /// <summary>Where the attribute and each argument are.</summary>
        public AttributeLocations Locations { get; }

        /// <summary>An <c>int</c> argument, or null when not written.</summary>
        public int? Int(string name) =>
            _values.TryGetValue(name, out var value) && value.Kind == TypedConstantKind.Primitive && value.Value is int number ? number : null;

        /// <summary>A <c>double</c> argument, or null when not written.</summary>
        public double? Double(string name) =>
            _values.TryGetValue(name, out var value) && value.Kind == TypedConstantKind.Primitive && value.Value is double number ? number : null;

        /// <summary>A <c>string</c> argument, or null.</summary>
        public string? String(string name) =>
            _values.TryGetValue(name, out var value) && value.Kind == TypedConstantKind.Primitive ? value.Value as string : null;

        /// <summary>An enum argument as its underlying <c>int</c>, or null.</summary>
        public int? Enum(string name) =>
            _values.TryGetValue(name, out var value) && value.Kind == TypedConstantKind.Enum && value.Value is int number ? number : null;

        /// <summary>A <c>Type</c> argument, or null.</summary>
        public ITypeSymbol? Type(string name) =>
            _values.TryGetValue(name, out var value) && value.Kind == TypedConstantKind.Type ? value.Value as ITypeSymbol : null;

        /// <summary>An <c>int[]</c> argument, or null when not written or written as null.</summary>
        public EquatableArray<int>? IntArray(string name)
        {
            if (!_values.TryGetValue(name, out var value) || value.Kind != TypedConstantKind.Array || value.IsNull)
            {
                return null;
            }

            var items = new List<int>();
            foreach (var element in value.Values)
            {
                items.Add(element.Value is int number ? number : 0);
            }

            return EquatableArray.From(items);
        }

        private static AttributeLocations ReadLocations(AttributeSyntax? syntax, IMethodSymbol? constructor, SyntaxNode? fallback)
        {
            var whole = syntax is not null ? SourceLocation.Of(syntax) : fallback is not null ? SourceLocation.Of(fallback) : new SourceLocation(string.Empty, default, default);
            var arguments = new List<ArgumentLocation>();
            var position = 0;
            foreach (var argument in syntax?.ArgumentList?.Arguments ?? default(SeparatedSyntaxList<AttributeArgumentSyntax>))
            {
                string name;
                if (argument.NameEquals is not null)
                {
                    name = argument.NameEquals.Name.Identifier.ValueText;
                }
                else if (argument.NameColon is not null)
                {
                    name = argument.NameColon.Name.Identifier.ValueText;
                }
                else
                {
                    name = constructor is not null && position < constructor.Parameters.Length ? constructor.Parameters[position].Name : "arg" + position;
                    position++;
                }

                arguments.Add(new ArgumentLocation(name, SourceLocation.Of(argument.Expression)));
                var elements = ArrayElements(argument.Expression);
                for (var i = 0; i < elements.Count; i++)
                {
                    arguments.Add(new ArgumentLocation(name + "[" + i + "]", SourceLocation.Of(elements[i])));
                }
            }

            return new AttributeLocations(whole, EquatableArray.From(arguments));
        }

        private static IReadOnlyList<SyntaxNode> ArrayElements(ExpressionSyntax expression)
        {
            InitializerExpressionSyntax? initializer = expression switch
            {
                ArrayCreationExpressionSyntax array => array.Initializer,
                ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer,
                InitializerExpressionSyntax bare => bare,
                _ => null,
            };
            if (initializer is not null)
            {
                return initializer.Expressions;
            }

            if (expression is CollectionExpressionSyntax collection)
            {
                return collection.Elements;
            }

            return ImmutableArray<SyntaxNode>.Empty;
        }
    }
}
