namespace Gen.Build.Snapshots
{
    /// <summary>
    /// The result of <see cref="SnapshotCheck.Compare"/> for one name: the outcome, both files'
    /// paths, and for a change the first differing line (1-based, in the <c>.verified.cs</c>) and
    /// a unified diff of verified to received.
    /// </summary>
    internal sealed record SnapshotResult(
        string Name,
        SnapshotOutcome Outcome,
        string VerifiedPath,
        string ReceivedPath,
        int FirstDifferentLine,
        string Diff);
}
