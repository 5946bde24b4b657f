using System;
using System.IO;
using Xunit;

namespace Gen.Build.Tests
{
    /// <summary>The build's snapshot review (VerifyGeneratedSnapshots, RemoveStaleGeneratedSources): what a build shows and writes.</summary>
    public sealed class SnapshotTaskTests : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "gen-snapshot-task-" + Guid.NewGuid().ToString("N"));

        private string Generated => Path.Combine(_root, "generated");

        private string Snapshots => Path.Combine(_root, "snapshots");

        public SnapshotTaskTests()
        {
            Directory.CreateDirectory(Generated);
            Directory.CreateDirectory(Snapshots);
        }

        [Fact]
        public void A_changed_backbone_fails_at_its_first_differing_snapshot_line_with_the_diff_and_writes_the_received_file()
        {
            File.WriteAllText(Path.Combine(Generated, "MyModels.Tiny.g.cs"), "line 1\nline 2 new\nline 3\n");
            File.WriteAllText(Path.Combine(Snapshots, "Tiny.verified.cs"), "line 1\nline 2\nline 3\n");

            var (ok, engine) = Verify(accept: false);

            Assert.False(ok);
            var error = Assert.Single(engine.Errors);
            Assert.Equal("GENS001", error.Code);
            Assert.Equal(Path.Combine(Snapshots, "Tiny.verified.cs"), error.File);
            Assert.Equal(2, error.LineNumber);
            Assert.Contains("-line 2\n+line 2 new", error.Message);
            Assert.Contains("GenAcceptSnapshots=true", error.Message);
            Assert.Equal("line 1\nline 2 new\nline 3\n", File.ReadAllText(Path.Combine(Snapshots, "Tiny.received.cs")));
        }

        [Fact]
        public void A_new_backbone_without_a_snapshot_fails_until_accepted_and_the_catalog_is_not_a_backbone()
        {
            File.WriteAllText(Path.Combine(Generated, "MyModels.Fresh.g.cs"), "fresh\n");
            File.WriteAllText(Path.Combine(Generated, "GenBackbones.g.cs"), "catalog\n");

            var (ok, engine) = Verify(accept: false);
            Assert.False(ok);
            Assert.Equal("GENS002", Assert.Single(engine.Errors).Code);
            Assert.True(File.Exists(Path.Combine(Snapshots, "Fresh.received.cs")));

            var (accepted, acceptEngine) = Verify(accept: true);
            Assert.True(accepted);
            Assert.Empty(acceptEngine.Errors);
            Assert.Equal("fresh\n", File.ReadAllText(Path.Combine(Snapshots, "Fresh.verified.cs")));
            Assert.False(File.Exists(Path.Combine(Snapshots, "Fresh.received.cs")));
            Assert.False(File.Exists(Path.Combine(Snapshots, "GenBackbones.verified.cs")));
            Assert.True(Verify(accept: false).Ok);
        }

        [Fact]
        public void Generated_sources_older_than_the_compilation_are_removed_and_newer_ones_kept()
        {
            var stale = Path.Combine(Generated, "Removed.g.cs");
            var fresh = Path.Combine(Generated, "Kept.g.cs");
            File.WriteAllText(stale, "old\n");
            File.WriteAllText(fresh, "new\n");
            File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddMinutes(-5));
            var task = new RemoveStaleGeneratedSources { BuildEngine = new FakeBuildEngine(), Directory = Generated, OlderThanUtcTicks = DateTime.UtcNow.AddSeconds(-30).Ticks };

            Assert.True(task.Execute());

            Assert.False(File.Exists(stale));
            Assert.True(File.Exists(fresh));
        }

        [Fact]
        public void Snapshots_are_named_for_the_class_unless_two_classes_share_a_name()
        {
            var names = VerifyGeneratedSnapshots.SnapshotNames(new[] { "g/A.Net.g.cs", "g/B.Net.g.cs", "g/A.Other.g.cs", "g/Global.g.cs" });

            Assert.Equal("A.Net", names["g/A.Net.g.cs"]);
            Assert.Equal("B.Net", names["g/B.Net.g.cs"]);
            Assert.Equal("Other", names["g/A.Other.g.cs"]);
            Assert.Equal("Global", names["g/Global.g.cs"]);
        }

        private (bool Ok, FakeBuildEngine Engine) Verify(bool accept)
        {
            var engine = new FakeBuildEngine();
            var task = new VerifyGeneratedSnapshots
            {
                BuildEngine = engine,
                GeneratedDirectory = Generated,
                SnapshotDirectory = Snapshots,
                ExcludedFileNames = new[] { "GenBackbones.g.cs" },
                Accept = accept,
            };
            return (task.Execute(), engine);
        }

        public void Dispose()
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
    }
}
