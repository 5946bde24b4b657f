using System;
using System.IO;
using System.IO.Compression;

namespace Gen.Cli.Tests
{
    /// <summary>
    /// A small Fashion-MNIST-shaped data set in the Debian package's file layout (gzip IDX files),
    /// written to a temporary folder: 28x28 grey images of 10 classes, class k drawn as a bright
    /// horizontal band at rows 2k+2..2k+4 over seeded noise, so a model can learn it in one epoch.
    /// </summary>
    public sealed class SyntheticData : IDisposable
    {
        public SyntheticData(int train = 480, int test = 200, int seed = 1)
        {
            TestCount = test;
            Directory = Path.Combine(Path.GetTempPath(), "gen-cli-data-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Directory);
            var random = new Random(seed);
            Write("train", train, random);
            Write("t10k", test, random);
        }

        public string Directory { get; }

        public int TestCount { get; }

        public void Dispose()
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private void Write(string prefix, int count, Random random)
        {
            var images = new byte[count * 28 * 28];
            var labels = new byte[count];
            for (int i = 0; i < count; i++)
            {
                int label = i % 10;
                labels[i] = (byte)label;
                for (int p = 0; p < 28 * 28; p++)
                {
                    int row = p / 28;
                    bool band = row >= (2 * label) + 2 && row <= (2 * label) + 4;
                    images[(i * 784) + p] = (byte)(band ? 180 + random.Next(60) : random.Next(60));
                }
            }

            WriteIdx(Path.Combine(Directory, prefix + "-images-idx3-ubyte.gz"), 3, new[] { count, 28, 28 }, images);
            WriteIdx(Path.Combine(Directory, prefix + "-labels-idx1-ubyte.gz"), 1, new[] { count }, labels);
        }

        private static void WriteIdx(string path, byte rank, int[] dims, byte[] data)
        {
            using var file = File.Create(path);
            using var gzip = new GZipStream(file, CompressionLevel.Fastest);
            gzip.Write(new byte[] { 0, 0, 0x08, rank });
            foreach (var d in dims)
            {
                gzip.Write(new[] { (byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d });
            }

            gzip.Write(data);
        }
    }
}
