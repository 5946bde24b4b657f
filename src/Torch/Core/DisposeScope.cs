using System;
using System.Collections.Generic;
using System.Linq;

namespace TorchSharp
{
    /// <summary>
    /// Collects the tensors created on this thread while it is the current scope and disposes them when the
    /// scope is disposed. Scopes nest per thread; <see cref="MoveToOuter{T}(T)"/> hands a tensor to the
    /// enclosing scope (or detaches it when there is none).
    /// </summary>
    public sealed class DisposeScope : IDisposable
    {
        private readonly HashSet<IDisposable> disposables = new(ReferenceEqualityComparer.Instance);
        private readonly DisposeScope? outer;
        private bool disposed;

        internal DisposeScope(DisposeScope? outer) => this.outer = outer;

        internal DisposeScope? Outer => outer;

        /// <summary>The objects this scope will dispose.</summary>
        public IReadOnlyList<IDisposable> DisposablesView => disposables.ToList();

        /// <summary>How many objects this scope will dispose.</summary>
        public int DisposablesCount => disposables.Count;

        /// <summary>Moves one object to the enclosing scope (or detaches it).</summary>
        public T MoveToOuter<T>(T disposable) where T : IDisposable => MoveToOther(outer, disposable);

        /// <summary>Moves two objects to the enclosing scope.</summary>
        public (T1 first, T2 second) MoveToOuter<T1, T2>(T1 first, T2 second) where T1 : IDisposable where T2 : IDisposable
            => (MoveToOuter(first), MoveToOuter(second));

        /// <summary>Moves three objects to the enclosing scope.</summary>
        public (T1 first, T2 second, T3 third) MoveToOuter<T1, T2, T3>(T1 first, T2 second, T3 third) where T1 : IDisposable where T2 : IDisposable where T3 : IDisposable
            => (MoveToOuter(first), MoveToOuter(second), MoveToOuter(third));

        /// <summary>Moves objects to the enclosing scope.</summary>
        public IReadOnlyList<IDisposable> MoveToOuter(params IDisposable[] disposables) => MoveToOuter((IEnumerable<IDisposable>)disposables);

        /// <summary>Moves objects to the enclosing scope.</summary>
        public IReadOnlyList<IDisposable> MoveToOuter(IEnumerable<IDisposable> disposables) => disposables.Select(d => MoveToOuter<IDisposable>(d)).ToList();

        /// <summary>Moves one object to another scope (or detaches it when <paramref name="scope"/> is null).</summary>
        public T MoveToOther<T>(DisposeScope? scope, T disposable) where T : IDisposable
        {
            disposables.Remove(disposable);
            Reassign(disposable, scope);
            scope?.disposables.Add(disposable);
            return disposable;
        }

        /// <summary>Detaches one object: nothing will dispose it but its owner.</summary>
        public T Detach<T>(T disposable) where T : IDisposable => MoveToOther(null, disposable);

        /// <summary>Detaches objects.</summary>
        public IReadOnlyList<IDisposable> Detach(params IDisposable[] disposables) => disposables.Select(d => Detach<IDisposable>(d)).ToList();

        /// <summary>Detaches objects.</summary>
        public IReadOnlyList<IDisposable> Detach(IEnumerable<IDisposable> disposables) => disposables.Select(d => Detach<IDisposable>(d)).ToList();

        /// <summary>Adds an object (a tensor) to this scope.</summary>
        public void Attach(IDisposable disposable)
        {
            if (disposable is not torch.Tensor) throw new InvalidOperationException("only tensors can be attached to a dispose scope");
            if (disposable is torch.Tensor t) t.OwningScope?.disposables.Remove(t);
            Reassign(disposable, this);
            disposables.Add(disposable);
        }

        /// <summary>Adds objects to this scope.</summary>
        public IReadOnlyList<IDisposable> Attach(params IDisposable[] disposables)
        {
            foreach (var d in disposables) Attach(d);
            return disposables;
        }

        /// <summary>Adds objects to this scope.</summary>
        public IReadOnlyList<IDisposable> Attach(IEnumerable<IDisposable> disposables) => Attach(disposables.ToArray());

        /// <summary>Disposes everything in the scope now; the scope stays current.</summary>
        public void DisposeEverything() => DisposeEverythingBut(Array.Empty<IDisposable>());

        /// <summary>Disposes everything in the scope except the given objects.</summary>
        public void DisposeEverythingBut(IEnumerable<IDisposable> inKeep)
        {
            var keep = new HashSet<IDisposable>(inKeep, ReferenceEqualityComparer.Instance);
            var doomed = disposables.Where(d => !keep.Contains(d)).ToList();
            foreach (var d in doomed)
            {
                disposables.Remove(d);
                Reassign(d, null);
                d.Dispose();
            }
        }

        /// <summary>Disposes everything in the scope except the given objects.</summary>
        public void DisposeEverythingBut(params IDisposable[] keep) => DisposeEverythingBut((IEnumerable<IDisposable>)keep);

        /// <summary>Disposes everything in the scope except one object.</summary>
        public T DisposeEverythingBut<T>(T keep) where T : IDisposable
        {
            DisposeEverythingBut(new IDisposable[] { keep });
            return keep;
        }

        /// <summary>Disposes everything in the scope and makes the enclosing scope current again.</summary>
        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            DisposeEverything();
            DisposeScopeManager.Pop(this);
        }

        /// <summary>Forgets an object that was disposed elsewhere.</summary>
        public void MarkAsDisposed(IDisposable disposable) => disposables.Remove(disposable);

        /// <summary>True when the scope will dispose the object.</summary>
        public bool Contains(IDisposable disposable) => disposables.Contains(disposable);

        internal void Add(torch.Tensor tensor) => disposables.Add(tensor);

        private static void Reassign(IDisposable disposable, DisposeScope? scope)
        {
            if (disposable is torch.Tensor t) t.OwningScope = scope;
        }
    }

    internal static class DisposeScopeManager
    {
        [ThreadStatic] private static DisposeScope? current;

        internal static DisposeScope? Current => current;

        internal static DisposeScope Push()
        {
            var scope = new DisposeScope(current);
            current = scope;
            return scope;
        }

        internal static void Pop(DisposeScope scope)
        {
            // Scopes are disposed innermost first; tolerate an out-of-order dispose by unwinding to its outer.
            if (ReferenceEquals(current, scope)) current = scope.Outer;
        }
    }

    public static partial class torch
    {
        /// <summary>Opens a dispose scope on this thread: tensors created until it is disposed join it.</summary>
        public static DisposeScope NewDisposeScope() => DisposeScopeManager.Push();

        /// <summary>The innermost dispose scope of this thread, if any.</summary>
        public static DisposeScope? CurrentDisposeScope => DisposeScopeManager.Current;

        /// <summary>Evaluates <paramref name="expr"/> inside a scope and returns its result moved to the caller's scope.</summary>
        public static Tensor WrappedTensorDisposeScope(Func<Tensor> expr)
        {
            using var scope = NewDisposeScope();
            return scope.MoveToOuter(expr());
        }
    }
}
