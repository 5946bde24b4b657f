using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp.Interop;

namespace TorchSharp
{
    public static partial class torch
    {
        public partial class Tensor
        {
            /// <summary>Whether autograd records operations on this tensor.</summary>
            public bool requires_grad
            {
                get => NativeMethods.gen_tensor_requires_grad(Handle) != 0;
                set => NativeMethods.Check(NativeMethods.gen_tensor_set_requires_grad(Handle, value ? 1 : 0));
            }

            /// <summary>Sets <see cref="requires_grad"/> in place and returns this tensor.</summary>
            public Tensor requires_grad_(bool requires_grad = true)
            {
                this.requires_grad = requires_grad;
                return this;
            }

            /// <summary>Sets <see cref="requires_grad"/> in place and returns this tensor.</summary>
            public Tensor with_requires_grad(bool requires_grad = true) => requires_grad_(requires_grad);

            /// <summary>
            /// The accumulated gradient, or null. Each read returns a new wrapper (joining the current dispose
            /// scope) over the same gradient storage.
            /// </summary>
            public Tensor? grad
            {
                get
                {
                    var g = NativeMethods.gen_tensor_grad(Handle);
                    return g == IntPtr.Zero ? null : new Tensor(g);
                }
                set => NativeMethods.Check(NativeMethods.gen_tensor_set_grad(Handle, value is null ? IntPtr.Zero : value.Handle));
            }

            /// <summary>True for tensors created by the user rather than by a recorded operation.</summary>
            public bool is_leaf => NativeMethods.gen_tensor_is_leaf(Handle) != 0;

            /// <summary>Computes the gradient of this (scalar) tensor with respect to the graph leaves.</summary>
            public void backward() => backward(null);

            /// <summary>Computes gradients of this tensor with respect to the graph leaves.</summary>
            public unsafe void backward(IList<Tensor>? grad_tensors = null, bool retain_graph = false, bool create_graph = false, IList<Tensor>? inputs = null)
            {
                var outs = new[] { Handle };
                var grads = grad_tensors?.Select(t => t.Handle).ToArray() ?? Array.Empty<IntPtr>();
                var ins = inputs?.Select(t => t.Handle).ToArray() ?? Array.Empty<IntPtr>();
                fixed (IntPtr* po = outs, pg = grads, pi = ins)
                {
                    NativeMethods.Check(NativeMethods.gen_backward(po, 1, pg, grads.Length, retain_graph ? 1 : 0, create_graph ? 1 : 0, pi, ins.Length));
                }
                GC.KeepAlive(grad_tensors);
                GC.KeepAlive(inputs);
            }

            /// <summary>A new tensor over the same data, cut from the autograd graph.</summary>
            public Tensor detach() => Ops.Tensor("aten::detach", "", this);

            /// <summary>Cuts this tensor from the autograd graph in place.</summary>
            public Tensor detach_()
            {
                Ops.Run("aten::detach_", "", this);
                return this;
            }
        }
    }
}
