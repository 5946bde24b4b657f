using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp.Interop;
using TorchSharp.Modules;
using static TorchSharp.torch.optim;

namespace TorchSharp.Modules
{
    /// <summary>Stochastic gradient descent with momentum, dampening, weight decay and Nesterov momentum (PyTorch's update).</summary>
    public class SGD : OptimizerHelper, IMomentum
    {
        private readonly Options _defaults;

        /// <summary>SGD over one group of parameters.</summary>
        public SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0.0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
            : this(new[] { new ParamGroup(parameters) }, lr, momentum, dampening, weight_decay, nesterov, maximize) { }

        /// <summary>SGD over parameter groups; options a group leaves unset come from the arguments.</summary>
        public SGD(IEnumerable<ParamGroup> parameters, double lr, double momentum = 0.0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
        {
            if (lr < 0) throw new ArgumentException($"Invalid learning rate: {lr}");
            if (momentum < 0) throw new ArgumentException($"Invalid momentum value: {momentum}");
            if (weight_decay < 0) throw new ArgumentException($"Invalid weight_decay value: {weight_decay}");
            if (nesterov && (momentum <= 0 || dampening != 0)) throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");
            _defaults = new Options
            {
                LearningRate = lr, InitialLearningRate = lr, momentum = momentum, dampening = dampening,
                weight_decay = weight_decay, nesterov = nesterov, maximize = maximize,
            };
            foreach (var g in parameters) add_param_group(g);
        }

        /// <summary>Adds a group, filling its unset options from the optimizer's defaults.</summary>
        public override void add_param_group(torch.optim.ParamGroup param_group)
        {
            var g = param_group as ParamGroup ?? new ParamGroup(param_group.Parameters, new Options { LearningRate = param_group.Options.LearningRate });
            var o = g.Options;
            o.LearningRate ??= _defaults.LearningRate;
            o.InitialLearningRate = o.LearningRate!.Value;
            o.momentum ??= _defaults.momentum;
            o.dampening ??= _defaults.dampening;
            o.weight_decay ??= _defaults.weight_decay;
            o.nesterov ??= _defaults.nesterov;
            o.maximize ??= _defaults.maximize;
            _parameter_groups.Add(g);
        }

        /// <summary>The default momentum.</summary>
        public double Momentum
        {
            get => _defaults.momentum ?? 0;
            set
            {
                _defaults.momentum = value;
                foreach (var g in _parameter_groups.Cast<ParamGroup>()) g.Options.momentum = value;
            }
        }

        /// <summary>One SGD update of every parameter that has a gradient.</summary>
        public override torch.Tensor step(Func<torch.Tensor> closure = null!) => _step<ParamGroup>(group =>
        {
            var o = group.Options;
            var lr = o.LearningRate!.Value;
            var momentum = o.momentum ?? 0;
            var dampening = o.dampening ?? 0;
            var weight_decay = o.weight_decay ?? 0;
            var nesterov = o.nesterov ?? false;
            var maximize = o.maximize ?? false;
            foreach (var param in group.Parameters)
            {
                var grad = param.grad;
                if (grad is null) continue;
                var d_p = maximize ? Ops.Tensor("aten::neg", "", grad) : grad;
                if (weight_decay != 0) d_p = Ops.Tensor("aten::add", "Tensor", d_p, param, weight_decay);
                if (momentum != 0)
                {
                    var buf = State(param, "momentum_buffer");
                    if (buf is null)
                    {
                        var dp = d_p;
                        buf = State(param, "momentum_buffer", () => Ops.Tensor("aten::clone", "", dp).detach());
                    }
                    else
                    {
                        Ops.Run("aten::mul_", "Scalar", buf, momentum);
                        Ops.Run("aten::add_", "Tensor", buf, d_p, 1 - dampening);
                    }
                    d_p = nesterov ? Ops.Tensor("aten::add", "Tensor", d_p, buf!, momentum) : buf!;
                }
                Ops.Run("aten::add_", "Tensor", param, d_p, -lr);
            }
        }, closure);

        /// <summary>SGD's options.</summary>
        public class Options : OptimizerOptions
        {
            /// <summary>The momentum factor.</summary>
            public double? momentum { get; set; }
            /// <summary>The dampening of the momentum.</summary>
            public double? dampening { get; set; }
            /// <summary>L2 penalty.</summary>
            public double? weight_decay { get; set; }
            /// <summary>Whether to use Nesterov momentum.</summary>
            public bool? nesterov { get; set; }
            /// <summary>Whether to maximize instead of minimize.</summary>
            public bool? maximize { get; set; }
        }

        /// <summary>A group of parameters with SGD options.</summary>
        public class ParamGroup : ParamGroup<Options>, IMomentum
        {
            /// <summary>An empty group.</summary>
            public ParamGroup() { }

            /// <summary>A group with the given options.</summary>
            public ParamGroup(IEnumerable<Parameter> parameters, Options? options = null) : base(parameters, options) { }

            /// <summary>A group with the given options.</summary>
            public ParamGroup(IEnumerable<Parameter> parameters, double lr, double momentum = 0.0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
                : base(parameters, new Options { LearningRate = lr, InitialLearningRate = lr, momentum = momentum, dampening = dampening, weight_decay = weight_decay, nesterov = nesterov, maximize = maximize }) { }

            /// <summary>The group's momentum.</summary>
            public double Momentum { get => Options.momentum ?? 0; set => Options.momentum = value; }
        }
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Stochastic gradient descent.</summary>
            public static Modules.SGD SGD(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
                new Modules.SGD(parameters, learningRate, momentum, dampening, weight_decay, nesterov, maximize);

            /// <summary>Stochastic gradient descent over named parameters.</summary>
            public static Modules.SGD SGD(IEnumerable<(string name, Parameter parameter)> parameters, double learningRate, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
                new Modules.SGD(parameters.Select(np => np.parameter), learningRate, momentum, dampening, weight_decay, nesterov, maximize);

            /// <summary>Stochastic gradient descent over parameter groups.</summary>
            public static Modules.SGD SGD(IEnumerable<Modules.SGD.ParamGroup> parameters, double learningRate, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
                new Modules.SGD(parameters, learningRate, momentum, dampening, weight_decay, nesterov, maximize);
        }
    }
}
