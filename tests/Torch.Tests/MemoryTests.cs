using System;
using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Torch.Tests
{
    /// <summary>
    /// Long loops inside dispose scopes leave the managed tensor count, the native live tensor count and the RSS
    /// flat.
    /// </summary>
    public class MemoryTests
    {
        private readonly ITestOutputHelper output;

        public MemoryTests(ITestOutputHelper output) => this.output = output;

        private static Sequential SmallConvNet() => Sequential(
            Conv2d(3, 8, 3, padding: 1), BatchNorm2d(8), ReLU(),
            Conv2d(8, 8, 3, padding: 1, bias: false), GELU(), MaxPool2d(2),
            AdaptiveAvgPool2d(1), Flatten(), Linear(8, 4));

        private static long Rss()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var p = Process.GetCurrentProcess();
            p.Refresh();
            return p.WorkingSet64;
        }

        private static void Settle()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        private void Loop(int passes, Sequential net, Tensor x, bool backward, long rssBoundBytes)
        {
            for (int i = 0; i < 200; i++)
            {
                using var warm = NewDisposeScope();
                var y = net.call(x);
                if (backward) y.sum().backward();
            }
            Settle();
            long count0 = Tensor.TotalCount, native0 = Tensor.NativeLiveCount, rss0 = Rss();
            long maxCount = 0, maxNative = 0;
            for (int i = 0; i < passes; i++)
            {
                using (var scope = NewDisposeScope())
                {
                    var y = net.call(x);
                    if (backward)
                    {
                        y.sum().backward();
                        net.zero_grad();
                    }
                }
                if (i % 1000 == 0)
                {
                    maxCount = Math.Max(maxCount, Tensor.TotalCount - count0);
                    maxNative = Math.Max(maxNative, Tensor.NativeLiveCount - native0);
                }
            }
            Settle();
            long rss1 = Rss();
            output.WriteLine($"{passes} passes: TotalCount {count0} -> {Tensor.TotalCount}, native {native0} -> {Tensor.NativeLiveCount}, " +
                             $"RSS {rss0 / 1048576.0:F1} -> {rss1 / 1048576.0:F1} MiB, max excess between passes {maxCount}/{maxNative}");
            Assert.Equal(count0, Tensor.TotalCount);
            Assert.Equal(native0, Tensor.NativeLiveCount);
            Assert.Equal(0, maxCount);
            Assert.True(rss1 - rss0 < rssBoundBytes, $"RSS grew {(rss1 - rss0) / 1048576.0:F1} MiB over {passes} passes");
        }

        [Fact]
        public void Twenty_thousand_forward_passes_in_dispose_scopes_leave_tensor_counts_and_RSS_flat()
        {
            using var net = SmallConvNet();
            net.eval();
            var x = torch.randn(1, 3, 8, 8);
            try { Loop(20_000, net, x, backward: false, rssBoundBytes: 50L << 20); }
            finally { x.Dispose(); }
        }

        [Fact]
        public void One_thousand_training_passes_with_backward_in_dispose_scopes_leave_tensor_counts_and_RSS_flat()
        {
            using var net = SmallConvNet();
            net.train();
            var x = torch.randn(2, 3, 8, 8);
            try { Loop(1_000, net, x, backward: true, rssBoundBytes: 30L << 20); }
            finally { x.Dispose(); }
        }

        [Fact]
        public void Tensors_that_are_never_disposed_are_freed_by_the_finalizer()
        {
            Settle();
            long native0 = Tensor.NativeLiveCount;
            MakeGarbage();
            Settle();
            Assert.True(Tensor.NativeLiveCount <= native0, $"native tensors {native0} -> {Tensor.NativeLiveCount}");
        }

        private static void MakeGarbage()
        {
            for (int i = 0; i < 1000; i++) _ = torch.ones(4, 4) + 1;
        }
    }
}
