using System;
using System.Threading;
using TorchSharp.Interop;

namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>
        /// A tensor: a managed handle over one native <c>at::Tensor</c>. Every operation returns a new
        /// wrapper (views included), which joins the thread's current <see cref="DisposeScope"/>, if any.
        /// <see cref="Dispose()"/> is idempotent; a finalizer frees what was never disposed.
        /// </summary>
        public partial class Tensor : IDisposable
        {
            private IntPtr handle;
            private static long totalCount;
            private static long peakCount;

            internal Tensor(IntPtr handle) : this(handle, register: true) { }

            internal Tensor(IntPtr handle, bool register)
            {
                this.handle = handle;
                var live = Interlocked.Increment(ref totalCount);
                long peak;
                while (live > (peak = Interlocked.Read(ref peakCount)) && Interlocked.CompareExchange(ref peakCount, live, peak) != peak) { }
                if (register)
                {
                    var scope = DisposeScopeManager.Current;
                    if (scope != null)
                    {
                        OwningScope = scope;
                        scope.Add(this);
                    }
                }
            }

            /// <summary>Finalizer: frees the native tensor if it was never disposed.</summary>
            ~Tensor() => Dispose(false);

            /// <summary>Wraps a native <c>at::Tensor*</c> created by the bridge's native library; the wrapper takes ownership.</summary>
            public static Tensor UnsafeCreateTensor(IntPtr handle) => new Tensor(handle);

            /// <summary>How many tensor wrappers are alive (not yet disposed or finalized).</summary>
            public static long TotalCount => Interlocked.Read(ref totalCount);

            /// <summary>The largest <see cref="TotalCount"/> seen so far.</summary>
            public static long PeakCount => Interlocked.Read(ref peakCount);

            /// <summary>How many native tensor handles are alive in the native library (bridge diagnostics).</summary>
            public static long NativeLiveCount => NativeMethods.gen_live_tensors();

            internal DisposeScope? OwningScope { get; set; }

            /// <summary>An optional name for diagnostics.</summary>
            public string? name { get; set; }

            /// <summary>True when the wrapper no longer holds a native tensor.</summary>
            public bool IsInvalid => handle == IntPtr.Zero;

            /// <summary>The native <c>at::Tensor*</c>; throws when the tensor was disposed.</summary>
            public IntPtr Handle
            {
                get
                {
                    if (handle == IntPtr.Zero) throw new InvalidOperationException("Tensor invalid -- empty handle.");
                    return handle;
                }
            }

            /// <summary>Frees the native tensor now.</summary>
            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            /// <summary>Frees the native tensor; <paramref name="disposing"/> is false from the finalizer.</summary>
            protected virtual void Dispose(bool disposing)
            {
                var h = Interlocked.Exchange(ref handle, IntPtr.Zero);
                if (h == IntPtr.Zero) return;
                if (disposing) OwningScope?.MarkAsDisposed(this);
                OwningScope = null;
                NativeMethods.gen_tensor_free(h);
                Interlocked.Decrement(ref totalCount);
            }

            /// <summary>Moves this tensor to the scope enclosing its own (or detaches it).</summary>
            public Tensor MoveToOuterDisposeScope() => OwningScope is null ? this : OwningScope.MoveToOuter(this);

            /// <summary>Removes this tensor from its dispose scope: only its owner disposes it.</summary>
            public Tensor DetachFromDisposeScope() => OwningScope is null ? this : OwningScope.Detach(this);

            /// <summary>Moves this tensor into the scope that owns <paramref name="other"/>.</summary>
            public Tensor MoveToOtherDisposeScope(Tensor other) => MoveToOtherDisposeScope(other.OwningScope);

            /// <summary>Moves this tensor into <paramref name="other"/> (or detaches it when null).</summary>
            public Tensor MoveToOtherDisposeScope(DisposeScope? other)
            {
                if (OwningScope != null) return OwningScope.MoveToOther(other, this);
                other?.Attach(this);
                return this;
            }

            /// <summary>Gives up the native handle without freeing it and returns it; the wrapper becomes invalid.</summary>
            public IntPtr DecoupleFromNativeHandle()
            {
                var h = Interlocked.Exchange(ref handle, IntPtr.Zero);
                OwningScope?.MarkAsDisposed(this);
                OwningScope = null;
                if (h != IntPtr.Zero) Interlocked.Decrement(ref totalCount);
                GC.SuppressFinalize(this);
                return h;
            }

            /// <summary>Whole-tensor equality with another object.</summary>
            public override bool Equals(object? obj) => obj is Tensor t && Equals(t);

            /// <summary>Whole-tensor equality: same shape and elements (libtorch's <c>torch.equal</c>).</summary>
            public bool Equals(Tensor target) => Ops.Scalar("aten::equal", "", this, target).I != 0;

            /// <summary>Identity hash of the wrapper.</summary>
            public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

            /// <summary>A metadata string: shape, dtype and device.</summary>
            public override string ToString()
            {
                if (IsInvalid) return "[invalid tensor]";
                return $"[{string.Join("x", shape)}], type = {dtype}, device = {device}";
            }

            /// <summary>Identity of the underlying native tensor (shared by aliases that are the same tensor).</summary>
            internal IntPtr ImplIdentity => NativeMethods.gen_tensor_impl(Handle);
        }
    }
}
