using System;
using System.IO;
using System.IO.Compression;
using static TorchSharp.torch;

namespace Gen.Data
{
    /// <summary>
    /// Reads an IDX file (the MNIST family's format: a big-endian magic number whose third byte is
    /// the element type and fourth the rank, the dimensions, then the data), plain or gzip-compressed,
    /// into one <c>uint8</c> tensor.
    /// </summary>
    /// <remarks>
    /// Written here because TorchVision 0.107's <c>FashionMNIST</c> reads only uncompressed files from
    /// its own download folder layout and builds one tensor per image; Debian's dataset-fashion-mnist
    /// ships the original <c>.gz</c> files, and training wants one tensor to index batches from.
    /// </remarks>
    public static class IdxFile
    {
        private const byte UnsignedByte = 0x08;

        /// <summary>Reads <paramref name="path"/> (gzip when it ends in <c>.gz</c>) as a uint8 tensor of the file's shape.</summary>
        /// <exception cref="InvalidDataException">The file is not an unsigned-byte IDX file, or its data is shorter than its dimensions say; the message names the file.</exception>
        public static Tensor ReadBytes(string path)
        {
            using var file = File.OpenRead(path);
            using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
            var header = ReadExactly(stream, 4, path);
            if (header[0] != 0 || header[1] != 0 || header[2] != UnsignedByte || header[3] is 0 or > 4)
            {
                throw new InvalidDataException($"{path} is not an unsigned-byte IDX file (magic {header[0]:x2}{header[1]:x2}{header[2]:x2}{header[3]:x2}).");
            }

            var shape = new long[header[3]];
            long count = 1;
            for (var d = 0; d < shape.Length; d++)
            {
                var b = ReadExactly(stream, 4, path);
                shape[d] = (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
                if (shape[d] <= 0)
                {
                    throw new InvalidDataException($"{path}: dimension {d} is {shape[d]}.");
                }

                count = checked(count * shape[d]);
            }

            var data = ReadExactly(stream, checked((int)count), path);
            return tensor(data, shape, dtype: ScalarType.Byte);
        }

        private static byte[] ReadExactly(Stream stream, int length, string path)
        {
            var buffer = new byte[length];
            var read = 0;
            while (read < length)
            {
                var n = stream.Read(buffer, read, length - read);
                if (n == 0)
                {
                    throw new InvalidDataException($"{path} ends after {read} of {length} expected bytes.");
                }

                read += n;
            }

            return buffer;
        }
    }
}
