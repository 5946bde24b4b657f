namespace Gen.Build.Snapshots
{
    /// <summary>What comparing a generated source with its snapshot found (and did).</summary>
    internal enum SnapshotOutcome
    {
        /// <summary>The generated source equals the <c>.verified.cs</c>.</summary>
        Matched,

        /// <summary>The generated source differs from the <c>.verified.cs</c>; the <c>.received.cs</c> was written.</summary>
        Changed,

        /// <summary>There is no <c>.verified.cs</c> yet; the <c>.received.cs</c> was written.</summary>
        New,

        /// <summary>Accepting was asked for and the generated source differed: it is now the <c>.verified.cs</c>.</summary>
        Accepted,
    }
}
