using System;
using TorchSharp.Interop;

namespace TorchSharp
{
    public static partial class torch
    {
        private sealed class GradModeGuard : IDisposable
        {
            private readonly bool previous;
            private bool restored;

            internal GradModeGuard(bool enabled)
            {
                previous = NativeMethods.gen_grad_enabled() != 0;
                NativeMethods.gen_set_grad_enabled(enabled ? 1 : 0);
            }

            public void Dispose()
            {
                if (restored) return;
                restored = true;
                NativeMethods.gen_set_grad_enabled(previous ? 1 : 0);
            }
        }

        private sealed class InferenceModeGuard : IDisposable
        {
            private IntPtr guard;

            internal InferenceModeGuard(bool mode) => guard = NativeMethods.Check(NativeMethods.gen_inference_mode_enter(mode ? 1 : 0));

            public void Dispose()
            {
                var g = guard;
                guard = IntPtr.Zero;
                if (g != IntPtr.Zero) NativeMethods.gen_inference_mode_exit(g);
            }
        }

        /// <summary>Disables gradient recording on this thread until the returned guard is disposed.</summary>
        public static IDisposable no_grad() => new GradModeGuard(false);

        /// <summary>Enables (or disables) gradient recording on this thread until the returned guard is disposed.</summary>
        public static IDisposable enable_grad(bool enabled = true) => new GradModeGuard(enabled);

        /// <summary>Sets gradient recording on this thread until the returned guard is disposed.</summary>
        public static IDisposable set_grad_enabled(bool mode = true) => new GradModeGuard(mode);

        /// <summary>Whether gradient recording is on for this thread.</summary>
        public static bool is_grad_enabled() => NativeMethods.gen_grad_enabled() != 0;

        /// <summary>Enters libtorch's inference mode on this thread until the returned guard is disposed.</summary>
        public static IDisposable inference_mode(bool mode = true) => new InferenceModeGuard(mode);

        /// <summary>Whether inference mode is on for this thread.</summary>
        public static bool is_inference_mode_enabled() => NativeMethods.gen_inference_mode_enabled() != 0;
    }
}
