using System;
using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Cli.Commands
{
    /// <summary>
    /// The training demo: a small conv net in TorchSharp learns whether a noisy 16x16 image holds
    /// a horizontal or a vertical bar (anywhere in the image). The loss printed every few steps falls.
    /// </summary>
    public static class DemoCommand
    {
        /// <summary>Runs the demo; returns the process exit code.</summary>
        public static int Run(Options options)
        {
            int steps = options.Int("steps", 50);
            int seed = options.Int("seed", 0, min: 0);
            int batch = options.Int("batch", 32);

            manual_seed(seed);
            using var model = Sequential(
                ("conv1", Conv2d(1, 8, 3, padding: 1, bias: false)),
                ("bn1", BatchNorm2d(8)),
                ("relu1", ReLU()),
                ("conv2", Conv2d(8, 16, 3, stride: 2, padding: 1, bias: false)),
                ("bn2", BatchNorm2d(16)),
                ("relu2", ReLU()),
                ("pool", AdaptiveAvgPool2d(1)),
                ("flatten", Flatten()),
                ("fc", Linear(16, 2)));
            var optimizer = optim.SGD(model.parameters(), learningRate: 0.1, momentum: 0.9);

            Console.WriteLine($"gen demo: {Count(model)} parameters, {steps} SGD steps at batch {batch}, {get_num_threads()} threads");
            var clock = Stopwatch.StartNew();
            double first = double.NaN, last = double.NaN;
            for (int step = 1; step <= steps; step++)
            {
                using var scope = NewDisposeScope();
                var (images, labels) = Batch(batch);
                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.call(images), labels);
                loss.backward();
                optimizer.step();
                last = loss.item<float>();
                if (step == 1) first = last;
                if (step == 1 || step % 5 == 0 || step == steps)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  step {step,4}/{steps}  loss {last:F4}  ({clock.Elapsed.TotalSeconds:F1}s)"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loss {first:F4} -> {last:F4}"));
            if (!(last < first))
            {
                Console.Error.WriteLine("gen demo: the loss did not fall");
                return 1;
            }
            return 0;
        }

        // Images of noise with a bright 1x8 bar: horizontal (label 0) or vertical (label 1), placed at random.
        private static (Tensor images, Tensor labels) Batch(int n)
        {
            var labels = (rand(new long[] { n }) > 0.5).@long();
            var noise = randn(new long[] { n, 1, 16, 16 }) * 0.5;
            var bars = zeros(new long[] { n, 1, 16, 16 });
            var label = labels.data<long>();
            var place = (rand(new long[] { n, 2 }) * 8).@long().data<long>();
            for (long k = 0; k < n; k++)
            {
                long row = place[k, 0] + 4, col = place[k, 1];
                if (label[k] == 0) bars[k, 0, row, TensorIndex.Slice(col, col + 8)] = ones(8) * 2.0;
                else bars[k, 0, TensorIndex.Slice(col, col + 8), row] = ones(8) * 2.0;
            }
            return (noise + bars, labels);
        }

        private static long Count(Module model)
        {
            long total = 0;
            foreach (var p in model.parameters()) total += p.numel();
            return total;
        }
    }
}
