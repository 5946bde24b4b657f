using System;
using System.IO;
using Gen.Build.Snapshots;
using Xunit;

namespace Gen.Build.Tests
{
    /// <summary>Gen's snapshot mechanism (Verify's conventions), as the build and the generator tests use it.</summary>
    public sealed class SnapshotCheckTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "gen-snapshot-" + Guid.NewGuid().ToString("N"));

        private string Verified(string name) => Path.Combine(_directory, name + ".verified.cs");

        private string Received(string name) => Path.Combine(_directory, name + ".received.cs");

        [Fact]
        public void A_difference_writes_the_received_file_and_reports_the_first_differing_line_and_a_unified_diff()
        {
            Directory.CreateDirectory(_directory);
            File.WriteAllText(Verified("Sample"), "a\nb\nc\n");

            var result = SnapshotCheck.Compare(_directory, "Sample", "a\nB\nc\n", accept: false);

            Assert.Equal(SnapshotOutcome.Changed, result.Outcome);
            Assert.Equal(2, result.FirstDifferentLine);
            Assert.Contains("@@ -1,3 +1,3 @@", result.Diff);
            Assert.Contains(" a\n-b\n+B\n c\n", result.Diff);
            Assert.Equal("a\nB\nc\n", File.ReadAllText(Received("Sample")));
            Assert.Equal("a\nb\nc\n", File.ReadAllText(Verified("Sample")));
        }

        [Fact]
        public void A_match_passes_ignoring_line_endings_and_removes_a_stale_received_file()
        {
            Directory.CreateDirectory(_directory);
            File.WriteAllText(Verified("Sample"), "same\nlines\n");
            File.WriteAllText(Received("Sample"), "old\n");

            var result = SnapshotCheck.Compare(_directory, "Sample", "same\r\nlines\r\n", accept: false);

            Assert.Equal(SnapshotOutcome.Matched, result.Outcome);
            Assert.False(File.Exists(Received("Sample")));
        }

        [Fact]
        public void A_missing_snapshot_fails_and_writes_the_received_file_but_no_verified_one()
        {
            var result = SnapshotCheck.Compare(_directory, "New", "text\n", accept: false);

            Assert.Equal(SnapshotOutcome.New, result.Outcome);
            Assert.True(File.Exists(Received("New")));
            Assert.False(File.Exists(Verified("New")));
        }

        [Fact]
        public void Accepting_makes_the_generated_source_the_verified_one_as_utf8_without_bom_and_lf()
        {
            Directory.CreateDirectory(_directory);
            File.WriteAllText(Verified("Sample"), "old\n");
            File.WriteAllText(Received("Sample"), "stale\n");

            var result = SnapshotCheck.Compare(_directory, "Sample", "new\r\nü\r\n", accept: true);

            Assert.Equal(SnapshotOutcome.Accepted, result.Outcome);
            Assert.Equal(new byte[] { (byte)'n', (byte)'e', (byte)'w', (byte)'\n', 0xC3, 0xBC, (byte)'\n' }, File.ReadAllBytes(Verified("Sample")));
            Assert.False(File.Exists(Received("Sample")));
            Assert.Equal(SnapshotOutcome.Matched, SnapshotCheck.Compare(_directory, "Sample", "new\nü\n", accept: false).Outcome);
        }

        [Fact]
        public void The_first_differing_line_counts_a_line_added_at_the_end()
        {
            Assert.Equal(0, SnapshotCheck.FirstDifferentLine("a\nb", "a\r\nb"));
            Assert.Equal(3, SnapshotCheck.FirstDifferentLine("a\nb", "a\nb\nc"));
            Assert.Equal(1, SnapshotCheck.FirstDifferentLine("x\nb", "a\nb"));
        }

        [Fact]
        public void A_long_diff_is_cut_to_its_first_lines_with_a_note_of_the_rest()
        {
            var head = SnapshotCheck.Head("1\n2\n3\n4\n5\n", 2);

            Assert.Equal("1\n2\n... (3 more diff lines in the files)", head);
        }

        public void Dispose()
        {
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
    }
}
