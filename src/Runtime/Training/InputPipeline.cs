using System;
using Gen.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Gen.Training
{
    /// <summary>
    /// Turns stored uint8 images into a model's input: float, normalized by the training set's
    /// mean and standard deviation, grey channels repeated when the model wants more, and resized
    /// when the model's input size is fixed at another size. Also the training-time augmentation.
    /// </summary>
    public sealed class InputPipeline
    {
        /// <summary>Creates the pipeline.</summary>
        public InputPipeline(float mean, float std, int channels, int height, int width)
        {
            if (std <= 0 || channels <= 0 || height <= 0 || width <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(std), "std, channels, height and width must be positive.");
            }

            Mean = mean;
            Std = std;
            Channels = channels;
            Height = height;
            Width = width;
        }

        /// <summary>Mean of the pixel values in [0, 1].</summary>
        public float Mean { get; }

        /// <summary>Standard deviation of the pixel values in [0, 1].</summary>
        public float Std { get; }

        /// <summary>Channels the model takes.</summary>
        public int Channels { get; }

        /// <summary>Height the model takes.</summary>
        public int Height { get; }

        /// <summary>Width the model takes.</summary>
        public int Width { get; }

        /// <summary>The mean and standard deviation of a data set's pixels (in [0, 1]), computed in chunks.</summary>
        public static (float Mean, float Std) Statistics(LabelledImages data)
        {
            double sum = 0, squares = 0;
            long count = 0;
            using var full = 255.0.ToScalar(); // held: see Prepare
            for (long start = 0; start < data.Count; start += 4096)
            {
                using var scope = NewDisposeScope();
                var chunk = data.Images.narrow(0, start, Math.Min(4096, data.Count - start)).to_type(ScalarType.Float64).div_(full);
                sum += chunk.sum().item<double>();
                squares += chunk.square().sum().item<double>();
                count += chunk.numel();
            }

            double mean = sum / count;
            return ((float)mean, (float)Math.Sqrt(Math.Max(squares / count - (mean * mean), 1e-12)));
        }

        /// <summary>The model input for a uint8 batch (N x C x H x W).</summary>
        public Tensor Prepare(Tensor images)
        {
            // Scalars held in variables until the end: TorchSharp 0.107 passes a temporary Scalar's
            // handle to native code without keeping the Scalar alive, so its finalizer can free it
            // during the call (seen once as "Expected false to be true" from c10::Scalar::toDouble).
            using var full = 255f.ToScalar();
            using var mean = Mean.ToScalar();
            using var std = Std.ToScalar();
            var x = images.to_type(ScalarType.Float32).div_(full).sub_(mean).div_(std);
            if (x.shape[1] != Channels)
            {
                if (x.shape[1] != 1)
                {
                    throw new ArgumentException($"the images have {x.shape[1]} channels and the model takes {Channels}; only grey images can be repeated to fit.");
                }

                x = x.expand(x.shape[0], Channels, x.shape[2], x.shape[3]).contiguous();
            }

            if (x.shape[2] != Height || x.shape[3] != Width)
            {
                x = nn.functional.interpolate(x, new long[] { Height, Width }, mode: InterpolationMode.Bilinear, align_corners: false);
            }

            return x;
        }

        /// <summary>
        /// The training-time augmentation <paramref name="kind"/> of a prepared batch, every draw
        /// from <paramref name="generator"/> so that a seeded run repeats exactly.
        /// </summary>
        public static Tensor Augment(Tensor x, AugmentKind kind, Generator generator) => kind switch
        {
            AugmentKind.None => x,
            AugmentKind.Flip => Flip(x, generator),
            AugmentKind.FlipCrop => FlipCrop(x, generator),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown augmentation."),
        };

        /// <summary>
        /// <see cref="AugmentKind.Flip"/> on a prepared batch: each image is flipped left-right
        /// with probability 1/2, drawn from <paramref name="generator"/>.
        /// </summary>
        public static Tensor Flip(Tensor x, Generator generator)
        {
            var flips = rand(x.shape[0], generator: generator).lt(0.5).view(-1, 1, 1, 1);
            return where(flips, x.flip(3), x);
        }

        /// <summary>
        /// <see cref="AugmentKind.FlipCrop"/> on a prepared batch: <see cref="Flip"/>, then each
        /// image shifted by a random offset in [-pad, pad] on each axis (zero fill), all drawn from
        /// <paramref name="generator"/> so a seeded run repeats exactly.
        /// </summary>
        public static Tensor FlipCrop(Tensor x, Generator generator, int pad = 2)
        {
            long n = x.shape[0], h = x.shape[2], w = x.shape[3];
            x = Flip(x, generator);
            var padded = nn.functional.pad(x, new long[] { pad, pad, pad, pad });
            var offsets = randint(0, (2 * pad) + 1, new long[] { n, 2 }, generator: generator).data<long>().ToArray();
            var crops = new Tensor[n];
            for (long i = 0; i < n; i++)
            {
                crops[i] = padded[i].narrow(1, offsets[2 * i], h).narrow(2, offsets[(2 * i) + 1], w);
            }

            return stack(crops);
        }
    }
}
