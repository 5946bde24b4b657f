using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace Gen.Data
{
    /// <summary>
    /// A labelled image set held as two tensors: <see cref="Images"/> (N x C x H x W, uint8) and
    /// <see cref="Labels"/> (N, int64). Batches are gathered by index, so shuffling copies nothing.
    /// </summary>
    public sealed class LabelledImages : IDisposable
    {
        /// <summary>Wraps the two tensors (they become this object's to dispose).</summary>
        public LabelledImages(Tensor images, Tensor labels, IReadOnlyList<string> classes, string description)
        {
            if (images.dim() != 4 || labels.dim() != 1 || images.shape[0] != labels.shape[0])
            {
                throw new ArgumentException($"images must be N x C x H x W and labels N; got {Shape(images)} and {Shape(labels)}.");
            }

            Images = images;
            Labels = labels;
            Classes = classes;
            Description = description;
            images.DetachFromDisposeScope();
            labels.DetachFromDisposeScope();
        }

        /// <summary>N x C x H x W, uint8, 0-255.</summary>
        public Tensor Images { get; }

        /// <summary>N class indices.</summary>
        public Tensor Labels { get; }

        /// <summary>Class names by label.</summary>
        public IReadOnlyList<string> Classes { get; }

        /// <summary>What the set is and where it came from.</summary>
        public string Description { get; }

        /// <summary>Number of images.</summary>
        public long Count => Labels.shape[0];

        /// <summary>Channels, height and width of one image.</summary>
        public (long Channels, long Height, long Width) ImageShape => (Images.shape[1], Images.shape[2], Images.shape[3]);

        /// <summary>The first <paramref name="count"/> images (for quick runs and tests); shares no storage with this set.</summary>
        public LabelledImages Take(long count)
        {
            count = Math.Min(count, Count);
            return new LabelledImages(Images.narrow(0, 0, count).clone(), Labels.narrow(0, 0, count).clone(), Classes, $"{Description}, first {count}");
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Images.Dispose();
            Labels.Dispose();
        }

        private static string Shape(Tensor t) => "[" + string.Join(", ", t.shape) + "]";
    }
}
