using System;
using TorchSharp.Interop;
using static TorchSharp.torch;
using TorchSharp.Modules;

namespace TorchSharp.Modules
{
    /// <summary>max(x, 0).</summary>
    public sealed class ReLU : ParameterLessModule<Tensor, Tensor>
    {
        internal ReLU(bool inplace) : base(nameof(ReLU)) => this.inplace = inplace;

        /// <summary>Applies the activation.</summary>
        public override Tensor forward(Tensor tensor) => nn.functional.relu(tensor, inplace);

        /// <summary>Whether the input is overwritten.</summary>
        public bool inplace { get; set; }
    }

    /// <summary>Gaussian error linear unit.</summary>
    public sealed class GELU : ParameterLessModule<Tensor, Tensor>
    {
        /// <summary>How GELU is computed.</summary>
        public enum Approximate
        {
            /// <summary>Exactly, with erf.</summary>
            none,
            /// <summary>With the tanh approximation.</summary>
            tanh,
        }

        internal GELU(Approximate approximate, bool inplace) : base(nameof(GELU))
        {
            this.approximate = approximate;
            this.inplace = inplace;
        }

        /// <summary>Applies the activation.</summary>
        public override Tensor forward(Tensor tensor) => nn.functional.gelu(tensor, approximate, inplace);

        /// <summary>The approximation used.</summary>
        public Approximate approximate { get; set; }

        /// <summary>Whether the input is overwritten.</summary>
        public bool inplace { get; set; }
    }

    /// <summary>x * sigmoid(x).</summary>
    public sealed class SiLU : ParameterLessModule<Tensor, Tensor>
    {
        internal SiLU(bool inplace) : base(nameof(SiLU)) => this.inplace = inplace;

        /// <summary>Applies the activation.</summary>
        public override Tensor forward(Tensor tensor) => nn.functional.silu(tensor, inplace);

        /// <summary>Whether the input is overwritten.</summary>
        public bool inplace { get; set; }
    }

    /// <summary>The logistic function.</summary>
    public sealed class Sigmoid : ParameterLessModule<Tensor, Tensor>
    {
        internal Sigmoid(bool inplace) : base(nameof(Sigmoid)) => this.inplace = inplace;

        /// <summary>Applies the activation.</summary>
        public override Tensor forward(Tensor tensor) => nn.functional.sigmoid(tensor, inplace);

        /// <summary>Whether the input is overwritten.</summary>
        public bool inplace { get; set; }
    }

    /// <summary>Softmax along one dimension.</summary>
    public sealed class Softmax : ParameterLessModule<Tensor, Tensor>
    {
        internal Softmax(long dim) : base(nameof(Softmax)) => this.dim = dim;

        /// <summary>Applies softmax along <see cref="dim"/>.</summary>
        public override Tensor forward(Tensor tensor) => nn.functional.softmax(tensor, dim);

        /// <summary>The dimension normalized over.</summary>
        public long dim { get; set; }
    }

    /// <summary>Returns its input (as a new wrapper over the same tensor).</summary>
    public sealed class Identity : ParameterLessModule<Tensor, Tensor>
    {
        internal Identity() : base(nameof(Identity)) { }

        /// <summary>Returns an alias of the input.</summary>
        public override Tensor forward(Tensor tensor) => tensor.alias();
    }

    /// <summary>Flattens a range of dimensions.</summary>
    public sealed class Flatten : ParameterLessModule<Tensor, Tensor>
    {
        internal Flatten(long start_dim, long end_dim) : base(nameof(Flatten))
        {
            this.start_dim = start_dim;
            this.end_dim = end_dim;
        }

        /// <summary>Flattens dimensions <see cref="start_dim"/>..<see cref="end_dim"/>.</summary>
        public override Tensor forward(Tensor input) => Ops.Tensor("aten::flatten", "using_ints", input, start_dim, end_dim);

        /// <summary>The first dimension flattened.</summary>
        public long start_dim { get; set; }

        /// <summary>The last dimension flattened.</summary>
        public long end_dim { get; set; }
    }

    /// <summary>Randomly zeroes elements during training.</summary>
    public sealed class Dropout : ParameterLessModule<Tensor, Tensor>
    {
        internal Dropout(double p, bool inplace) : base(nameof(Dropout))
        {
            this.p = p;
            this.inplace = inplace;
        }

        /// <summary>Applies dropout when training; otherwise returns the input's values.</summary>
        public override Tensor forward(Tensor tensor) => nn.functional.dropout(tensor, p, training, inplace);

        /// <summary>The probability of zeroing an element.</summary>
        public double p { get; set; }

        /// <summary>Whether the input is overwritten.</summary>
        public bool inplace { get; set; }
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>max(x, 0).</summary>
            public static ReLU ReLU(bool inplace = false) => new ReLU(inplace);

            /// <summary>Exact GELU.</summary>
            public static GELU GELU() => new GELU(Modules.GELU.Approximate.none, false);

            /// <summary>Exact GELU, optionally in place.</summary>
            public static GELU GELU(bool inplace) => new GELU(Modules.GELU.Approximate.none, inplace);

            /// <summary>GELU with the given approximation.</summary>
            public static GELU GELU(GELU.Approximate approximate, bool inplace = false) => new GELU(approximate, inplace);

            /// <summary>x * sigmoid(x).</summary>
            public static SiLU SiLU() => new SiLU(false);

            /// <summary>x * sigmoid(x), optionally in place.</summary>
            public static SiLU SiLU(bool inplace) => new SiLU(inplace);

            /// <summary>The logistic function.</summary>
            public static Sigmoid Sigmoid() => new Sigmoid(false);

            /// <summary>The logistic function, optionally in place.</summary>
            public static Sigmoid Sigmoid(bool inplace) => new Sigmoid(inplace);

            /// <summary>Softmax along <paramref name="dim"/>.</summary>
            public static Softmax Softmax(long dim) => new Softmax(dim);

            /// <summary>Returns its input.</summary>
            public static Identity Identity() => new Identity();

            /// <summary>Flattens dimensions <paramref name="start_dim"/>..<paramref name="end_dim"/>.</summary>
            public static Flatten Flatten(long start_dim = 1, long end_dim = -1) => new Flatten(start_dim, end_dim);

            /// <summary>Randomly zeroes elements with probability <paramref name="p"/> during training.</summary>
            public static Dropout Dropout(double p = 0.5, bool inplace = false) => new Dropout(p, inplace);
        }
    }
}
