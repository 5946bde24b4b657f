using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace Gen.Data
{
    /// <summary>
    /// Fashion-MNIST (Zalando, 70,000 28x28 grey images of 10 kinds of clothing), as Debian's
    /// <c>dataset-fashion-mnist</c> package installs it: <c>/usr/share/datasets/fashion-mnist</c>.
    /// </summary>
    public static class FashionMnist
    {
        /// <summary>The Debian package that holds the files.</summary>
        public const string DebianPackage = "dataset-fashion-mnist";

        /// <summary>Where the Debian package puts the files.</summary>
        public const string DebianDirectory = "/usr/share/datasets/fashion-mnist";

        /// <summary>The environment variable that points at another folder with the same files.</summary>
        public const string DirectoryVariable = "GEN_FASHION_MNIST";

        /// <summary>The ten class names, in label order.</summary>
        public static IReadOnlyList<string> Classes { get; } = new[]
        {
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
        };

        /// <summary>The folders searched: only <paramref name="explicitDirectory"/> when one is given, else <see cref="DirectoryVariable"/>'s folder and then <see cref="DebianDirectory"/>.</summary>
        public static IReadOnlyList<string> SearchPath(string? explicitDirectory) =>
            !string.IsNullOrWhiteSpace(explicitDirectory)
                ? new[] { explicitDirectory! }
                : new[] { Environment.GetEnvironmentVariable(DirectoryVariable), DebianDirectory }
                    .Where(d => !string.IsNullOrWhiteSpace(d))
                    .Select(d => d!)
                    .Distinct()
                    .ToArray();

        /// <summary>Loads the training (60,000) or test (10,000) split.</summary>
        /// <exception cref="FileNotFoundException">No searched folder holds the files; the message names the folders and the Debian package.</exception>
        public static LabelledImages Load(bool train, string? directory = null)
        {
            var prefix = train ? "train" : "t10k";
            var searched = SearchPath(directory);
            foreach (var folder in searched)
            {
                var images = Find(folder, prefix + "-images-idx3-ubyte");
                var labels = Find(folder, prefix + "-labels-idx1-ubyte");
                if (images is not null && labels is not null)
                {
                    var x = IdxFile.ReadBytes(images);
                    var y = IdxFile.ReadBytes(labels);
                    return new LabelledImages(x.unsqueeze(1), y.to_type(ScalarType.Int64), Classes, $"Fashion-MNIST {(train ? "train" : "test")} ({folder})");
                }
            }

            throw new FileNotFoundException(
                $"Fashion-MNIST ({prefix}-images-idx3-ubyte[.gz] and {prefix}-labels-idx1-ubyte[.gz]) was not found in {string.Join(", ", searched)}. "
                + $"Install the Debian package {DebianPackage} (sudo apt-get install {DebianPackage}), or point --data-dir or {DirectoryVariable} at a folder with the files.");
        }

        private static string? Find(string folder, string name)
        {
            foreach (var candidate in new[] { Path.Combine(folder, name + ".gz"), Path.Combine(folder, name) })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
