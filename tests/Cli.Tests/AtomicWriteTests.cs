using System;
using System.IO;
using Gen.IO;
using Xunit;

namespace Gen.Cli.Tests
{
    /// <summary>Every file gen writes goes through AtomicFile: a write that fails midway leaves the previous file as it was.</summary>
    public sealed class AtomicWriteTests : IDisposable
    {
        private readonly string folder = Gen.TempDirectory();

        public AtomicWriteTests() => Directory.CreateDirectory(folder);

        public void Dispose() => Directory.Delete(folder, recursive: true);

        [Fact]
        public void An_interrupted_checkpoint_write_leaves_the_previous_checkpoint_intact_and_no_temporary_file()
        {
            var path = Path.Combine(folder, "last.safetensors");
            using (var model = new Architectures.FashionResNetNam())
            {
                global::Gen.Safetensors.Save(model, path);
            }

            var before = File.ReadAllBytes(path);
            Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
            {
                stream.Write(new byte[4096]);
                throw new IOException("disk full (simulated)");
            }));

            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Equal(new[] { "last.safetensors" }, Array.ConvertAll(Directory.GetFiles(folder), Path.GetFileName));
        }

        [Fact]
        public void A_completed_write_replaces_the_file()
        {
            var path = Path.Combine(folder, "record.json");
            AtomicFile.WriteText(path, "old");
            AtomicFile.WriteText(path, "new");

            Assert.Equal("new", File.ReadAllText(path));
        }
    }
}
