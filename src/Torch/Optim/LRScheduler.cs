using System;
using System.Collections.Generic;
using System.Linq;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Learning-rate schedulers, computing PyTorch 1.13's (chainable) learning rates.</summary>
            public static partial class lr_scheduler
            {
                /// <summary>The base of the schedulers: it writes a learning rate into every parameter group on each step.</summary>
                public abstract class LRScheduler
                {
                    internal Optimizer _optimizer = null!;
                    internal int _last_epoch;
                    internal int _step_count;
                    internal List<double> _base_lrs = new List<double>();
                    internal List<double> _last_lr = new List<double>();
                    internal bool _verbose;

                    /// <summary>A scheduler not bound to an optimizer (for composites).</summary>
                    protected LRScheduler() { }

                    /// <summary>
                    /// Binds the scheduler to <paramref name="optimizer"/>; the base learning rates are the groups' initial
                    /// rates. Derived constructors finish with <see cref="InitialStep"/>, PyTorch's initial step.
                    /// </summary>
                    protected LRScheduler(Optimizer optimizer, int last_epoch = -1, bool verbose = false)
                    {
                        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
                        _last_epoch = last_epoch;
                        _verbose = verbose;
                        _base_lrs = optimizer.ParamGroups.Select(g => g.InitialLearningRate).ToList();
                    }

                    /// <summary>PyTorch's <c>_initial_step</c>: resets the step count and steps once.</summary>
                    protected void InitialStep()
                    {
                        _step_count = 0;
                        step();
                    }

                    /// <summary>Advances one epoch.</summary>
                    public virtual void step() => step(null);

                    /// <summary>Advances one epoch, or jumps to <paramref name="epoch"/> (closed form where there is one).</summary>
                    public virtual void step(int? epoch)
                    {
                        _step_count += 1;
                        IList<double> values;
                        if (epoch is null)
                        {
                            _last_epoch += 1;
                            values = get_lr().ToList();
                        }
                        else
                        {
                            _last_epoch = epoch.Value;
                            values = (HasClosedForm ? get_closed_form_lr() : get_lr()).ToList();
                        }
                        int i = 0;
                        foreach (var group in _optimizer.ParamGroups)
                        {
                            group.LearningRate = values[i];
                            if (_verbose) Console.WriteLine($"Adjusting learning rate of group {i} to {values[i]:0.0000e+00}.");
                            i++;
                        }
                        _last_lr = _optimizer.ParamGroups.Select(g => g.LearningRate).ToList();
                    }

                    /// <summary>Steps with a metric (for metric-driven schedulers); the others ignore <paramref name="current"/>.</summary>
                    public virtual void step(double current, int? epoch = null) => step(epoch);

                    /// <summary>The learning rates set by the last step.</summary>
                    public IEnumerable<double> get_last_lr() => _last_lr;

                    /// <summary>The learning rates for the current epoch (PyTorch's chainable form).</summary>
                    protected virtual IEnumerable<double> get_lr() => _optimizer.ParamGroups.Select(g => g.LearningRate);

                    /// <summary>The closed-form learning rates for the current epoch.</summary>
                    protected virtual IEnumerable<double> get_closed_form_lr() => get_lr();

                    /// <summary>Whether <see cref="get_closed_form_lr"/> is available.</summary>
                    protected virtual bool HasClosedForm => false;

                    internal void InitialStepInternal() => InitialStep();

                    internal IEnumerable<double> CurrentLRs => _optimizer.ParamGroups.Select(g => g.LearningRate);
                }

                /// <summary>The concrete schedulers.</summary>
                public static class impl
                {
                    /// <summary>Cosine annealing from the base rate to <c>eta_min</c> over <c>T_max</c> epochs.</summary>
                    public class CosineAnnealingLR : LRScheduler
                    {
                        private readonly double _T_max;
                        private readonly double _eta_min;

                        /// <summary>Binds to <paramref name="optimizer"/> and takes the initial step.</summary>
                        public CosineAnnealingLR(Optimizer optimizer, double T_max, double eta_min = 0, int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose)
                        {
                            _T_max = T_max;
                            _eta_min = eta_min;
                            InitialStep();
                        }

                        /// <inheritdoc/>
                        protected override IEnumerable<double> get_lr()
                        {
                            var lrs = CurrentLRs.ToList();
                            if (_last_epoch == 0) return lrs;
                            if (_step_count == 1 && _last_epoch > 0)
                                return _base_lrs.Select(b => _eta_min + (b - _eta_min) * (1 + Math.Cos(_last_epoch * Math.PI / _T_max)) / 2).ToList();
                            if ((_last_epoch - 1 - _T_max) % (2 * _T_max) == 0)
                                return lrs.Zip(_base_lrs, (lr, b) => lr + (b - _eta_min) * (1 - Math.Cos(Math.PI / _T_max)) / 2).ToList();
                            return lrs.Select(lr => (1 + Math.Cos(Math.PI * _last_epoch / _T_max)) / (1 + Math.Cos(Math.PI * (_last_epoch - 1) / _T_max)) * (lr - _eta_min) + _eta_min).ToList();
                        }

                        /// <inheritdoc/>
                        protected override IEnumerable<double> get_closed_form_lr() =>
                            _base_lrs.Select(b => _eta_min + (b - _eta_min) * (1 + Math.Cos(Math.PI * _last_epoch / _T_max)) / 2).ToList();

                        /// <inheritdoc/>
                        protected override bool HasClosedForm => true;
                    }

                    /// <summary>Scales the rate linearly from <c>start_factor</c> to <c>end_factor</c> over <c>total_iters</c> epochs.</summary>
                    public class LinearLR : LRScheduler
                    {
                        private readonly double _start_factor;
                        private readonly double _end_factor;
                        private readonly int _total_iters;

                        /// <summary>Binds to <paramref name="optimizer"/> and takes the initial step.</summary>
                        public LinearLR(Optimizer optimizer, double start_factor = 1.0 / 3, double end_factor = 1.0, int total_iters = 5, int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose)
                        {
                            if (start_factor > 1.0 || start_factor < 0) throw new ArgumentException("Starting multiplicative factor expected to be between 0 and 1.");
                            if (end_factor > 1.0 || end_factor < 0) throw new ArgumentException("Ending multiplicative factor expected to be between 0 and 1.");
                            _start_factor = start_factor;
                            _end_factor = end_factor;
                            _total_iters = total_iters;
                            InitialStep();
                        }

                        /// <inheritdoc/>
                        protected override IEnumerable<double> get_lr()
                        {
                            var lrs = CurrentLRs.ToList();
                            if (_last_epoch == 0) return lrs.Select(lr => lr * _start_factor).ToList();
                            if (_last_epoch > _total_iters) return lrs;
                            return lrs.Select(lr => lr * (1.0 + (_end_factor - _start_factor) /
                                (_total_iters * _start_factor + (_last_epoch - 1) * (_end_factor - _start_factor)))).ToList();
                        }

                        /// <inheritdoc/>
                        protected override IEnumerable<double> get_closed_form_lr() =>
                            _base_lrs.Select(b => b * (_start_factor + (_end_factor - _start_factor) * Math.Min(_total_iters, _last_epoch) / _total_iters)).ToList();

                        /// <inheritdoc/>
                        protected override bool HasClosedForm => true;
                    }

                    /// <summary>Multiplies the rate by <c>gamma</c> every <c>step_size</c> epochs.</summary>
                    public class StepLR : LRScheduler
                    {
                        private readonly int _step_size;
                        private readonly double _gamma;

                        /// <summary>Binds to <paramref name="optimizer"/> and takes the initial step.</summary>
                        public StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose)
                        {
                            _step_size = step_size;
                            _gamma = gamma;
                            InitialStep();
                        }

                        /// <inheritdoc/>
                        protected override IEnumerable<double> get_lr()
                        {
                            var lrs = CurrentLRs.ToList();
                            if (_last_epoch == 0 || _last_epoch % _step_size != 0) return lrs;
                            return lrs.Select(lr => lr * _gamma).ToList();
                        }

                        /// <inheritdoc/>
                        protected override IEnumerable<double> get_closed_form_lr() =>
                            _base_lrs.Select(b => b * Math.Pow(_gamma, Math.Floor((double)_last_epoch / _step_size))).ToList();

                        /// <inheritdoc/>
                        protected override bool HasClosedForm => true;
                    }

                    /// <summary>Runs schedulers one after another, switching at the milestones (PyTorch 1.13's SequentialLR).</summary>
                    public class SequentialLR : LRScheduler
                    {
                        private readonly List<LRScheduler> _schedulers;
                        private readonly List<int> _milestones;

                        /// <summary>Chains <paramref name="schedulers"/>; there must be one milestone fewer than schedulers.</summary>
                        public SequentialLR(Optimizer optimizer, IEnumerable<LRScheduler> schedulers, IEnumerable<int> milestones, int last_epoch = -1)
                        {
                            _schedulers = schedulers.ToList();
                            _milestones = milestones.ToList();
                            if (_schedulers.Count == 0) throw new ArgumentException("SequentialLR needs at least one scheduler");
                            for (int i = 0; i < _schedulers.Count; i++)
                                if (!ReferenceEquals(_schedulers[i]._optimizer, optimizer))
                                    throw new ArgumentException($"Sequential Schedulers expects all schedulers to belong to the same optimizer, but got schedulers at index {i} to be different than the optimizer passed in.");
                            if (_milestones.Count != _schedulers.Count - 1)
                                throw new ArgumentException($"Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers {_schedulers.Count} and the number of milestones to be equal to {_milestones.Count}");
                            _optimizer = optimizer;
                            _last_epoch = last_epoch + 1;
                            _base_lrs = optimizer.ParamGroups.Select(g => g.InitialLearningRate).ToList();
                            foreach (var g in optimizer.ParamGroups) g.LearningRate = g.InitialLearningRate;
                            foreach (var s in _schedulers) s._last_epoch -= 1;
                            _schedulers[0].InitialStepInternal();
                            _last_lr = _schedulers[0]._last_lr.ToList();
                        }

                        /// <summary>Advances one epoch on the scheduler whose turn it is (restarting it at its milestone).</summary>
                        public override void step()
                        {
                            _last_epoch += 1;
                            int idx = 0;
                            while (idx < _milestones.Count && _milestones[idx] <= _last_epoch) idx++;
                            var scheduler = _schedulers[idx];
                            if (idx > 0 && _milestones[idx - 1] == _last_epoch) scheduler.step(0);
                            else scheduler.step();
                            _last_lr = scheduler._last_lr.ToList();
                        }

                        /// <summary>Advances one epoch (SequentialLR has no epoch jumps).</summary>
                        public override void step(int? epoch) => step();
                    }
                }

                /// <summary>Cosine annealing.</summary>
                public static LRScheduler CosineAnnealingLR(Optimizer optimizer, double T_max, double eta_min = 0, int last_epoch = -1, bool verbose = false) =>
                    new impl.CosineAnnealingLR(optimizer, T_max, eta_min, last_epoch, verbose);

                /// <summary>Linear warm-up (or decay) of the rate's factor.</summary>
                public static LRScheduler LinearLR(Optimizer optimizer, double start_factor = 1.0 / 3, double end_factor = 1.0, int total_iters = 5, int last_epoch = -1, bool verbose = false) =>
                    new impl.LinearLR(optimizer, start_factor, end_factor, total_iters, last_epoch, verbose);

                /// <summary>Step decay.</summary>
                public static LRScheduler StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                    new impl.StepLR(optimizer, step_size, gamma, last_epoch, verbose);

                /// <summary>Schedulers in sequence, switching at the milestones.</summary>
                public static LRScheduler SequentialLR(Optimizer optimizer, IEnumerable<LRScheduler> schedulers, IEnumerable<int> milestones, int last_epoch = -1) =>
                    new impl.SequentialLR(optimizer, schedulers, milestones, last_epoch);
            }
        }
    }
}
