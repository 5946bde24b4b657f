using System;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Torch.Tests
{
    /// <summary>Module behaviour TorchSharp code relies on beyond forward values (torchsharp-api.md §3).</summary>
    public class ModuleBehaviourTests
    {
        private sealed class Scaled : Module<Tensor, Tensor>
        {
            public Parameter gain;
            private readonly Linear fc;
            public Tensor Running;      // a buffer held in a public field

            public Scaled() : base(nameof(Scaled))
            {
                gain = Parameter(torch.ones(3));
                fc = Linear(3, 3);
                Running = torch.zeros(3);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => fc.call(x) * gain + Running;
            public Linear Fc => fc;
        }

        [Fact]
        public void Module_to_float64_converts_parameters_and_buffers_and_updates_the_fields()
        {
            using var m = new Scaled();
            var returned = m.to(ScalarType.Float64);
            Assert.Same(m, returned);
            Assert.Equal(ScalarType.Float64, m.gain.dtype);
            Assert.Equal(ScalarType.Float64, m.Running.dtype);
            Assert.Equal(ScalarType.Float64, m.Fc.weight.dtype);
            Assert.All(m.parameters(), p => Assert.True(p.requires_grad && p.is_leaf));
            Assert.Same(m.gain, m.named_parameters().First(p => p.name == "gain").parameter);
            using var scope = NewDisposeScope();
            var y = m.call(torch.ones(2, 3, dtype: ScalarType.Float64));
            Assert.Equal(ScalarType.Float64, y.dtype);
            y.sum().backward();
            Assert.NotNull(m.gain.grad);
        }

        [Fact]
        public void Module_zero_grad_sets_gradients_to_none()
        {
            using var lin = Linear(3, 2);
            using (var scope = NewDisposeScope()) lin.call(torch.ones(1, 3)).sum().backward();
            using (var scope = NewDisposeScope()) Assert.NotNull(lin.weight.grad);
            lin.zero_grad();
            Assert.Null(lin.weight.grad);
            Assert.Null(lin.bias!.grad);
        }

        [Fact]
        public void Train_and_eval_recurse_into_children_and_containers()
        {
            using var net = Sequential(Conv2d(1, 1, 1), BatchNorm2d(1), Dropout());
            Assert.True(net.training);
            net.eval();
            Assert.All(net.modules(), m => Assert.False(m.training));
            net.train();
            Assert.All(net.modules(), m => Assert.True(m.training));
            net.train(false);
            Assert.False(net.training);
        }

        [Fact]
        public void Disposing_a_module_frees_its_parameters_and_buffers()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long before = Tensor.TotalCount, native = Tensor.NativeLiveCount;
            var net = Sequential(Conv2d(3, 4, 3), BatchNorm2d(4), ReLU(), Flatten(), Linear(4, 2));
            Assert.True(Tensor.TotalCount > before);
            net.Dispose();
            Assert.Equal(before, Tensor.TotalCount);
            Assert.Equal(native, Tensor.NativeLiveCount);
        }

        [Fact]
        public void Sequential_accepts_named_items_append_and_indexing()
        {
            using var seq = Sequential(("first", (Module<Tensor, Tensor>)Linear(2, 3)), ("act", ReLU()));
            seq.append("last", Linear(3, 1));
            Assert.Equal(3, seq.Count);
            Assert.Equal(new[] { "first.weight", "first.bias", "last.weight", "last.bias" }, seq.state_dict().Keys.ToArray());
            Assert.IsType<ReLU>(seq[1]);
            using var scope = NewDisposeScope();
            Assert.Equal(new long[] { 4, 1 }, seq.call(torch.ones(4, 2)).shape);
        }

        [Fact]
        public void ModuleList_and_ModuleDict_enumerate_in_insertion_order()
        {
            using var list = ModuleList(Linear(1, 1), Linear(1, 2));
            Assert.Equal(2, list.Count);
            Assert.Equal(2L, list[1].out_features);
            using var dict = ModuleDict(("b", (Module)Linear(1, 1)), ("a", Linear(1, 2)));
            Assert.Equal(new[] { "b", "a" }, dict.keys().ToArray());
            var seen = new System.Collections.Generic.List<string>();
            foreach (var (key, module) in dict) seen.Add(key);
            Assert.Equal(new[] { "b", "a" }, seen);
        }

        [Fact]
        public void Conv2d_accepts_an_unbatched_3D_input()
        {
            using var conv = Conv2d(3, 4, 3, padding: 1);
            using var scope = NewDisposeScope();
            Assert.Equal(new long[] { 4, 5, 5 }, conv.call(torch.randn(3, 5, 5)).shape);
        }

        [Fact]
        public void Cross_entropy_with_no_reduction_gives_one_loss_per_sample()
        {
            using var scope = NewDisposeScope();
            var logits = torch.zeros(4, 5);
            var target = torch.tensor(new long[] { 0, 1, 2, 3 });
            var loss = nn.functional.cross_entropy(logits, target, reduction: nn.Reduction.None);
            Assert.Equal(new long[] { 4 }, loss.shape);
            Assert.All(loss.data<float>().ToArray(), v => Assert.Equal(Math.Log(5), v, 5));
        }

        [Fact]
        public void Tensor_from_an_array_copies_it()
        {
            using var scope = NewDisposeScope();
            var data = new float[] { 1f, 2f, 3f };
            var t = torch.tensor(data);
            data[0] = 100f;
            Assert.Equal(1f, t[0].item<float>());
        }

        [Fact]
        public void Forward_hooks_run_around_forward_when_call_is_used()
        {
            using var lin = Linear(2, 2);
            int pre = 0, post = 0;
            lin.register_forward_pre_hook((m, x) => { pre++; return x; });
            lin.register_forward_hook((m, x, y) => { post++; return y; });
            using var scope = NewDisposeScope();
            lin.call(torch.ones(1, 2));
            lin.forward(torch.ones(1, 2));
            Assert.Equal(1, pre);
            Assert.Equal(1, post);
        }
    }
}
