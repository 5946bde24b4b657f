namespace Gen.Generator.Emission
{
    /// <summary>A generated submodule field: its TorchSharp type, its name (= state-dict key) and its initializer.</summary>
    internal sealed record Field(string Type, string Name, string Initializer);
}
