using System;
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
    /// torch.manual_seed seeds the same libtorch CPU generator PyTorch uses, so seeded draws, the init.*
    /// functions and the default initialisation of built-in modules give PyTorch's values
    /// (tests/fixtures/torch/init.safetensors).
    /// </summary>
    public class InitAndRandomParityTests
    {
        private static SafeTensorsFile F => Fixtures.Init;

        [Fact]
        public void Randn_and_rand_after_manual_seed_equal_PyTorchs()
        {
            using var scope = NewDisposeScope();
            torch.manual_seed(42);
            Close.Assert(torch.randn(3, 4), F["randn_3x4"], "randn after manual_seed(42)");
            torch.manual_seed(42);
            Close.Assert(torch.rand(3, 4), F["rand_3x4"], "rand after manual_seed(42)");
            torch.manual_seed(7);
            Close.Assert(torch.randn(5), F["randn_then_rand.randn"], "randn after manual_seed(7)");
            Close.Assert(torch.rand(5), F["randn_then_rand.rand"], "then rand");
        }

        private static void Draw(string name, long seed, long[] shape, Func<Tensor, Tensor> init)
        {
            using var scope = NewDisposeScope();
            torch.manual_seed(seed);
            var t = torch.empty(shape);
            var returned = init(t);
            Assert.Same(t, returned);
            Close.Assert(t, F[name], name);
        }

        [Fact]
        public void Kaiming_uniform_draws_PyTorchs_values()
        {
            Draw("kaiming_uniform_a_sqrt5", 11, new long[] { 8, 6, 3, 3 }, t => init.kaiming_uniform_(t, a: Math.Sqrt(5)));
            Draw("kaiming_uniform_default", 12, new long[] { 16, 8 }, t => init.kaiming_uniform_(t));
        }

        [Fact]
        public void Kaiming_normal_draws_PyTorchs_values()
        {
            Draw("kaiming_normal_fan_out_relu", 13, new long[] { 8, 6, 3, 3 },
                t => init.kaiming_normal_(t, mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU));
            Draw("kaiming_normal_default", 14, new long[] { 16, 8 }, t => init.kaiming_normal_(t));
        }

        [Fact]
        public void Normal_and_uniform_draw_PyTorchs_values()
        {
            Draw("normal_0_0.02", 15, new long[] { 16, 8 }, t => init.normal_(t, 0.0, 0.02));
            Draw("uniform_m1_1", 16, new long[] { 16, 8 }, t => init.uniform_(t, -1.0, 1.0));
        }

        [Fact]
        public void Trunc_normal_draws_PyTorchs_values()
        {
            Draw("trunc_normal_0_0.02", 17, new long[] { 64, 64 }, t => init.trunc_normal_(t, std: 0.02));
            Draw("trunc_normal_1_2_m1_3", 18, new long[] { 64, 64 }, t => init.trunc_normal_(t, mean: 1.0, std: 2.0, a: -1.0, b: 3.0));
        }

        [Fact]
        public void Trunc_normal_stays_in_bounds_with_the_requested_mean_and_spread()
        {
            using var scope = NewDisposeScope();
            var t = init.trunc_normal_(torch.empty(200, 200), mean: 0.5, std: 0.1, a: 0.4, b: 0.8);
            var v = Close.Values(t);
            Assert.All(v, x => Assert.InRange(x, 0.4, 0.8));
            // mean of N(0.5, 0.1) truncated to [0.4, 0.8]: 0.5 + 0.1 * (phi(-1) - phi(3)) / (Phi(3) - Phi(-1)) = 0.5283
            Assert.InRange(v.Average(), 0.5233, 0.5333);
            var u = Close.Values(init.trunc_normal_(torch.empty(200, 200), std: 0.02));
            var sd = Math.Sqrt(u.Select(x => x * x).Average());
            Assert.InRange(sd, 0.0195, 0.0205); // N(0, 0.02) cut at +-2 (100 sigma): the std stays 0.02
        }

        [Fact]
        public void Zeros_ones_and_constant_fill_in_place()
        {
            using var scope = NewDisposeScope();
            var t = torch.empty(3, 2);
            Assert.Same(t, init.zeros_(t));
            Assert.All(Close.Values(t), x => Assert.Equal(0.0, x));
            Assert.Same(t, init.ones_(t));
            Assert.All(Close.Values(t), x => Assert.Equal(1.0, x));
            Assert.Same(t, init.constant_(t, 0.25));
            Assert.All(Close.Values(t), x => Assert.Equal(0.25, x));
        }

        [Fact]
        public void Init_of_a_parameter_does_not_record_autograd_history()
        {
            using var linear = Linear(4, 3);
            init.kaiming_normal_(linear.weight);
            init.zeros_(linear.bias!);
            Assert.True(linear.weight.is_leaf);
            Assert.True(linear.weight.requires_grad);
        }

        [Fact]
        public void Linear_and_Conv2d_default_initialisation_equals_PyTorchs()
        {
            torch.manual_seed(19);
            using (var linear = Linear(6, 4))
            {
                Close.Assert(linear.weight, F["Linear_6_4.weight"], "Linear(6, 4).weight");
                Close.Assert(linear.bias!, F["Linear_6_4.bias"], "Linear(6, 4).bias");
            }
            torch.manual_seed(20);
            using (var conv = Conv2d(3, 4, 3))
            {
                Close.Assert(conv.weight, F["Conv2d_3_4_3.weight"], "Conv2d(3, 4, 3).weight");
                Close.Assert(conv.bias!, F["Conv2d_3_4_3.bias"], "Conv2d(3, 4, 3).bias");
            }
        }
    }
}
