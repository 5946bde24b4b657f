using System;
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>
    /// A tensor that is a module parameter. Constructing one takes over the native handle of the tensor it is
    /// made from (which becomes invalid) and its place in a dispose scope, if it had one.
    /// </summary>
    public class Parameter : Tensor
    {
        /// <summary>Makes <paramref name="data"/>'s storage a parameter; <paramref name="data"/> is invalid afterwards.</summary>
        public Parameter(Tensor data, bool requires_grad = true)
            : base(TakeHandle(data, requires_grad, out var scope), register: false)
        {
            scope?.Attach(this);
        }

        private static IntPtr TakeHandle(Tensor data, bool requires_grad, out DisposeScope? scope)
        {
            if (data is null) throw new ArgumentNullException(nameof(data));
            data.requires_grad = requires_grad;
            scope = data.OwningScope;
            return data.DecoupleFromNativeHandle();
        }
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Makes <paramref name="data"/>'s storage a parameter; <paramref name="data"/> is invalid afterwards.</summary>
            public static Modules.Parameter Parameter(Tensor data, bool requires_grad = true) => new Modules.Parameter(data, requires_grad);
        }
    }

    /// <summary>Extension methods on tensors.</summary>
    public static partial class TensorExtensionMethods
    {
        /// <summary>Turns a tensor into a parameter (the tensor becomes invalid).</summary>
        public static Modules.Parameter AsParameter(this torch.Tensor tensor) => new Modules.Parameter(tensor);
    }
}
