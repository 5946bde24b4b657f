using Gen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Gen.Generator.Diagnostics
{
    /// <summary>A diagnostic as equatable data: catalog ID, location, message arguments.</summary>
    /// <param name="Id">The catalog ID (<c>GEN0001</c>...).</param>
    /// <param name="Location">Where to report it; null for no location.</param>
    /// <param name="Arguments">The message format arguments.</param>
    internal sealed record DiagnosticInfo(string Id, SourceLocation? Location, EquatableArray<string> Arguments)
    {
        /// <summary>Creates a diagnostic of <paramref name="descriptor"/> at <paramref name="location"/>.</summary>
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourceLocation? location, params object[] arguments)
        {
            var texts = new string[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                texts[i] = System.Convert.ToString(arguments[i], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            }

            return new DiagnosticInfo(descriptor.Id, location, EquatableArray.From(texts));
        }

        /// <summary>Whether the catalog gives this ID error severity.</summary>
        public bool IsError => DiagnosticCatalog.Find(Id).DefaultSeverity == DiagnosticSeverity.Error;

        /// <summary>Builds the Roslyn diagnostic.</summary>
        public Diagnostic ToDiagnostic()
        {
            var arguments = new object[Arguments.Count];
            for (var i = 0; i < Arguments.Count; i++)
            {
                arguments[i] = Arguments[i];
            }

            return Diagnostic.Create(DiagnosticCatalog.Find(Id), Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, arguments);
        }
    }
}
