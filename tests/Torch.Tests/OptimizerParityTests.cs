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
    /// SGD (momentum, dampening, Nesterov, weight decay) and AdamW against torch.optim in PyTorch 1.13
    /// (tests/fixtures/torch/optim.safetensors): parameters after 5 steps within 1e-5, on fixed gradients
    /// and on a tiny model trained on fixed batches.
    /// </summary>
    public class OptimizerParityTests
    {
        private static SafeTensorsFile F => Fixtures.Optim;

        public static readonly Dictionary<string, Func<IEnumerable<Parameter>, optim.Optimizer>> Optimizers = new()
        {
            ["sgd_nesterov"] = ps => optim.SGD(ps, learningRate: 0.1, momentum: 0.9, nesterov: true, weight_decay: 1e-4),
            ["sgd_dampening"] = ps => optim.SGD(ps, 0.05, momentum: 0.8, dampening: 0.1, weight_decay: 1e-3),
            ["sgd_plain"] = ps => optim.SGD(ps, 0.1),
            ["adamw"] = ps => optim.AdamW(ps, lr: 1e-2, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.05),
            ["adamw_betas"] = ps => optim.AdamW(ps, lr: 3e-3, beta1: 0.8, beta2: 0.99, eps: 1e-6),
        };

        public static IEnumerable<object[]> Names => Optimizers.Keys.Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(Names))]
        public void Five_steps_on_fixed_gradients_give_PyTorchs_parameters(string name)
        {
            var w = new Parameter(F["synthetic.w0"]);
            var b = new Parameter(F["synthetic.b0"]);
            try
            {
                var opt = Optimizers[name](new[] { w, b });
                for (int t = 0; t < 5; t++)
                {
                    using var scope = NewDisposeScope();
                    opt.zero_grad();
                    // d/dw sum(w * g) = g: feeds exactly the fixture's gradient of this step
                    ((w * F[$"synthetic.gw{t}"]).sum() + (b * F[$"synthetic.gb{t}"]).sum()).backward();
                    opt.step();
                }
                using var check = NewDisposeScope();
                Close.Assert(w, F[$"synthetic.{name}.w5"], $"{name}: weight after 5 steps");
                Close.Assert(b, F[$"synthetic.{name}.b5"], $"{name}: bias after 5 steps");
                Assert.True(w.requires_grad && w.is_leaf, "the optimizer must update parameters in place, as leaves");
            }
            finally
            {
                w.Dispose();
                b.Dispose();
            }
        }

        [Theory]
        [InlineData("sgd_nesterov")]
        [InlineData("adamw")]
        public void Five_training_steps_of_a_tiny_model_give_PyTorchs_losses_and_weights(string name)
        {
            using var model = Sequential(Linear(4, 8), ReLU(), Linear(8, 3));
            using (var load = NewDisposeScope())
                model.load_state_dict(F.WithPrefix("model.init.").ToDictionary(e => e.key, e => e.entry.ToTensor()));
            var opt = Optimizers[name](model.parameters());
            for (int t = 0; t < 5; t++)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(F[$"model.x{t}"]), F[$"model.y{t}"]);
                loss.backward();
                opt.step();
                var expected = F[$"model.{name}.loss{t}"].item<float>();
                Assert.True(Math.Abs(loss.item<float>() - expected) <= 1e-5 * Math.Abs(expected), $"{name} step {t}: loss {loss.item<float>()}, PyTorch {expected}");
            }
            using var check = NewDisposeScope();
            var sd = model.state_dict();
            var final = F.WithPrefix($"model.{name}.final.").ToList();
            Assert.Equal(final.Select(e => e.key), sd.Keys);
            foreach (var (key, entry) in final) Close.Assert(sd[key], entry.ToTensor(), $"{name}: {key} after 5 steps");
        }

        [Fact]
        public void Optimizer_zero_grad_zeroes_gradients_in_place_and_step_changes_only_parameters_with_gradients()
        {
            using var a = Linear(3, 2);
            using var frozen = Linear(3, 2);
            var opt = optim.SGD(a.parameters(), learningRate: 0.5);
            using var scope = NewDisposeScope();
            var before = frozen.weight.clone();
            a.call(torch.ones(1, 3)).sum().backward();
            var w0 = a.weight.clone();
            opt.step();
            Assert.False(w0.Equals(a.weight));
            Assert.True(before.Equals(frozen.weight));
            opt.zero_grad();
            Assert.All(Close.Values(a.weight.grad!), g => Assert.Equal(0.0, g));
        }

        [Fact]
        public void Optimizer_exposes_its_learning_rate_through_ParamGroups()
        {
            using var a = Linear(3, 2);
            var opt = optim.SGD(a.parameters(), learningRate: 0.25, momentum: 0.9);
            Assert.Equal(0.25, opt.ParamGroups.First().LearningRate);
            opt.ParamGroups.First().LearningRate = 0.125;
            Assert.Equal(0.125, opt.ParamGroups.First().LearningRate);
            Assert.Equal(2, opt.parameters().Count());
        }
    }

    /// <summary>Learning-rate schedules against torch.optim.lr_scheduler (tests/fixtures/torch/schedules.json).</summary>
    public class SchedulerParityTests
    {
        private static double[] Expected(string name) =>
            Fixtures.Schedules.GetProperty(name).GetProperty("lrs").EnumerateArray().Select(e => e.GetDouble()).ToArray();

        private static void Run(string name, Func<optim.Optimizer, optim.lr_scheduler.LRScheduler> make)
        {
            var expected = Expected(name);
            var p = new Parameter(torch.zeros(1));
            try
            {
                var opt = optim.SGD(new[] { p }, learningRate: 0.1, momentum: 0.9);
                var scheduler = make(opt);
                var lrs = new List<double> { opt.ParamGroups.First().LearningRate };
                var last = new List<double> { scheduler.get_last_lr().First() };
                for (int step = 0; step < expected.Length - 1; step++)
                {
                    opt.step();
                    scheduler.step();
                    lrs.Add(opt.ParamGroups.First().LearningRate);
                    last.Add(scheduler.get_last_lr().First());
                }
                for (int k = 0; k < expected.Length; k++)
                {
                    Assert.True(Math.Abs(lrs[k] - expected[k]) <= 1e-12 * Math.Abs(expected[k]),
                        $"{name}: lr after {k} steps is {lrs[k]:R}, PyTorch {expected[k]:R}\n bridge:  {string.Join(", ", lrs.Select(v => v.ToString("G6")))}\n PyTorch: {string.Join(", ", expected.Select(v => v.ToString("G6")))}");
                    Assert.True(Math.Abs(last[k] - expected[k]) <= 1e-12 * Math.Abs(expected[k]), $"{name}: get_last_lr() after {k} steps is {last[k]:R}, PyTorch {expected[k]:R}");
                }
            }
            finally
            {
                p.Dispose();
            }
        }

        [Fact]
        public void Warm_up_then_cosine_through_SequentialLR_gives_PyTorchs_learning_rates() =>
            Run("warmup_cosine", opt => optim.lr_scheduler.SequentialLR(opt,
                new[]
                {
                    optim.lr_scheduler.LinearLR(opt, start_factor: 0.1, end_factor: 1.0, total_iters: 5),
                    optim.lr_scheduler.CosineAnnealingLR(opt, T_max: 15, eta_min: 1e-4),
                },
                new[] { 5 }));

        [Fact]
        public void CosineAnnealingLR_gives_PyTorchs_learning_rates_past_T_max() =>
            Run("cosine", opt => optim.lr_scheduler.CosineAnnealingLR(opt, 10, eta_min: 0.001));

        [Fact]
        public void LinearLR_gives_PyTorchs_learning_rates() =>
            Run("linear", opt => optim.lr_scheduler.LinearLR(opt, start_factor: 0.25, end_factor: 1.0, total_iters: 4));
    }
}
