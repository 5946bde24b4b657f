using Gen.Build.Snapshots;
using Xunit.Sdk;

namespace Gen.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot review for specs that live in tests rather than in a project (the edge cases): the
/// same mechanism the build runs for src/Architectures and for users' projects
/// (<see cref="SnapshotCheck"/> in Gen.Build.Tasks), as a test assertion. A mismatch writes
/// <c>&lt;Name&gt;.received.cs</c> (<c>.py</c> for PyTorch twins) and fails with the unified diff; <c>GEN_ACCEPT_SNAPSHOTS=1</c> accepts.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string name, string actual, string? directory = null, string extension = "cs")
    {
        var result = SnapshotCheck.Compare(directory ?? RepoPaths.Snapshots, name, actual, SnapshotCheck.AcceptRequestedByEnvironment, extension);
        switch (result.Outcome)
        {
            case SnapshotOutcome.New:
                throw new XunitException($"No snapshot {result.VerifiedPath} yet. Review {result.ReceivedPath}; accept with {SnapshotCheck.AcceptVariable}=1 dotnet test.\n" + result.Diff);
            case SnapshotOutcome.Changed:
                throw new XunitException($"Snapshot {name} changed from line {result.FirstDifferentLine}. Review {result.ReceivedPath}; accept with {SnapshotCheck.AcceptVariable}=1 dotnet test.\n" + result.Diff);
        }
    }
}
