using System;
using System.IO;
using Gen.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Sdk;

namespace Gen.Generator.Tests;

/// <summary>The snapshot helper itself: it must fail on a change, write the received file and show a diff.</summary>
public class SnapshotHelperTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gen-snapshot-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Mismatch_writes_received_file_and_fails_with_unified_diff()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "Sample.verified.cs"), "a\nb\nc\n");

        var failure = Assert.Throws<XunitException>(() => Snapshot.Verify("Sample", "a\nB\nc\n", _directory));

        Assert.Contains("-b", failure.Message);
        Assert.Contains("+B", failure.Message);
        Assert.Contains("@@ -1,3 +1,3 @@", failure.Message);
        Assert.Equal("a\nB\nc\n", File.ReadAllText(Path.Combine(_directory, "Sample.received.cs")));
    }

    [Fact]
    public void Match_passes_and_removes_a_stale_received_file()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "Sample.verified.cs"), "same\n");
        File.WriteAllText(Path.Combine(_directory, "Sample.received.cs"), "old\n");

        Snapshot.Verify("Sample", "same\r\n", _directory);

        Assert.False(File.Exists(Path.Combine(_directory, "Sample.received.cs")));
    }

    [Fact]
    public void Missing_snapshot_fails_unless_accepted()
    {
        Assert.Throws<XunitException>(() => Snapshot.Verify("New", "text\n", _directory));
        Assert.True(File.Exists(Path.Combine(_directory, "New.received.cs")));
        Assert.False(File.Exists(Path.Combine(_directory, "New.verified.cs")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
