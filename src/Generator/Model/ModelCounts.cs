namespace Gen.Generator.Model
{
    /// <summary>What a model holds and computes: in total, and per row of the shape table.</summary>
    /// <param name="Total">The whole model.</param>
    /// <param name="Stem">The stem.</param>
    /// <param name="Stages">Each stage, in order.</param>
    /// <param name="Head">The head (<see cref="Counts.Zero"/> without one).</param>
    internal sealed record ModelCounts(Counts Total, Counts Stem, EquatableArray<Counts> Stages, Counts Head);
}
