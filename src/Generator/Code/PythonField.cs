using System.Collections.Generic;

namespace Gen.Generator.Code
{
    /// <summary>A submodule of the PyTorch twin: its attribute name (= state-dict key) and its constructor expression.</summary>
    /// <param name="Name">The attribute's name, which is its state-dict key.</param>
    /// <param name="Initializer">The expression assigned in <c>__init__</c>; for an <c>nn.Sequential</c>, its opening call.</param>
    /// <param name="Items">The modules of an <c>nn.Sequential</c>, one per line; null for any other module.</param>
    internal sealed record PythonField(string Name, string Initializer, IReadOnlyList<string>? Items = null);
}
