using Gen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Gen.Generator.Parsing
{
    /// <summary>
    /// Checks a user-defined block type against the documented shape, while the symbol is at hand,
    /// and keeps only the answers (the pipeline must not carry symbols).
    /// </summary>
    internal static class CustomBlockInspector
    {
        private const string ModuleOfTensor = "TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>";

        /// <summary>Inspects <paramref name="type"/>, named in a stage of <paramref name="backbone"/>.</summary>
        public static CustomBlockInfo Inspect(ITypeSymbol type, INamedTypeSymbol backbone, Compilation compilation)
        {
            // typeof(SomeoneElses.PrivateBlock) binds to an error type (CS0122) whose candidate is the
            // real type: judge that, so an inaccessible block is reported as such.
            if (type is IErrorTypeSymbol { CandidateReason: CandidateReason.Inaccessible, CandidateSymbols: { Length: 1 } candidates } && candidates[0] is ITypeSymbol candidate)
            {
                type = candidate;
            }

            var named = type as INamedTypeSymbol;
            var constructible = named is not null && named.TypeKind == TypeKind.Class && !named.IsAbstract && !named.IsUnboundGenericType;
            return new CustomBlockInfo(
                type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                type.Name,
                IsModule(type),
                named is not null && HasBlockConstructor(named),
                constructible,
                compilation.IsSymbolAccessibleWithin(type, backbone));
        }

        private static bool IsModule(ITypeSymbol type)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (current.ToDisplayString() == ModuleOfTensor)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasBlockConstructor(INamedTypeSymbol type)
        {
            foreach (var constructor in type.InstanceConstructors)
            {
                if (constructor.DeclaredAccessibility != Accessibility.Public || constructor.Parameters.Length < 3)
                {
                    continue;
                }

                var fits = true;
                for (var i = 0; i < constructor.Parameters.Length; i++)
                {
                    var parameter = constructor.Parameters[i];
                    fits &= i < 3
                        ? parameter.Type.SpecialType == SpecialType.System_Int64 && parameter.RefKind == RefKind.None
                        : parameter.IsOptional || parameter.IsParams;
                }

                if (fits)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
