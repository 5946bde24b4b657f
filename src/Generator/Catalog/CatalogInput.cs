using Gen.Generator.Model;

namespace Gen.Generator.Catalog
{
    /// <summary>What the catalog is emitted from: the namespace it goes into and every valid backbone of the assembly, sorted.</summary>
    internal sealed record CatalogInput(string Namespace, EquatableArray<CatalogEntry> Entries);
}
