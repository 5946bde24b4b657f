using Gen.Generator.Diagnostics;
using Gen.Generator.Model;

namespace Gen.Generator.Validation
{
    /// <summary>The validate stage's output: the diagnostics, and the plan when there is no error.</summary>
    /// <param name="HintName">The generated file's name, <c>&lt;Name&gt;.g.cs</c>.</param>
    /// <param name="Diagnostics">Errors and warnings, in source order of discovery.</param>
    /// <param name="Plan">The resolved architecture, or null when an error was reported.</param>
    internal sealed record ValidationResult(string HintName, EquatableArray<DiagnosticInfo> Diagnostics, ArchitecturePlan? Plan);
}
