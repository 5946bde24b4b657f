using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Torch.Tests
{
    /// <summary>
    /// Bad input becomes a managed exception whose message names the problem; the process survives (the next
    /// operation works) and no weight changes.
    /// </summary>
    public class BadInputTests
    {
        private static Dictionary<string, Tensor> Snapshot(nn.Module m) =>
            m.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone().DetachFromDisposeScope());

        private static void AssertUnchanged(Dictionary<string, Tensor> before, nn.Module m)
        {
            var sd = m.state_dict();
            Assert.Equal(before.Keys.OrderBy(k => k, StringComparer.Ordinal), sd.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach (var (k, v) in before)
            {
                Assert.True(v.Equals(sd[k]), $"{k} changed");
                v.Dispose();
            }
        }

        private static byte[] Save(nn.Module m)
        {
            using var ms = new MemoryStream();
            m.save(ms);
            return ms.ToArray();
        }

        private static Exception Load(nn.Module m, byte[] bytes)
        {
            using var ms = new MemoryStream(bytes);
            return Record.Exception(() => m.load(ms));
        }

        private static void AssertMentions(Exception? ex, params string[] parts)
        {
            Assert.NotNull(ex);
            foreach (var p in parts)
                Assert.True(ex!.Message.Contains(p, StringComparison.Ordinal), $"message lacks \"{p}\": {ex.GetType().Name}: {ex.Message}");
        }

        [Fact]
        public void Conv2d_with_the_wrong_channel_count_throws_a_managed_exception_naming_the_channels()
        {
            using var conv = Conv2d(3, 8, 3, stride: 1, padding: 1, bias: false);
            var before = Snapshot(conv);
            using var scope = NewDisposeScope();
            var ex = Record.Exception(() => conv.call(torch.randn(1, 4, 8, 8)));
            Assert.True(ex is ArgumentException || ex is ExternalException, $"{ex?.GetType()}: {ex?.Message}");
            AssertMentions(ex, "3", "4", "channels");
            Assert.Equal(new long[] { 1, 8, 8, 8 }, conv.call(torch.randn(1, 3, 8, 8)).shape);
            AssertUnchanged(before, conv);
        }

        [Fact]
        public void Functional_conv2d_shape_errors_carry_libtorchs_message()
        {
            using var scope = NewDisposeScope();
            var ex = Record.Exception(() => nn.functional.conv2d(torch.randn(1, 4, 8, 8), torch.randn(8, 3, 3, 3)));
            Assert.IsAssignableFrom<ExternalException>(ex);
            AssertMentions(ex, "expected input[1, 4, 8, 8] to have 3 channels");
        }

        [Fact]
        public void Matmul_shape_mismatch_throws_ExternalException_naming_both_shapes()
        {
            using var scope = NewDisposeScope();
            var a = torch.randn(2, 3);
            var b = torch.randn(4, 5);
            var ex = Record.Exception(() => torch.matmul(a, b));
            Assert.IsAssignableFrom<ExternalException>(ex);
            AssertMentions(ex, "2x3", "4x5");
            Assert.Equal(new long[] { 2, 5 }, torch.matmul(a, torch.randn(3, 5)).shape);
        }

        [Fact]
        public void Linear_with_the_wrong_feature_count_throws_and_changes_nothing()
        {
            using var lin = Linear(4, 3);
            var before = Snapshot(lin);
            using var scope = NewDisposeScope();
            var ex = Record.Exception(() => lin.call(torch.randn(2, 5)));
            AssertMentions(ex, "5", "4");
            AssertUnchanged(before, lin);
        }

        [Fact]
        public void Load_of_a_file_with_a_missing_key_names_the_key_and_changes_no_weight()
        {
            using var source = Sequential(Linear(4, 3), ReLU(), Linear(3, 2, hasBias: false));
            using var target = Sequential(Linear(4, 3), ReLU(), Linear(3, 2));
            var before = Snapshot(target);
            var ex = Load(target, Save(source));
            AssertMentions(ex, "2.bias");
            AssertUnchanged(before, target);
        }

        [Fact]
        public void Load_of_a_file_with_a_wrong_shape_names_the_key_and_both_shapes_and_changes_no_weight()
        {
            // the mismatch is in the third entry: the first two must not have been written either
            using var source = Sequential(Linear(4, 3), ReLU(), Linear(3, 2));
            using var target = Sequential(Linear(4, 3), ReLU(), Linear(3, 5));
            var before = Snapshot(target);
            var ex = Load(target, Save(source));
            AssertMentions(ex, "2.weight", "2, 3", "5, 3");
            AssertUnchanged(before, target);
        }

        [Fact]
        public void Load_of_a_file_with_a_wrong_dtype_names_the_key_and_changes_no_weight()
        {
            using var source = BatchNorm2d(2);
            using var target = BatchNorm2d(2);
            var bytes = Save(source);
            // num_batches_tracked is the last record: key, dtype (LEB128 4 = Int64), rank 0, 8 bytes; make it Float64 (7)
            int dtypeAt = bytes.Length - 8 - 1 - 1;
            Assert.Equal(4, bytes[dtypeAt]);
            bytes[dtypeAt] = 7;
            var before = Snapshot(target);
            var ex = Load(target, bytes);
            AssertMentions(ex, "num_batches_tracked");
            AssertUnchanged(before, target);
        }

        [Fact]
        public void Load_of_a_truncated_file_throws_and_changes_no_weight()
        {
            using var source = Linear(4, 3);
            using var target = Linear(4, 3);
            var bytes = Save(source);
            var before = Snapshot(target);
            var ex = Load(target, bytes.Take(bytes.Length - 5).ToArray());
            Assert.NotNull(ex);
            AssertUnchanged(before, target);
        }

        [Fact]
        public void Load_of_a_file_with_an_unexpected_key_in_strict_mode_names_it_and_changes_no_weight()
        {
            using var source = Sequential(Linear(4, 3), ReLU(), Linear(3, 2));
            using var target = Sequential(Linear(4, 3), ReLU(), Linear(3, 2, hasBias: false));
            var before = Snapshot(target);
            var ex = Load(target, Save(source));
            AssertMentions(ex, "2.bias");
            AssertUnchanged(before, target);
        }

        [Fact]
        public void Load_state_dict_with_a_wrong_shape_names_the_key_and_shapes_and_changes_no_weight()
        {
            using var target = Sequential(Linear(4, 3), ReLU(), Linear(3, 5));
            var before = Snapshot(target);
            using var scope = NewDisposeScope();
            var source = new Dictionary<string, Tensor>
            {
                ["0.weight"] = torch.ones(3, 4), ["0.bias"] = torch.ones(3),
                ["2.weight"] = torch.ones(2, 3), ["2.bias"] = torch.ones(5),
            };
            var ex = Record.Exception(() => target.load_state_dict(source));
            AssertMentions(ex, "2.weight", "2, 3", "5, 3");
            AssertUnchanged(before, target);
        }

        [Fact]
        public void Load_state_dict_with_a_missing_key_in_strict_mode_names_it_and_changes_no_weight()
        {
            using var target = Linear(4, 3);
            var before = Snapshot(target);
            using var scope = NewDisposeScope();
            var ex = Record.Exception(() => target.load_state_dict(new Dictionary<string, Tensor> { ["weight"] = torch.ones(3, 4) }));
            AssertMentions(ex, "bias");
            AssertUnchanged(before, target);
        }

        [Fact]
        public void Errors_inside_backward_come_back_as_managed_exceptions()
        {
            using var scope = NewDisposeScope();
            var x = torch.randn(3, requires_grad: true);
            var y = x * 2;
            var ex = Record.Exception(() => y.backward()); // not a scalar: libtorch refuses an implicit gradient
            Assert.IsAssignableFrom<ExternalException>(ex);
            AssertMentions(ex, "scalar");
            (x * 2).sum().backward();
            Assert.Equal(new[] { 2f, 2f, 2f }, x.grad!.data<float>().ToArray());
        }

        [Fact]
        public void Reshape_to_an_incompatible_size_throws_with_libtorchs_message()
        {
            using var scope = NewDisposeScope();
            var ex = Record.Exception(() => torch.zeros(2, 3).reshape(4, 2));
            Assert.IsAssignableFrom<ExternalException>(ex);
            AssertMentions(ex, "[4, 2]", "6");
        }
    
        [Fact]
        public void Using_a_disposed_tensor_throws_instead_of_crashing()
        {
            var t = torch.ones(2);
            t.Dispose();
            using var scope = NewDisposeScope();
            Assert.Throws<InvalidOperationException>(() => t + 1);
            Assert.Throws<InvalidOperationException>(() => torch.matmul(torch.ones(2, 2), t));
            Assert.Throws<InvalidOperationException>(() => t.shape);
        }

        [Fact]
        public void Index_out_of_range_throws_ExternalException_naming_the_index()
        {
            using var scope = NewDisposeScope();
            var x = torch.zeros(2, 3);
            var ex = Record.Exception(() => x[5]);
            Assert.IsAssignableFrom<ExternalException>(ex);
            AssertMentions(ex, "index 5", "out of range", "[2, 3]");
        }

        [Fact]
        public void Cat_of_mismatched_shapes_throws_with_libtorchs_message()
        {
            using var scope = NewDisposeScope();
            var ex = Record.Exception(() => torch.cat(new[] { torch.zeros(2, 3), torch.zeros(2, 4) }, 0));
            Assert.IsAssignableFrom<ExternalException>(ex);
            AssertMentions(ex, "Sizes of tensors must match");
        }

        [Fact]
        public void A_second_backward_through_a_freed_graph_throws_and_the_first_gradients_stay()
        {
            using var scope = NewDisposeScope();
            var x = torch.ones(2, requires_grad: true);
            var y = (x * x).sum();
            y.backward();
            var ex = Record.Exception(() => y.backward());
            Assert.IsAssignableFrom<ExternalException>(ex);
            AssertMentions(ex, "second time");
            Assert.Equal(new[] { 2f, 2f }, x.grad!.data<float>().ToArray());
        }

        [Fact]
        public void Errors_on_another_thread_come_back_as_exceptions_on_that_thread()
        {
            Exception? seen = null;
            var thread = new System.Threading.Thread(() =>
            {
                using var scope = NewDisposeScope();
                seen = Record.Exception(() => torch.matmul(torch.ones(2, 3), torch.ones(2, 3)));
            });
            thread.Start();
            thread.Join();
            Assert.IsAssignableFrom<ExternalException>(seen);
            AssertMentions(seen, "2x3");
        }

        [Fact]
        public void BatchNorm2d_rejects_a_3D_input_with_a_managed_exception()
        {
            using var bn = BatchNorm2d(3);
            var before = Snapshot(bn);
            using var scope = NewDisposeScope();
            var ex = Record.Exception(() => bn.call(torch.ones(3, 4, 4)));
            Assert.NotNull(ex);
            AssertMentions(ex, "4D");
            AssertUnchanged(before, bn);
        }
}
}
