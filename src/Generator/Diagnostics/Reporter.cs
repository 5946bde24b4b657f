using System.Collections.Generic;
using Gen.Generator.Diagnostics;
using Gen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Gen.Generator.Diagnostics
{
    /// <summary>Collects the diagnostics of one validation.</summary>
    internal sealed class Reporter
    {
        private readonly List<DiagnosticInfo> _diagnostics = new List<DiagnosticInfo>();

        /// <summary>Whether an error has been reported.</summary>
        public bool HasErrors { get; private set; }

        /// <summary>Everything reported so far.</summary>
        public EquatableArray<DiagnosticInfo> Diagnostics => EquatableArray.From(_diagnostics);

        /// <summary>Reports <paramref name="descriptor"/> at <paramref name="location"/>.</summary>
        public void Report(DiagnosticDescriptor descriptor, SourceLocation? location, params object[] arguments)
        {
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
            HasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
        }
    }
}
