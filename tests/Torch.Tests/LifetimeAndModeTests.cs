using System;
using System.Linq;
using System.Threading;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Torch.Tests
{
    /// <summary>Dispose scopes: what joins a scope, what survives it (torchsharp-api.md §4).</summary>
    public class DisposeScopeTests
    {
        [Fact]
        public void Tensors_created_in_a_scope_are_disposed_with_it()
        {
            long before = Tensor.TotalCount;
            Tensor a, b;
            using (var scope = NewDisposeScope())
            {
                a = torch.ones(2);
                b = a + 1;
                Assert.Equal(2, scope.DisposablesCount);
                Assert.True(scope.Contains(b));
                Assert.Same(scope, CurrentDisposeScope);
            }
            Assert.True(a.IsInvalid);
            Assert.True(b.IsInvalid);
            Assert.Equal(before, Tensor.TotalCount);
            Assert.Throws<InvalidOperationException>(() => a.Handle);
        }

        [Fact]
        public void MoveToOuter_hands_a_tensor_to_the_enclosing_scope()
        {
            Tensor kept;
            using (var outer = NewDisposeScope())
            {
                using (var inner = NewDisposeScope())
                {
                    var tmp = torch.ones(3);
                    kept = inner.MoveToOuter(tmp * 2);
                    Assert.False(inner.Contains(kept));
                    Assert.True(outer.Contains(kept));
                }
                Assert.False(kept.IsInvalid);
                Assert.Equal(new[] { 2f, 2f, 2f }, kept.data<float>().ToArray());
            }
            Assert.True(kept.IsInvalid);
        }

        [Fact]
        public void MoveToOuterDisposeScope_without_an_outer_scope_detaches()
        {
            Tensor kept;
            using (var scope = NewDisposeScope())
            {
                kept = torch.ones(1).MoveToOuterDisposeScope();
            }
            Assert.False(kept.IsInvalid);
            Assert.Null(CurrentDisposeScope);
            kept.Dispose();
            Assert.True(kept.IsInvalid);
        }

        [Fact]
        public void Detached_tensors_survive_every_scope_until_disposed()
        {
            long before = Tensor.TotalCount;
            Tensor kept;
            using (var outer = NewDisposeScope())
            using (var inner = NewDisposeScope())
            {
                kept = torch.ones(2).DetachFromDisposeScope();
                var other = inner.Detach(torch.zeros(2));
                Assert.False(inner.Contains(other));
                other.Dispose();
            }
            Assert.False(kept.IsInvalid);
            kept.Dispose();
            kept.Dispose(); // idempotent
            Assert.Equal(before, Tensor.TotalCount);
        }

        [Fact]
        public void DisposeEverything_frees_what_is_in_the_scope_and_keeps_the_scope_current()
        {
            using var scope = NewDisposeScope();
            var a = torch.ones(2);
            var b = torch.ones(2);
            scope.DisposeEverythingBut(b);
            Assert.True(a.IsInvalid);
            Assert.False(b.IsInvalid);
            scope.DisposeEverything();
            Assert.True(b.IsInvalid);
            Assert.Equal(0, scope.DisposablesCount);
            Assert.Same(scope, CurrentDisposeScope);
            var c = torch.ones(1);
            Assert.True(scope.Contains(c));
        }

        [Fact]
        public void A_tensor_disposed_by_hand_leaves_its_scope()
        {
            using var scope = NewDisposeScope();
            var a = torch.ones(2);
            a.Dispose();
            Assert.False(scope.Contains(a));
            Assert.Equal(0, scope.DisposablesCount);
        }

        [Fact]
        public void Scopes_are_per_thread()
        {
            using var scope = NewDisposeScope();
            Tensor? fromOtherThread = null;
            DisposeScope? seen = scope;
            var t = new Thread(() => { seen = CurrentDisposeScope; fromOtherThread = torch.ones(1); });
            t.Start();
            t.Join();
            Assert.Null(seen);
            Assert.False(scope.Contains(fromOtherThread!));
            fromOtherThread!.Dispose();
        }

        [Fact]
        public void WrappedTensorDisposeScope_keeps_only_the_result()
        {
            long before = Tensor.TotalCount;
            var r = WrappedTensorDisposeScope(() => (torch.ones(2) + 1) * 3);
            Assert.Equal(before + 1, Tensor.TotalCount);
            Assert.Equal(new[] { 6f, 6f }, r.data<float>().ToArray());
            r.Dispose();
        }

        [Fact]
        public void Parameter_takes_over_the_native_tensor_and_invalidates_the_source()
        {
            var data = torch.ones(2);
            var p = new Parameter(data);
            Assert.True(data.IsInvalid);
            Assert.True(p.requires_grad);
            var frozen = new Parameter(torch.ones(2), requires_grad: false);
            Assert.False(frozen.requires_grad);
            p.Dispose();
            frozen.Dispose();
        }

        [Fact]
        public void Built_in_modules_created_inside_a_scope_keep_their_parameters()
        {
            Linear lin;
            using (var scope = NewDisposeScope())
            {
                lin = Linear(3, 2);
            }
            Assert.False(lin.weight.IsInvalid);
            Assert.False(lin.bias!.IsInvalid);
            lin.Dispose();
        }

        [Fact]
        public void Gradients_read_inside_a_scope_do_not_outlive_it_but_the_parameter_grad_stays()
        {
            using var lin = Linear(3, 2);
            using (var scope = NewDisposeScope())
            {
                lin.call(torch.ones(1, 3)).sum().backward();
                var g = lin.weight.grad!;
                Assert.True(scope.Contains(g));
            }
            using (var scope = NewDisposeScope())
            {
                Assert.NotNull(lin.weight.grad);
                Assert.Equal(new[] { 1f, 1f, 1f, 1f, 1f, 1f }, lin.weight.grad!.data<float>().ToArray());
            }
        }
    }

    /// <summary>Grad modes are guards that restore the previous mode; they are per thread.</summary>
    public class GradModeTests
    {
        [Fact]
        public void No_grad_turns_recording_off_and_restores_it()
        {
            Assert.True(is_grad_enabled());
            using var scope = NewDisposeScope();
            var w = torch.ones(2, requires_grad: true);
            using (no_grad())
            {
                Assert.False(is_grad_enabled());
                Assert.False((w * 2).requires_grad);
                using (enable_grad())
                {
                    Assert.True(is_grad_enabled());
                    Assert.True((w * 2).requires_grad);
                }
                Assert.False(is_grad_enabled());
            }
            Assert.True(is_grad_enabled());
            Assert.True((w * 2).requires_grad);
        }

        [Fact]
        public void No_grad_restores_the_mode_when_an_exception_leaves_the_block()
        {
            try
            {
                using (no_grad()) throw new InvalidOperationException("boom");
            }
            catch (InvalidOperationException) { }
            Assert.True(is_grad_enabled());
        }

        [Fact]
        public void Set_grad_enabled_false_and_a_double_dispose_restore_once()
        {
            var guard = set_grad_enabled(false);
            Assert.False(is_grad_enabled());
            guard.Dispose();
            Assert.True(is_grad_enabled());
            using (no_grad())
            {
                guard.Dispose(); // a second dispose must not switch recording back on
                Assert.False(is_grad_enabled());
            }
            Assert.True(is_grad_enabled());
        }

        [Fact]
        public void Inference_mode_disables_recording_and_restores()
        {
            using var scope = NewDisposeScope();
            var w = torch.ones(2, requires_grad: true);
            using (inference_mode())
            {
                Assert.True(is_inference_mode_enabled());
                Assert.False((w * 2).requires_grad);
            }
            Assert.False(is_inference_mode_enabled());
            Assert.True((w * 2).requires_grad);
        }

        [Fact]
        public void Grad_mode_is_per_thread()
        {
            bool other = false;
            using (no_grad())
            {
                var t = new Thread(() => other = is_grad_enabled());
                t.Start();
                t.Join();
            }
            Assert.True(other);
        }

        [Fact]
        public void Backward_fills_grad_of_leaves_and_detach_cuts_the_graph()
        {
            using var scope = NewDisposeScope();
            var x = torch.tensor(new float[] { 1f, 2f, 3f }, requires_grad: true);
            var y = (x * x).sum();
            y.backward();
            Assert.Equal(new[] { 2f, 4f, 6f }, x.grad!.data<float>().ToArray());
            Assert.True(x.is_leaf);
            Assert.False((x * 2).is_leaf);
            var d = (x * 2).detach();
            Assert.False(d.requires_grad);
        }
    }

    /// <summary>libtorch's intra-op thread count: all cores by default, GEN_THREADS overrides.</summary>
    public class ThreadTests
    {
        [Fact]
        public void Default_thread_count_is_GEN_THREADS_or_all_cores()
        {
            var configured = Environment.GetEnvironmentVariable("GEN_THREADS");
            int expected = int.TryParse(configured, out var n) && n > 0 ? n : Environment.ProcessorCount;
            Assert.Equal(expected, get_num_threads());
        }

        private static int ThreadsInAFreshProcess(string? genThreads)
        {
            var psi = new System.Diagnostics.ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add(typeof(ThreadTests).Assembly.Location);
            psi.ArgumentList.Add("--print-threads");
            if (genThreads is null) psi.Environment.Remove("GEN_THREADS");
            else psi.Environment["GEN_THREADS"] = genThreads;
            using var p = System.Diagnostics.Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEnd();
            var stderr = p.StandardError.ReadToEnd();
            Assert.True(p.WaitForExit(60_000), "probe process hung");
            Assert.True(p.ExitCode == 0, $"probe exited {p.ExitCode}: {stderr}");
            return int.Parse(stdout.Trim());
        }

        [Fact]
        public void A_fresh_process_uses_all_cores_without_GEN_THREADS_and_GEN_THREADS_when_set()
        {
            Assert.Equal(Environment.ProcessorCount, ThreadsInAFreshProcess(null));
            Assert.Equal(1, ThreadsInAFreshProcess("1"));
            Assert.Equal(3, ThreadsInAFreshProcess("3"));
        }

        [Fact]
        public void Set_num_threads_changes_the_count()
        {
            int before = get_num_threads();
            try
            {
                set_num_threads(1);
                Assert.Equal(1, get_num_threads());
                using var scope = NewDisposeScope();
                Assert.Equal(new long[] { 64, 64 }, torch.matmul(torch.ones(64, 32), torch.ones(32, 64)).shape);
            }
            finally
            {
                set_num_threads(before);
            }
            Assert.Equal(before, get_num_threads());
        }
    }
}
