using Gen.Generator.Diagnostics;
using Gen.Generator.Model;

namespace Gen.Generator.Pipeline
{
    /// <summary>The parse step's output: the model, or the exception it hit turned into a diagnostic.</summary>
    internal sealed record ParseOutcome(SpecModel? Spec, string HintName, DiagnosticInfo? Failure);

    /// <summary>The emit step's output.</summary>
    /// <param name="HintName">The file name, <c>&lt;Name&gt;.g.cs</c>.</param>
    /// <param name="Source">The source text, or null when emission failed.</param>
    /// <param name="Failure">The internal error, when emission failed.</param>
    /// <param name="Entry">The backbone's catalog entry, present only when its module was emitted, so the catalog never names a class without a module.</param>
    /// <param name="TwinHintName">The PyTorch twin's file name, <c>&lt;Name&gt;.PyTorch.g.cs</c>.</param>
    /// <param name="TwinSource">The PyTorch twin's C# file, or null when emission failed.</param>
    internal sealed record EmitOutcome(string HintName, string? Source, DiagnosticInfo? Failure, Catalog.CatalogEntry? Entry = null, string? TwinHintName = null, string? TwinSource = null);
}
