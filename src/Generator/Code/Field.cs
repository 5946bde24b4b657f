using System.Collections.Generic;

namespace Gen.Generator.Code
{
    /// <summary>A generated submodule field: its TorchSharp type, its name (= state-dict key) and its initializer.</summary>
    /// <param name="Type">The field's type from <c>global::</c>, as written in the declaration.</param>
    /// <param name="Name">The field's name, which is its state-dict key.</param>
    /// <param name="Initializer">The expression assigned in the constructor; for a <c>Sequential</c>, its opening call.</param>
    /// <param name="Items">The <c>("key", module)</c> items of a <c>Sequential</c>, one per line; null for any other module.</param>
    internal sealed record Field(string Type, string Name, string Initializer, IReadOnlyList<string>? Items = null);
}
