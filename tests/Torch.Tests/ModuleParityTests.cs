using System;
using System.Collections.Generic;
using System.Linq;
using Gen.Torch.Tests.Infrastructure;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Torch.Tests
{
    /// <summary>
    /// Every nn module of the bridge against PyTorch 1.13 (tests/fixtures/torch/modules.safetensors): the
    /// PyTorch module's state_dict loads with strict=true, then forward output, input gradient, every parameter
    /// gradient (by name) and, for BatchNorm, the running statistics after the forward: relative error &lt;= 1e-5.
    /// </summary>
    public class ModuleParityTests
    {
        public static readonly Dictionary<string, (Func<Module<Tensor, Tensor>> make, bool train)> Cases = new()
        {
            ["Conv2d_3_8_k3_p1_nobias"] = (() => Conv2d(3, 8, 3, stride: 1, padding: 1, bias: false), true),
            ["Conv2d_4_6_k3_s2_g2"] = (() => Conv2d(4, 6, (3, 3), stride: (2, 2), padding: (1, 1), groups: 2), true),
            ["Conv2d_3_4_k1"] = (() => Conv2d(3, 4, 1), true),
            ["BatchNorm2d_train"] = (() => BatchNorm2d(4), true),
            ["BatchNorm2d_eval"] = (() => BatchNorm2d(4), false),
            ["BatchNorm2d_momentum_eps"] = (() => BatchNorm2d(4, eps: 1e-3, momentum: 0.3), true),
            ["LayerNorm_5"] = (() => LayerNorm(5), true),
            ["LayerNorm_4x5"] = (() => LayerNorm(new long[] { 4, 5 }, eps: 1e-6), true),
            ["Linear_5_3"] = (() => Linear(5, 3), true),
            ["Linear_5_3_nobias"] = (() => Linear(5, 3, hasBias: false), true),
            ["ReLU"] = (() => ReLU(), true),
            ["GELU"] = (() => GELU(), true),
            ["GELU_tanh"] = (() => GELU(TorchSharp.Modules.GELU.Approximate.tanh), true),
            ["SiLU"] = (() => SiLU(), true),
            ["Sigmoid"] = (() => Sigmoid(), true),
            ["Softmax_1"] = (() => Softmax(1), true),
            ["Dropout_eval"] = (() => Dropout(0.5), false),
            ["MaxPool2d_3_2_1"] = (() => MaxPool2d(3, 2, 1), true),
            ["MaxPool2d_2"] = (() => MaxPool2d(2), true),
            ["AvgPool2d_2"] = (() => AvgPool2d(2), true),
            ["AvgPool2d_3_2_1"] = (() => AvgPool2d(3, 2, 1), true),
            ["AdaptiveAvgPool2d_1"] = (() => AdaptiveAvgPool2d(1), true),
            ["AdaptiveAvgPool2d_2x2"] = (() => AdaptiveAvgPool2d((2, 2)), true),
            ["Identity"] = (() => Identity(), true),
            ["Flatten"] = (() => Flatten(), true),
            ["Flatten_1_2"] = (() => Flatten(1, 2), true),
            ["Sequential_convnet"] = (() => Sequential(
                Conv2d(3, 4, 3, padding: 1, bias: false), BatchNorm2d(4), ReLU(),
                MaxPool2d(2), Flatten(), Linear(4 * 3 * 3, 5)), true),
        };

        public static IEnumerable<object[]> CaseNames => Cases.Keys.Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(CaseNames))]
        public void Forward_gradients_and_running_stats_match_PyTorch(string name)
        {
            var f = Fixtures.Modules;
            var (make, train) = Cases[name];
            using var module = make();
            using var scope = NewDisposeScope();

            var state = f.WithPrefix($"{name}.state.").ToDictionary(e => e.key, e => e.entry.ToTensor());
            var (missing, unexpected) = module.load_state_dict(state, strict: true);
            Assert.Empty(missing);
            Assert.Empty(unexpected);
            if (train) module.train(); else module.eval();
            Assert.Equal(train, module.training);

            var x = f[$"{name}.in0"].requires_grad_();
            var y = module.call(x);
            Close.Assert(y, f[$"{name}.out0"], $"{name} output");

            (y * f[$"{name}.gout0"]).sum().backward();
            Close.Assert(x.grad!, f[$"{name}.grad0"], $"{name} input gradient");

            var expectedNames = f.WithPrefix($"{name}.pgrad.").Select(e => e.key).ToList();
            var parameters = module.named_parameters().ToList();
            Assert.Equal(expectedNames, parameters.Select(p => p.name).ToList());
            foreach (var (pname, p) in parameters)
            {
                Assert.True(p.grad is not null, $"{name}: parameter {pname} got no gradient");
                Close.Assert(p.grad!, f[$"{name}.pgrad.{pname}"], $"{name} gradient of {pname}");
            }

            var sd = module.state_dict();
            foreach (var (key, entry) in f.WithPrefix($"{name}.after."))
                Close.Assert(sd[key], entry.ToTensor(), $"{name} {key} after the forward");
        }

        [Fact]
        public void Every_fixture_module_case_has_a_CSharp_counterpart_and_back()
        {
            var inFile = Fixtures.Modules.CaseNames.OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.Equal(inFile, Cases.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList());
        }

        [Fact]
        public void BatchNorm2d_counts_batches_in_training_mode_only()
        {
            using var bn = BatchNorm2d(3);
            using var scope = NewDisposeScope();
            var x = torch.randn(4, 3, 2, 2);
            bn.call(x);
            bn.call(x);
            Assert.Equal(2L, bn.num_batches_tracked!.item<long>());
            bn.eval();
            var before = bn.running_mean!.clone();
            bn.call(x);
            Assert.Equal(2L, bn.num_batches_tracked!.item<long>());
            Assert.True(before.Equals(bn.running_mean!), "eval-mode forward changed running_mean");
        }

        [Fact]
        public void Dropout_module_is_identity_in_eval_mode_and_random_in_training_mode()
        {
            using var dropout = Dropout(0.5);
            using var scope = NewDisposeScope();
            var x = torch.ones(64, 64);
            Assert.False(x.Equals(dropout.call(x)));
            dropout.eval();
            Assert.True(x.Equals(dropout.call(x)));
        }

        [Fact]
        public void Module_properties_expose_TorchSharp_members()
        {
            using var conv = Conv2d(3, 8, 3, stride: 2, padding: 1, bias: false);
            Assert.Equal(new long[] { 8, 3, 3, 3 }, conv.weight.shape);
            Assert.Null(conv.bias);
            Assert.Equal(3L, conv.in_channels);
            Assert.Equal(8L, conv.out_channels);
            using var linear = Linear(4, 3, hasBias: false);
            Assert.Equal(new long[] { 3, 4 }, linear.weight.shape);
            Assert.Null(linear.bias);
            Assert.Equal(4L, linear.in_features);
            Assert.Equal(3L, linear.out_features);
            using var bn = BatchNorm2d(5);
            Assert.Equal(5L, bn.num_features);
            Assert.Equal(1e-5, bn.eps);
            Assert.Equal(0.1, bn.momentum);
            Assert.Equal(ScalarType.Int64, bn.num_batches_tracked!.dtype);
            using var ln = LayerNorm(7);
            Assert.Equal(new long[] { 7 }, ln.normalized_shape);
        }
    }
}
