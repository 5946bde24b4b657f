using System;
using System.IO;
using System.Text.Json.Nodes;
using Gen.Bench;
using Xunit;

namespace Gen.Bench.Tests
{
    /// <summary>The README table is rendered from the benchmark's JSON, and only its marked section is rewritten.</summary>
    public sealed class ReportTests
    {
        private static JsonNode Run() => JsonNode.Parse("""
            {
              "started": "2026-12-01T20:31:03Z", "seconds": 10.0,
              "machine": { "processors": 2, "load_average_start": "1.00 1.00 1.00", "load_average_end": "2.00 2.00 2.00" },
              "options": { "models": [ "coatnet0", "resnet50nam" ], "runs": 1, "warmup": 1 },
              "runs": [
                { "threads": 2, "versions": { "torchsharp": "0.107.0.0", "libtorch": "2.10.0.0" }, "measurements": [
                  { "model": "resnet50nam", "mode": "forward", "batch": 1, "threads": 2, "gen_median_ms": 10.0, "gen_min_ms": 9.0 },
                  { "model": "coatnet0", "mode": "train", "batch": 8, "threads": 2, "gen_median_ms": 300.0, "pytorch_median_ms": 400.0, "ratio": 0.75,
                    "hand_median_ms": 310.0, "hand_ratio": 0.9677, "gen_min_ms": 290.0, "gen_peak_rss_bytes": 1048576000 } ] },
                { "threads": 1, "versions": { "torchsharp": "0.107.0.0", "libtorch": "2.10.0.0" }, "measurements": [
                  { "model": "coatnet0", "mode": "train", "batch": 8, "threads": 1, "gen_median_ms": 500.0, "gen_min_ms": 480.0 } ] }
              ]
            }
            """)!;

        [Fact]
        public void TableListsModelsInTheRunsOrderWithTheThreadCountsOfAMeasurementTogether()
        {
            var lines = Report.Render(Run()).Split('\n');
            var rows = Array.FindAll(lines, l => l.StartsWith("| coatnet0", StringComparison.Ordinal) || l.StartsWith("| resnet50nam", StringComparison.Ordinal));
            Assert.Equal(3, rows.Length);
            Assert.StartsWith("| coatnet0 | train b8 | 1 | 500.0 |", rows[0]);
            Assert.Equal("| coatnet0 | train b8 | 2 | 300.0 | 400.0 | 0.750 | 310.0 | 0.968 | 290.0 | - | - | - | - | 1000 | - | - |", rows[1]);
            Assert.StartsWith("| resnet50nam | forward b1 | 2 | 10.0 | - |", rows[2]);
        }

        [Fact]
        public void ReadmeRewriteReplacesOnlyTheMarkedSection()
        {
            var path = Path.Combine(Path.GetTempPath(), $"bench-readme-{Guid.NewGuid():N}.md");
            try
            {
                File.WriteAllText(path, $"# intro\n{Report.StartMarker}\nold table\n{Report.EndMarker}\n## history\nkept\n");
                Report.RewriteReadme(path, "new table");
                Assert.Equal($"# intro\n{Report.StartMarker}\nnew table\n{Report.EndMarker}\n## history\nkept\n", File.ReadAllText(path));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void ReadmeWithoutMarkersIsRefusedAndLeftAlone()
        {
            var path = Path.Combine(Path.GetTempPath(), $"bench-readme-{Guid.NewGuid():N}.md");
            try
            {
                File.WriteAllText(path, "# intro\nno markers\n");
                Assert.Throws<InvalidOperationException>(() => Report.RewriteReadme(path, "new table"));
                Assert.Equal("# intro\nno markers\n", File.ReadAllText(path));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void CommittedReadmeHasTheMarkedSectionBeforeTheHistory()
        {
            var readme = File.ReadAllText(RepositoryFile.Find("bench/Gen.Bench/README.md"));
            var start = readme.IndexOf(Report.StartMarker, StringComparison.Ordinal);
            var end = readme.IndexOf(Report.EndMarker, StringComparison.Ordinal);
            Assert.True(start >= 0 && end > start, "bench/Gen.Bench/README.md lacks the bench-table markers that --report rewrites.");
            Assert.True(readme.IndexOf("## Earlier results", StringComparison.Ordinal) > end, "the earlier results stay below the regenerated table.");
        }
    }
}
