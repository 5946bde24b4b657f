using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp.Interop;
using TorchSharp.Modules;

namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>Optimizers and learning-rate schedulers.</summary>
        public static partial class optim
        {
            /// <summary>The base of all optimizers.</summary>
            public abstract partial class Optimizer : IDisposable
            {
                /// <summary>An optimizer with no parameter groups yet.</summary>
                protected Optimizer() { }

                /// <summary>Releases the optimizer's state tensors.</summary>
                public void Dispose()
                {
                    Dispose(true);
                    GC.SuppressFinalize(this);
                }

                /// <summary>Releases the optimizer's state tensors.</summary>
                protected virtual void Dispose(bool disposing) { }

                /// <summary>Zeroes the gradients of all parameters in place.</summary>
                public virtual void zero_grad()
                {
                    foreach (var p in parameters())
                    {
                        var g = p.grad;
                        if (g is null) continue;
                        Ops.Run("aten::zero_", "", g);
                        g.Dispose();
                    }
                }

                /// <summary>Performs one update; returns the closure's loss, or null.</summary>
                public virtual Tensor step(Func<Tensor> closure = null!) => throw new NotImplementedException("step");

                /// <summary>Adds a parameter group.</summary>
                public virtual void add_param_group(ParamGroup param_group) => throw new NotImplementedException("add_param_group");

                /// <summary>All parameters of all groups.</summary>
                public virtual IEnumerable<Parameter> parameters() => _parameter_groups.SelectMany(g => g.Parameters);

                /// <summary>The parameter groups, as learning-rate controllers for the schedulers.</summary>
                public virtual IEnumerable<ILearningRateController> ParamGroups => _parameter_groups;

                /// <summary>The parameter groups.</summary>
                protected IList<ParamGroup> _parameter_groups = new List<ParamGroup>();
            }

            /// <summary>What learning-rate schedulers read and write on a parameter group.</summary>
            public interface ILearningRateController
            {
                /// <summary>The current learning rate.</summary>
                double LearningRate { set; get; }

                /// <summary>The learning rate the group started with.</summary>
                double InitialLearningRate { set; get; }
            }

            /// <summary>Optimizers with a momentum.</summary>
            public interface IMomentum
            {
                /// <summary>The momentum factor.</summary>
                double Momentum { get; set; }
            }

            /// <summary>Optimizers with Adam-style betas.</summary>
            public interface IBetas
            {
                /// <summary>The coefficients of the running averages.</summary>
                (double, double) Betas { get; set; }
            }

            /// <summary>Options shared by every optimizer's parameter groups.</summary>
            public class OptimizerOptions
            {
                /// <summary>The learning rate (null: the optimizer's default).</summary>
                public double? LearningRate { get; set; }

                /// <summary>The learning rate the group started with.</summary>
                public double InitialLearningRate { get; set; }
            }

            /// <summary>A group of parameters sharing options.</summary>
            public class ParamGroup : ILearningRateController
            {
                /// <summary>An empty group.</summary>
                public ParamGroup() { }

                /// <summary>A group of <paramref name="parameters"/> with <paramref name="options"/>.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, OptimizerOptions? options = null)
                {
                    Parameters = parameters;
                    if (options is not null) Options = options;
                }

                /// <summary>The parameters (re-enumerated on every step).</summary>
                public IEnumerable<Parameter> Parameters { get; set; } = Array.Empty<Parameter>();

                /// <summary>The group's options.</summary>
                public OptimizerOptions Options { get; set; } = new OptimizerOptions();

                /// <summary>The current learning rate.</summary>
                public double LearningRate
                {
                    get => Options.LearningRate ?? 0;
                    set => Options.LearningRate = value;
                }

                /// <summary>The learning rate the group started with.</summary>
                public double InitialLearningRate
                {
                    get => Options.InitialLearningRate;
                    set => Options.InitialLearningRate = value;
                }
            }

            /// <summary>A group of parameters with optimizer-specific options.</summary>
            public class ParamGroup<TOptions> : ParamGroup where TOptions : OptimizerOptions, new()
            {
                /// <summary>An empty group.</summary>
                public ParamGroup() => Options = new TOptions();

                /// <summary>A group of <paramref name="parameters"/> with <paramref name="options"/>.</summary>
                public ParamGroup(IEnumerable<Parameter> parameters, TOptions? options = null) : base(parameters, options ?? new TOptions()) { }

                /// <summary>The group's options.</summary>
                public new TOptions Options
                {
                    get => (TOptions)base.Options;
                    set => base.Options = value;
                }
            }
        }
    }
}

namespace TorchSharp.Modules
{
    using static torch.optim;

    /// <summary>The base of the managed optimizers: per-parameter state keyed by native handle, and the step frame.</summary>
    public abstract class OptimizerHelper : Optimizer
    {
        /// <summary>An optimizer with no parameter groups yet.</summary>
        public OptimizerHelper() { }

        /// <summary>Per-parameter state, keyed by the parameter's native handle.</summary>
        internal readonly Dictionary<IntPtr, Dictionary<string, torch.Tensor>> _state = new Dictionary<IntPtr, Dictionary<string, torch.Tensor>>();

        /// <summary>Zeroes the gradients of all parameters in place.</summary>
        public override void zero_grad() => base.zero_grad();

        /// <summary>
        /// Runs <paramref name="body"/> for every group under no_grad inside a fresh dispose scope; the closure, if any,
        /// runs first under enable_grad and its loss is returned.
        /// </summary>
        protected torch.Tensor _step<T>(Action<T> body, Func<torch.Tensor>? loss_closure = null) where T : ParamGroup
        {
            torch.Tensor? loss = null;
            if (loss_closure is not null)
            {
                using (torch.enable_grad()) loss = loss_closure();
            }
            using (torch.no_grad())
            using (torch.NewDisposeScope())
            {
                foreach (var group in _parameter_groups) body((T)group);
            }
            return loss!;
        }

        /// <summary>The named state tensor of a parameter, created by <paramref name="create"/> (kept out of dispose scopes) when absent.</summary>
        internal torch.Tensor? State(Parameter p, string key, Func<torch.Tensor>? create = null)
        {
            if (!_state.TryGetValue(p.Handle, out var s)) _state[p.Handle] = s = new Dictionary<string, torch.Tensor>();
            if (s.TryGetValue(key, out var t)) return t;
            if (create is null) return null;
            t = create().DetachFromDisposeScope();
            s[key] = t;
            return t;
        }

        /// <summary>Disposes the state tensors.</summary>
        protected override void Dispose(bool disposing)
        {
            if (!disposing) return;
            foreach (var s in _state.Values)
                foreach (var t in s.Values) t.Dispose();
            _state.Clear();
        }
    }
}
