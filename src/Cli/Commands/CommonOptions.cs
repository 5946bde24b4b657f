using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;

namespace Gen.Cli.Commands
{
    /// <summary>The options several commands share: one definition each.</summary>
    internal static class CommonOptions
    {
        public static Argument<string> Backbone() => new("backbone")
        {
            Description = "The backbone's name, as 'gen list' shows it (case does not matter).",
        };

        public static Option<bool> Json() => new("--json")
        {
            Description = "Write the result as JSON on standard output instead of tables.",
        };

        public static Option<int?> Threads() => new("--threads")
        {
            Description = "libtorch intra-op threads (default: GEN_THREADS, else all cores).",
            Validators = { r => Positive(r, "--threads") },
        };

        public static Option<bool> FoldBatchNorm() => new("--fold-bn")
        {
            Description = "Fold every batch norm that follows a convolution into it before running (deployment: eval only; outputs agree to float32 rounding).",
        };

        /// <summary>Puts <paramref name="model"/> in eval mode and, when <paramref name="fold"/>, folds its batch norms; returns how many it folded.</summary>
        public static int ApplyFoldBatchNorm(TorchSharp.torch.nn.Module model, bool fold)
        {
            model.eval();
            return fold ? Gen.Inference.BatchNormFolding.Fold(model) : 0;
        }

        public static Option<int[]> Image() => new("--image")
        {
            Description = "Input height and width (one number for a square image). Default: the backbone's declared size, or the data's when the backbone accepts any size.",
            AllowMultipleArgumentsPerToken = true,
            Arity = new ArgumentArity(1, 2),
        };

        public static Option<int?> Classes() => new("--classes")
        {
            Description = "Classes of the head (default: the data's, or the backbone's declared count).",
            Validators = { r => Positive(r, "--classes") },
        };

        public static Option<string> Data() => new("--data")
        {
            Description = "The data set: fashion-mnist (Debian's dataset-fashion-mnist).",
            DefaultValueFactory = _ => "fashion-mnist",
            Validators =
            {
                r =>
                {
                    var v = r.GetValueOrDefault<string>();
                    if (v != "fashion-mnist")
                    {
                        r.AddError($"--data must be fashion-mnist, not '{v}'.");
                    }
                },
            },
        };

        public static Option<string?> DataDir() => new("--data-dir")
        {
            Description = "A folder with the data set's IDX files (default: GEN_FASHION_MNIST, then /usr/share/datasets/fashion-mnist).",
        };

        public static Option<int?> Limit() => new("--limit")
        {
            Description = "Use only the first N images of each split (quick runs and tests).",
            Validators = { r => Positive(r, "--limit") },
        };

        /// <summary>Applies --threads (GEN_THREADS was applied at start-up); returns the count in effect.</summary>
        public static int ApplyThreads(int? threads) => EngineThreads.Apply(threads);

        /// <summary>(height, width) of --image, or null when it was not given.</summary>
        public static (int Height, int Width)? ImageSize(int[]? values)
        {
            if (values is null || values.Length == 0)
            {
                return null;
            }

            if (values.Any(v => v <= 0))
            {
                throw new UsageException($"--image needs positive sizes, not {string.Join(" ", values)}.");
            }

            return values.Length == 1 ? (values[0], values[0]) : (values[0], values[1]);
        }

        public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

        public static string Number(long? value) => value is long v ? Number(v) : "?";

        private static void Positive(System.CommandLine.Parsing.OptionResult result, string name)
        {
            var value = result.GetValueOrDefault<int?>();
            if (value is int v && v <= 0)
            {
                result.AddError($"{name} must be a positive integer, not {v}.");
            }
        }
    }
}
