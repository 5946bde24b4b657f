using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp.Interop;
using TorchSharp.Modules;
using static TorchSharp.torch.optim;

namespace TorchSharp.Modules
{
    /// <summary>The update shared by Adam (L2 weight decay) and AdamW (decoupled weight decay), as PyTorch 1.13 computes it.</summary>
    internal static class AdamUpdate
    {
        internal static void Run(OptimizerHelper opt, IEnumerable<Parameter> parameters, double lr, double beta1, double beta2, double eps,
            double weight_decay, bool amsgrad, bool maximize, bool decoupled)
        {
            foreach (var param in parameters)
            {
                var grad = param.grad;
                if (grad is null) continue;
                if (maximize) grad = Ops.Tensor("aten::neg", "", grad);

                var stepT = opt.State(param, "step", () => Ops.Tensor("aten::zeros", "", Array.Empty<long>(), torch.ScalarType.Float32))!;
                var exp_avg = opt.State(param, "exp_avg", () => Ops.Tensor("aten::zeros_like", "", param))!;
                var exp_avg_sq = opt.State(param, "exp_avg_sq", () => Ops.Tensor("aten::zeros_like", "", param))!;
                var max_exp_avg_sq = amsgrad ? opt.State(param, "max_exp_avg_sq", () => Ops.Tensor("aten::zeros_like", "", param)) : null;

                Ops.Run("aten::add_", "Scalar", stepT, 1L);
                if (decoupled) Ops.Run("aten::mul_", "Scalar", param, 1 - lr * weight_decay);
                else if (weight_decay != 0) grad = Ops.Tensor("aten::add", "Tensor", grad, param, weight_decay);

                Ops.Run("aten::mul_", "Scalar", exp_avg, beta1);
                Ops.Run("aten::add_", "Tensor", exp_avg, grad, 1 - beta1);
                Ops.Run("aten::mul_", "Scalar", exp_avg_sq, beta2);
                Ops.Run("aten::addcmul_", "", exp_avg_sq, grad, grad, 1 - beta2);

                double step = stepT.item<float>();
                var bias_correction1 = 1 - Math.Pow(beta1, step);
                var bias_correction2 = 1 - Math.Pow(beta2, step);
                var step_size = lr / bias_correction1;
                var bias_correction2_sqrt = Math.Sqrt(bias_correction2);

                torch.Tensor denom;
                if (amsgrad)
                {
                    Ops.Run("aten::maximum", "out", max_exp_avg_sq!, exp_avg_sq, max_exp_avg_sq!);
                    denom = Ops.Tensor("aten::div", "Scalar", Ops.Tensor("aten::sqrt", "", max_exp_avg_sq!), bias_correction2_sqrt);
                }
                else
                {
                    denom = Ops.Tensor("aten::div", "Scalar", Ops.Tensor("aten::sqrt", "", exp_avg_sq), bias_correction2_sqrt);
                }
                Ops.Run("aten::add_", "Scalar", denom, eps);
                Ops.Run("aten::addcdiv_", "", param, exp_avg, denom, -step_size);
            }
        }
    }

    /// <summary>Adam (weight decay as an L2 term in the gradient).</summary>
    public class Adam : OptimizerHelper, IBetas
    {
        private readonly Options _defaults;

        /// <summary>Adam over one group of parameters.</summary>
        public Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
            : this(new[] { new ParamGroup(parameters) }, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize) { }

        /// <summary>Adam over parameter groups; options a group leaves unset come from the arguments.</summary>
        public Adam(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        {
            AdamChecks.Validate(lr, beta1, beta2, eps, weight_decay);
            _defaults = new Options { LearningRate = lr, InitialLearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay, amsgrad = amsgrad, maximize = maximize };
            foreach (var g in parameters) add_param_group(g);
        }

        /// <summary>Adds a group, filling its unset options from the optimizer's defaults.</summary>
        public override void add_param_group(torch.optim.ParamGroup param_group)
        {
            var g = param_group as ParamGroup ?? new ParamGroup(param_group.Parameters, new Options { LearningRate = param_group.Options.LearningRate });
            AdamChecks.Fill(g.Options, _defaults);
            _parameter_groups.Add(g);
        }

        /// <summary>The default betas.</summary>
        public (double, double) Betas
        {
            get => (_defaults.beta1 ?? 0.9, _defaults.beta2 ?? 0.999);
            set
            {
                (_defaults.beta1, _defaults.beta2) = value;
                foreach (var g in _parameter_groups.Cast<ParamGroup>()) (g.Options.beta1, g.Options.beta2) = value;
            }
        }

        /// <summary>One Adam update of every parameter that has a gradient.</summary>
        public override torch.Tensor step(Func<torch.Tensor> closure = null!) => _step<ParamGroup>(group =>
        {
            var o = group.Options;
            AdamUpdate.Run(this, group.Parameters, o.LearningRate!.Value, o.beta1!.Value, o.beta2!.Value, o.eps!.Value, o.weight_decay!.Value, o.amsgrad!.Value, o.maximize!.Value, decoupled: false);
        }, closure);

        /// <summary>Adam's options.</summary>
        public class Options : AdamOptions { }

        /// <summary>A group of parameters with Adam options.</summary>
        public class ParamGroup : ParamGroup<Options>, IBetas
        {
            /// <summary>An empty group.</summary>
            public ParamGroup() { }

            /// <summary>A group with the given options.</summary>
            public ParamGroup(IEnumerable<Parameter> parameters, Options? options = null) : base(parameters, options) { }

            /// <summary>A group with the given options.</summary>
            public ParamGroup(IEnumerable<Parameter> parameters, double lr, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
                : base(parameters, new Options { LearningRate = lr, InitialLearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay, amsgrad = amsgrad, maximize = maximize }) { }

            /// <summary>The group's betas.</summary>
            public (double, double) Betas { get => (Options.beta1 ?? 0.9, Options.beta2 ?? 0.999); set => (Options.beta1, Options.beta2) = value; }
        }
    }

    /// <summary>AdamW: Adam with decoupled weight decay (param *= 1 - lr * weight_decay).</summary>
    public class AdamW : OptimizerHelper, IBetas
    {
        private readonly Options _defaults;

        /// <summary>AdamW over one group of parameters.</summary>
        public AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
            : this(new[] { new ParamGroup(parameters) }, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize) { }

        /// <summary>AdamW over parameter groups; options a group leaves unset come from the arguments.</summary>
        public AdamW(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        {
            AdamChecks.Validate(lr, beta1, beta2, eps, weight_decay);
            _defaults = new Options { LearningRate = lr, InitialLearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay, amsgrad = amsgrad, maximize = maximize };
            foreach (var g in parameters) add_param_group(g);
        }

        /// <summary>Adds a group, filling its unset options from the optimizer's defaults.</summary>
        public override void add_param_group(torch.optim.ParamGroup param_group)
        {
            var g = param_group as ParamGroup ?? new ParamGroup(param_group.Parameters, new Options { LearningRate = param_group.Options.LearningRate });
            AdamChecks.Fill(g.Options, _defaults);
            _parameter_groups.Add(g);
        }

        /// <summary>The default betas.</summary>
        public (double, double) Betas
        {
            get => (_defaults.beta1 ?? 0.9, _defaults.beta2 ?? 0.999);
            set
            {
                (_defaults.beta1, _defaults.beta2) = value;
                foreach (var g in _parameter_groups.Cast<ParamGroup>()) (g.Options.beta1, g.Options.beta2) = value;
            }
        }

        /// <summary>One AdamW update of every parameter that has a gradient.</summary>
        public override torch.Tensor step(Func<torch.Tensor> closure = null!) => _step<ParamGroup>(group =>
        {
            var o = group.Options;
            AdamUpdate.Run(this, group.Parameters, o.LearningRate!.Value, o.beta1!.Value, o.beta2!.Value, o.eps!.Value, o.weight_decay!.Value, o.amsgrad!.Value, o.maximize!.Value, decoupled: true);
        }, closure);

        /// <summary>AdamW's options.</summary>
        public class Options : AdamOptions { }

        /// <summary>A group of parameters with AdamW options.</summary>
        public class ParamGroup : ParamGroup<Options>, IBetas
        {
            /// <summary>An empty group.</summary>
            public ParamGroup() { }

            /// <summary>A group with the given options.</summary>
            public ParamGroup(IEnumerable<Parameter> parameters, Options? options = null) : base(parameters, options) { }

            /// <summary>A group with the given options.</summary>
            public ParamGroup(IEnumerable<Parameter> parameters, double lr, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
                : base(parameters, new Options { LearningRate = lr, InitialLearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay, amsgrad = amsgrad, maximize = maximize }) { }

            /// <summary>The group's betas.</summary>
            public (double, double) Betas { get => (Options.beta1 ?? 0.9, Options.beta2 ?? 0.999); set => (Options.beta1, Options.beta2) = value; }
        }
    }

    /// <summary>Options of the Adam family.</summary>
    public class AdamOptions : OptimizerOptions
    {
        /// <summary>Coefficient of the running average of the gradient.</summary>
        public double? beta1 { get; set; }
        /// <summary>Coefficient of the running average of the squared gradient.</summary>
        public double? beta2 { get; set; }
        /// <summary>Added to the denominator for stability.</summary>
        public double? eps { get; set; }
        /// <summary>Weight decay.</summary>
        public double? weight_decay { get; set; }
        /// <summary>Whether to use the AMSGrad variant.</summary>
        public bool? amsgrad { get; set; }
        /// <summary>Whether to maximize instead of minimize.</summary>
        public bool? maximize { get; set; }
    }

    internal static class AdamChecks
    {
        internal static void Validate(double lr, double beta1, double beta2, double eps, double weight_decay)
        {
            if (lr < 0) throw new ArgumentException($"Invalid learning rate: {lr}");
            if (eps < 0) throw new ArgumentException($"Invalid epsilon value: {eps}");
            if (beta1 < 0 || beta1 >= 1) throw new ArgumentException($"Invalid beta parameter at index 0: {beta1}");
            if (beta2 < 0 || beta2 >= 1) throw new ArgumentException($"Invalid beta parameter at index 1: {beta2}");
            if (weight_decay < 0) throw new ArgumentException($"Invalid weight_decay value: {weight_decay}");
        }

        internal static void Fill(AdamOptions o, AdamOptions d)
        {
            o.LearningRate ??= d.LearningRate;
            o.InitialLearningRate = o.LearningRate!.Value;
            o.beta1 ??= d.beta1;
            o.beta2 ??= d.beta2;
            o.eps ??= d.eps;
            o.weight_decay ??= d.weight_decay;
            o.amsgrad ??= d.amsgrad;
            o.maximize ??= d.maximize;
        }
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Adam.</summary>
            public static Adam Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new Adam(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            /// <summary>Adam over named parameters.</summary>
            public static Adam Adam(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new Adam(parameters.Select(np => np.parameter), lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            /// <summary>Adam over parameter groups.</summary>
            public static Adam Adam(IEnumerable<Modules.Adam.ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new Adam(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            /// <summary>AdamW (decoupled weight decay; TorchSharp's default weight_decay is 0).</summary>
            public static AdamW AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new AdamW(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            /// <summary>AdamW over named parameters.</summary>
            public static AdamW AdamW(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new AdamW(parameters.Select(np => np.parameter), lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            /// <summary>AdamW over parameter groups.</summary>
            public static AdamW AdamW(IEnumerable<Modules.AdamW.ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new AdamW(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);
        }
    }
}
