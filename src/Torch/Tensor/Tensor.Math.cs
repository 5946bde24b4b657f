using System;
using TorchSharp.Interop;

namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>How <c>div</c> rounds its quotient.</summary>
        public enum RoundingMode
        {
            /// <summary>True division, no rounding.</summary>
            None,
            /// <summary>Rounds towards zero.</summary>
            trunc,
            /// <summary>Rounds towards negative infinity.</summary>
            floor,
        }

        public partial class Tensor
        {
            private static string? ModeName(RoundingMode mode) => mode switch
            {
                RoundingMode.trunc => "trunc",
                RoundingMode.floor => "floor",
                _ => null,
            };

            private Tensor InPlace(string name, string overload, params object?[] args)
            {
                var all = new object?[args.Length + 1];
                all[0] = this;
                Array.Copy(args, 0, all, 1, args.Length);
                Ops.Run(name, overload, all);
                return this;
            }

            // ---- add / sub / mul / div ----------------------------------------------------------

            /// <summary>Elementwise <c>this + target</c> (broadcasting).</summary>
            public Tensor add(Tensor target) => Ops.Tensor("aten::add", "Tensor", this, target);

            /// <summary>Elementwise <c>this + alpha * target</c>.</summary>
            public Tensor add(Tensor target, Scalar alpha) => Ops.Tensor("aten::add", "Tensor", this, target, alpha);

            /// <summary>Adds a scalar to every element.</summary>
            public Tensor add(Scalar scalar) => Ops.Tensor("aten::add", "Scalar", this, scalar);

            /// <summary>Adds <c>alpha * scalar</c> to every element.</summary>
            public Tensor add(Scalar scalar, Scalar alpha) => Ops.Tensor("aten::add", "Scalar", this, scalar, alpha);

            /// <summary>In-place <c>this += target</c>.</summary>
            public Tensor add_(Tensor target) => InPlace("aten::add_", "Tensor", target);

            /// <summary>In-place <c>this += alpha * target</c>.</summary>
            public Tensor add_(Tensor target, Scalar alpha) => InPlace("aten::add_", "Tensor", target, alpha);

            /// <summary>In-place <c>this += scalar</c>.</summary>
            public Tensor add_(Scalar scalar) => InPlace("aten::add_", "Scalar", scalar);

            /// <summary>In-place <c>this += alpha * scalar</c>.</summary>
            public Tensor add_(Scalar scalar, Scalar alpha) => InPlace("aten::add_", "Scalar", scalar, alpha);

            /// <summary>Elementwise <c>this - target</c>.</summary>
            public Tensor sub(Tensor target) => Ops.Tensor("aten::sub", "Tensor", this, target);

            /// <summary>Subtracts a scalar from every element.</summary>
            public Tensor sub(Scalar target) => Ops.Tensor("aten::sub", "Scalar", this, target);

            /// <summary>In-place <c>this -= target</c>.</summary>
            public Tensor sub_(Tensor target) => InPlace("aten::sub_", "Tensor", target);

            /// <summary>In-place <c>this -= target</c>.</summary>
            public Tensor sub_(Scalar target) => InPlace("aten::sub_", "Scalar", target);

            /// <summary>Elementwise <c>this * target</c>.</summary>
            public Tensor mul(Tensor target) => Ops.Tensor("aten::mul", "Tensor", this, target);

            /// <summary>Multiplies every element by a scalar.</summary>
            public Tensor mul(Scalar target) => Ops.Tensor("aten::mul", "Scalar", this, target);

            /// <summary>In-place <c>this *= target</c>.</summary>
            public Tensor mul_(Tensor target) => InPlace("aten::mul_", "Tensor", target);

            /// <summary>In-place <c>this *= target</c>.</summary>
            public Tensor mul_(Scalar target) => InPlace("aten::mul_", "Scalar", target);

            /// <summary>Elementwise <c>this / target</c>, optionally rounded.</summary>
            public Tensor div(Tensor target, RoundingMode rounding_mode = RoundingMode.None) => rounding_mode == RoundingMode.None
                ? Ops.Tensor("aten::div", "Tensor", this, target)
                : Ops.Tensor("aten::div", "Tensor_mode", this, target, ModeName(rounding_mode));

            /// <summary>Divides every element by a scalar, optionally rounded.</summary>
            public Tensor div(Scalar target, RoundingMode rounding_mode = RoundingMode.None) => rounding_mode == RoundingMode.None
                ? Ops.Tensor("aten::div", "Scalar", this, target)
                : Ops.Tensor("aten::div", "Scalar_mode", this, target, ModeName(rounding_mode));

            /// <summary>In-place <c>this /= target</c>, optionally rounded.</summary>
            public Tensor div_(Tensor target, RoundingMode rounding_mode = RoundingMode.None) => rounding_mode == RoundingMode.None
                ? InPlace("aten::div_", "Tensor", target)
                : InPlace("aten::div_", "Tensor_mode", target, ModeName(rounding_mode));

            /// <summary>In-place <c>this /= target</c>, optionally rounded.</summary>
            public Tensor div_(Scalar target, RoundingMode rounding_mode = RoundingMode.None) => rounding_mode == RoundingMode.None
                ? InPlace("aten::div_", "Scalar", target)
                : InPlace("aten::div_", "Scalar_mode", target, ModeName(rounding_mode));

            /// <summary>Python's modulus: the remainder has the sign of the divisor.</summary>
            public Tensor remainder(Tensor target) => Ops.Tensor("aten::remainder", "Tensor", this, target);

            /// <summary>Python's modulus by a scalar.</summary>
            public Tensor remainder(Scalar scalar) => Ops.Tensor("aten::remainder", "Scalar", this, scalar);

            /// <summary>Elementwise <c>this + value * tensor1 * tensor2</c>.</summary>
            public Tensor addcmul(Tensor tensor1, Tensor tensor2, Scalar value) => Ops.Tensor("aten::addcmul", "", this, tensor1, tensor2, value);

            /// <summary>In place <c>this += value * tensor1 * tensor2</c>.</summary>
            public Tensor addcmul_(Tensor tensor1, Tensor tensor2, Scalar value) => InPlace("aten::addcmul_", "", tensor1, tensor2, value);

            /// <summary>Elementwise <c>this + value * tensor1 / tensor2</c>.</summary>
            public Tensor addcdiv(Tensor tensor1, Tensor tensor2, Scalar value) => Ops.Tensor("aten::addcdiv", "", this, tensor1, tensor2, value);

            /// <summary>In place <c>this += value * tensor1 / tensor2</c>.</summary>
            public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, Scalar value) => InPlace("aten::addcdiv_", "", tensor1, tensor2, value);

            // ---- unary ---------------------------------------------------------------------------

            /// <summary>Elementwise absolute value.</summary>
            public Tensor abs() => Ops.Tensor("aten::abs", "", this);
            /// <summary>In-place absolute value.</summary>
            public Tensor abs_() => InPlace("aten::abs_", "");
            /// <summary>Elementwise negation.</summary>
            public Tensor neg() => Ops.Tensor("aten::neg", "", this);
            /// <summary>In-place negation.</summary>
            public Tensor neg_() => InPlace("aten::neg_", "");
            /// <summary>Elementwise square root.</summary>
            public Tensor sqrt() => Ops.Tensor("aten::sqrt", "", this);
            /// <summary>In-place square root.</summary>
            public Tensor sqrt_() => InPlace("aten::sqrt_", "");
            /// <summary>Elementwise reciprocal square root.</summary>
            public Tensor rsqrt() => Ops.Tensor("aten::rsqrt", "", this);
            /// <summary>Elementwise square.</summary>
            public Tensor square() => Ops.Tensor("aten::square", "", this);
            /// <summary>Elementwise reciprocal.</summary>
            public Tensor reciprocal() => Ops.Tensor("aten::reciprocal", "", this);
            /// <summary>Elementwise exponential.</summary>
            public Tensor exp() => Ops.Tensor("aten::exp", "", this);
            /// <summary>In-place exponential.</summary>
            public Tensor exp_() => InPlace("aten::exp_", "");
            /// <summary>Elementwise natural logarithm.</summary>
            public Tensor log() => Ops.Tensor("aten::log", "", this);
            /// <summary>In-place natural logarithm.</summary>
            public Tensor log_() => InPlace("aten::log_", "");
            /// <summary>Elementwise hyperbolic tangent.</summary>
            public Tensor tanh() => Ops.Tensor("aten::tanh", "", this);
            /// <summary>In-place hyperbolic tangent.</summary>
            public Tensor tanh_() => InPlace("aten::tanh_", "");
            /// <summary>Elementwise sine.</summary>
            public Tensor sin() => Ops.Tensor("aten::sin", "", this);
            /// <summary>Elementwise cosine.</summary>
            public Tensor cos() => Ops.Tensor("aten::cos", "", this);
            /// <summary>Elementwise error function.</summary>
            public Tensor erf() => Ops.Tensor("aten::erf", "", this);
            /// <summary>Elementwise sign (-1, 0 or 1).</summary>
            public Tensor sign() => Ops.Tensor("aten::sign", "", this);
            /// <summary>Elementwise floor.</summary>
            public Tensor floor() => Ops.Tensor("aten::floor", "", this);
            /// <summary>Elementwise ceiling.</summary>
            public Tensor ceil() => Ops.Tensor("aten::ceil", "", this);
            /// <summary>Elementwise rounding to the nearest integer (half to even).</summary>
            public Tensor round() => Ops.Tensor("aten::round", "", this);
            /// <summary>Elementwise truncation towards zero.</summary>
            public Tensor trunc() => Ops.Tensor("aten::trunc", "", this);

            /// <summary>Raises every element to <paramref name="exponent"/>.</summary>
            public Tensor pow(Scalar exponent) => Ops.Tensor("aten::pow", "Tensor_Scalar", this, exponent);

            /// <summary>Raises every element to the matching element of <paramref name="exponent"/>.</summary>
            public Tensor pow(Tensor exponent) => Ops.Tensor("aten::pow", "Tensor_Tensor", this, exponent);

            /// <summary>In-place power.</summary>
            public Tensor pow_(Scalar exponent) => InPlace("aten::pow_", "Scalar", exponent);

            /// <summary>In-place power.</summary>
            public Tensor pow_(Tensor exponent) => InPlace("aten::pow_", "Tensor", exponent);

            /// <summary>Elementwise maximum of two tensors.</summary>
            public Tensor maximum(Tensor other) => Ops.Tensor("aten::maximum", "", this, other);

            /// <summary>Elementwise minimum of two tensors.</summary>
            public Tensor minimum(Tensor other) => Ops.Tensor("aten::minimum", "", this, other);

            /// <summary>Clamps every element into [min, max] (either bound may be null).</summary>
            public Tensor clamp(Scalar? min = null, Scalar? max = null) => Ops.Tensor("aten::clamp", "", this, min, max);

            /// <summary>Clamps every element between the matching elements of <paramref name="min"/> and <paramref name="max"/>.</summary>
            public Tensor clamp(Tensor? min = null, Tensor? max = null) => Ops.Tensor("aten::clamp", "Tensor", this, min, max);

            /// <summary>In-place clamp.</summary>
            public Tensor clamp_(Scalar? min = null, Scalar? max = null) => InPlace("aten::clamp_", "", min, max);

            /// <summary>In-place clamp.</summary>
            public Tensor clamp_(Tensor? min = null, Tensor? max = null) => InPlace("aten::clamp_", "Tensor", min, max);

            /// <summary>Clamps from below.</summary>
            public Tensor clamp_min(Scalar min) => Ops.Tensor("aten::clamp_min", "", this, min);

            /// <summary>Clamps from above.</summary>
            public Tensor clamp_max(Scalar max) => Ops.Tensor("aten::clamp_max", "", this, max);

            /// <summary>Same as <see cref="clamp(Scalar?, Scalar?)"/>.</summary>
            public Tensor clip(Scalar? min = null, Scalar? max = null) => clamp(min, max);

            // ---- activations ---------------------------------------------------------------------

            /// <summary>Elementwise logistic sigmoid.</summary>
            public Tensor sigmoid() => Ops.Tensor("aten::sigmoid", "", this);
            /// <summary>In-place logistic sigmoid.</summary>
            public Tensor sigmoid_() => InPlace("aten::sigmoid_", "");
            /// <summary>Elementwise max(x, 0).</summary>
            public Tensor relu() => Ops.Tensor("aten::relu", "", this);
            /// <summary>In-place max(x, 0).</summary>
            public Tensor relu_() => InPlace("aten::relu_", "");
            /// <summary>Elementwise min(max(x, 0), 6).</summary>
            public Tensor relu6() => Ops.Tensor("aten::hardtanh", "", this, 0.0, 6.0);
            /// <summary>Elementwise GELU (exact, erf-based).</summary>
            public Tensor gelu() => Ops.Tensor("aten::gelu", "", this, "none");
            /// <summary>Elementwise GELU, exact or with the tanh approximation.</summary>
            public Tensor gelu(Modules.GELU.Approximate approximate) =>
                Ops.Tensor("aten::gelu", "", this, approximate == Modules.GELU.Approximate.tanh ? "tanh" : "none");
            /// <summary>Elementwise SiLU (x * sigmoid(x)).</summary>
            public Tensor silu() => Ops.Tensor("aten::silu", "", this);
            /// <summary>In-place SiLU.</summary>
            public Tensor silu_() => InPlace("aten::silu_", "");
            /// <summary>Elementwise hard sigmoid.</summary>
            public Tensor hardsigmoid() => Ops.Tensor("aten::hardsigmoid", "", this);
            /// <summary>Elementwise hard swish.</summary>
            public Tensor hardswish() => Ops.Tensor("aten::hardswish", "", this);
            /// <summary>Elementwise softplus.</summary>
            public Tensor softplus() => Ops.Tensor("aten::softplus", "", this);
            /// <summary>Elementwise Mish (x * tanh(softplus(x))).</summary>
            public Tensor mish() => Ops.Tensor("aten::mish", "", this);

            /// <summary>Softmax along <paramref name="dim"/>, computed in <paramref name="dtype"/> if given.</summary>
            public Tensor softmax(long dim, ScalarType? dtype = null) => Ops.Tensor("aten::softmax", "int", this, dim, dtype);

            /// <summary>Log-softmax along <paramref name="dim"/>, computed in <paramref name="dtype"/> if given.</summary>
            public Tensor log_softmax(long dim, ScalarType? dtype = null) => Ops.Tensor("aten::log_softmax", "int", this, dim, dtype);

            // ---- linear algebra ------------------------------------------------------------------

            /// <summary>Matrix product with broadcasting (as torch.matmul).</summary>
            public Tensor matmul(Tensor target) => Ops.Tensor("aten::matmul", "", this, target);

            /// <summary>Matrix product of two 2-D tensors.</summary>
            public Tensor mm(Tensor target) => Ops.Tensor("aten::mm", "", this, target);

            /// <summary>Batched matrix product of two 3-D tensors.</summary>
            public Tensor bmm(Tensor batch2) => Ops.Tensor("aten::bmm", "", this, batch2);

            // ---- filling -------------------------------------------------------------------------

            /// <summary>Fills the tensor with <paramref name="value"/>, in place.</summary>
            public Tensor fill_(Scalar value) => InPlace("aten::fill_", "Scalar", value);

            /// <summary>Fills the tensor with zeros, in place.</summary>
            public Tensor zero_() => InPlace("aten::zero_", "");

            /// <summary>Fills the tensor with samples of N(mean, std), in place (the bridge has only the default generator).</summary>
            public Tensor normal_(double mean = 0, double std = 1, Generator? generator = null)
            {
                CheckGenerator(generator);
                return InPlace("aten::normal_", "", mean, std);
            }

            /// <summary>Fills the tensor with samples of U(from, to), in place (the bridge has only the default generator).</summary>
            public Tensor uniform_(double from = 0, double to = 1, Generator? generator = null)
            {
                CheckGenerator(generator);
                return InPlace("aten::uniform_", "", from, to);
            }

            internal static void CheckGenerator(Generator? generator)
            {
                if (generator != null)
                    throw new NotSupportedException("Gen.Torch has only libtorch's default CPU generator; seed it with torch.manual_seed instead of passing a Generator.");
            }

            /// <summary>Writes <paramref name="value"/> where <paramref name="mask"/> is true, in place.</summary>
            public Tensor masked_fill_(Tensor mask, Scalar value) => InPlace("aten::masked_fill_", "Scalar", mask, value);

            /// <summary>A copy with <paramref name="value"/> where <paramref name="mask"/> is true.</summary>
            public Tensor masked_fill(Tensor mask, Scalar value) => Ops.Tensor("aten::masked_fill", "Scalar", this, mask, value);
        }
    }
}
