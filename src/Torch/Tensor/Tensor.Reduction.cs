using System;
using TorchSharp.Interop;

namespace TorchSharp
{
    public static partial class torch
    {
        public partial class Tensor
        {
            // ---- mean / sum ----------------------------------------------------------------------

            /// <summary>The mean of all elements (a 0-dim tensor).</summary>
            public Tensor mean() => Ops.Tensor("aten::mean", "", this);

            /// <summary>The mean over the given dimensions, computed in <paramref name="type"/> if given.</summary>
            public Tensor mean(long[] dimensions, bool keepdim = false, ScalarType? type = null) => Ops.Tensor("aten::mean", "dim", this, dimensions, keepdim, type);

            /// <summary>The sum of all elements, accumulated in <paramref name="type"/> if given.</summary>
            public Tensor sum(ScalarType? type = null) => Ops.Tensor("aten::sum", "", this, type);

            /// <summary>The sum over the given dimensions.</summary>
            public Tensor sum(ReadOnlySpan<long> dim, bool keepdim = false, ScalarType? type = null) => sum(dim.ToArray(), keepdim, type);

            /// <summary>The sum over the given dimensions.</summary>
            public Tensor sum(long[] dim, bool keepdim = false, ScalarType? type = null) => Ops.Tensor("aten::sum", "dim_IntList", this, dim, keepdim, type);

            /// <summary>The sum over one dimension.</summary>
            public Tensor sum(long dim, bool keepdim = false, ScalarType? type = null) => sum(new[] { dim }, keepdim, type);

            /// <summary>The sum over two dimensions.</summary>
            public Tensor sum(long dim0, long dim1, bool keepdim = false, ScalarType? type = null) => sum(new[] { dim0, dim1 }, keepdim, type);

            /// <summary>The sum over three dimensions.</summary>
            public Tensor sum(long dim0, long dim1, long dim2, bool keepdim = false, ScalarType? type = null) => sum(new[] { dim0, dim1, dim2 }, keepdim, type);

            /// <summary>The product of all elements.</summary>
            public Tensor prod(ScalarType? type = null) => Ops.Tensor("aten::prod", "", this, type);

            /// <summary>The product over one dimension.</summary>
            public Tensor prod(long dim, bool keepdim = false, ScalarType? type = null) => Ops.Tensor("aten::prod", "dim_int", this, dim, keepdim, type);

            /// <summary>Cumulative sum along <paramref name="dim"/>.</summary>
            public Tensor cumsum(long dim, ScalarType? type = null) => Ops.Tensor("aten::cumsum", "", this, dim, type);

            // ---- max / min / arg -----------------------------------------------------------------

            /// <summary>The largest element (a 0-dim tensor).</summary>
            public Tensor max() => Ops.Tensor("aten::max", "", this);

            /// <summary>The largest values along <paramref name="dim"/> and their positions.</summary>
            public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false)
            {
                var r = Ops.Tensors("aten::max", "dim", this, dim, keepdim);
                return (r[0], r[1]);
            }

            /// <summary>The smallest element (a 0-dim tensor).</summary>
            public Tensor min() => Ops.Tensor("aten::min", "", this);

            /// <summary>The smallest values along <paramref name="dim"/> and their positions.</summary>
            public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false)
            {
                var r = Ops.Tensors("aten::min", "dim", this, dim, keepdim);
                return (r[0], r[1]);
            }

            /// <summary>The position of the largest element of the flattened tensor.</summary>
            public Tensor argmax() => Ops.Tensor("aten::argmax", "", this);

            /// <summary>The positions of the largest values along <paramref name="dim"/>.</summary>
            public Tensor argmax(long dim, bool keepdim = false) => Ops.Tensor("aten::argmax", "", this, dim, keepdim);

            /// <summary>The position of the smallest element of the flattened tensor.</summary>
            public Tensor argmin() => Ops.Tensor("aten::argmin", "", this);

            /// <summary>The positions of the smallest values along <paramref name="dim"/>.</summary>
            public Tensor argmin(long dim, bool keepdim = false) => Ops.Tensor("aten::argmin", "", this, dim, keepdim);

            /// <summary>True (a Bool 0-dim tensor) when every element is non-zero.</summary>
            public Tensor all() => Ops.Tensor("aten::all", "", this);

            /// <summary>Whether every element along <paramref name="dim"/> is non-zero.</summary>
            public Tensor all(long dim, bool keepdim = false) => Ops.Tensor("aten::all", "dim", this, dim, keepdim);

            /// <summary>True (a Bool 0-dim tensor) when any element is non-zero.</summary>
            public Tensor any() => Ops.Tensor("aten::any", "", this);

            /// <summary>Whether any element along <paramref name="dim"/> is non-zero.</summary>
            public Tensor any(long dim, bool keepdim = false) => Ops.Tensor("aten::any", "dim", this, dim, keepdim);

            // ---- comparisons ---------------------------------------------------------------------

            /// <summary>Elementwise <c>==</c> (a Bool tensor).</summary>
            public Tensor eq(Tensor target) => Ops.Tensor("aten::eq", "Tensor", this, target);

            /// <summary>Elementwise <c>== target</c>; a null target gives a false Bool tensor.</summary>
            public Tensor eq(Scalar target)
            {
                if (target is null) return false;
                return Ops.Tensor("aten::eq", "Scalar", this, target);
            }

            /// <summary>Elementwise <c>==</c> (a Bool tensor, not a single boolean).</summary>
            public Tensor equal(Tensor target) => eq(target);

            /// <summary>Elementwise <c>!=</c> (a Bool tensor).</summary>
            public Tensor ne(Tensor target) => Ops.Tensor("aten::ne", "Tensor", this, target);

            /// <summary>Elementwise <c>!= target</c>; a null target gives a true Bool tensor.</summary>
            public Tensor ne(Scalar target)
            {
                if (target is null) return true;
                return Ops.Tensor("aten::ne", "Scalar", this, target);
            }

            /// <summary>Elementwise <c>&lt;</c> (a Bool tensor).</summary>
            public Tensor lt(Tensor target) => Ops.Tensor("aten::lt", "Tensor", this, target);
            /// <summary>Elementwise <c>&lt; target</c> (a Bool tensor).</summary>
            public Tensor lt(Scalar target) => Ops.Tensor("aten::lt", "Scalar", this, target);
            /// <summary>Elementwise <c>&lt;=</c> (a Bool tensor).</summary>
            public Tensor le(Tensor target) => Ops.Tensor("aten::le", "Tensor", this, target);
            /// <summary>Elementwise <c>&lt;= target</c> (a Bool tensor).</summary>
            public Tensor le(Scalar target) => Ops.Tensor("aten::le", "Scalar", this, target);
            /// <summary>Elementwise <c>&gt;</c> (a Bool tensor).</summary>
            public Tensor gt(Tensor target) => Ops.Tensor("aten::gt", "Tensor", this, target);
            /// <summary>Elementwise <c>&gt; target</c> (a Bool tensor).</summary>
            public Tensor gt(Scalar target) => Ops.Tensor("aten::gt", "Scalar", this, target);
            /// <summary>Elementwise <c>&gt;=</c> (a Bool tensor).</summary>
            public Tensor ge(Tensor target) => Ops.Tensor("aten::ge", "Tensor", this, target);
            /// <summary>Elementwise <c>&gt;= target</c> (a Bool tensor).</summary>
            public Tensor ge(Scalar target) => Ops.Tensor("aten::ge", "Scalar", this, target);

            /// <summary>True when every element is within <c>atol + rtol * |target|</c> of <paramref name="target"/>'s.</summary>
            public bool allclose(Tensor target, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) =>
                Ops.Scalar("aten::allclose", "", this, target, rtol, atol, equal_nan).I != 0;

            /// <summary>Elementwise closeness test (a Bool tensor).</summary>
            public Tensor isclose(Tensor other, double rtol = 1e-05, double atol = 1e-08, bool nanEqual = false) =>
                Ops.Tensor("aten::isclose", "", this, other, rtol, atol, nanEqual);

            /// <summary>Elementwise NaN test (a Bool tensor).</summary>
            public Tensor isnan() => Ops.Tensor("aten::isnan", "", this);

            /// <summary>Elementwise finiteness test (a Bool tensor).</summary>
            public Tensor isfinite() => Ops.Tensor("aten::isfinite", "", this);

            // ---- logical / bitwise ---------------------------------------------------------------

            /// <summary>Elementwise bitwise (or logical, for Bool) AND.</summary>
            public Tensor bitwise_and(Tensor other) => Ops.Tensor("aten::bitwise_and", "Tensor", this, other);
            /// <summary>Elementwise bitwise (or logical, for Bool) OR.</summary>
            public Tensor bitwise_or(Tensor other) => Ops.Tensor("aten::bitwise_or", "Tensor", this, other);
            /// <summary>Elementwise bitwise (or logical, for Bool) XOR.</summary>
            public Tensor bitwise_xor(Tensor other) => Ops.Tensor("aten::bitwise_xor", "Tensor", this, other);
            /// <summary>Elementwise bitwise (or logical, for Bool) NOT.</summary>
            public Tensor bitwise_not() => Ops.Tensor("aten::bitwise_not", "", this);
            /// <summary>Elementwise logical NOT (a Bool tensor).</summary>
            public Tensor logical_not() => Ops.Tensor("aten::logical_not", "", this);
            /// <summary>Elementwise logical AND (a Bool tensor).</summary>
            public Tensor logical_and(Tensor other) => Ops.Tensor("aten::logical_and", "", this, other);
            /// <summary>Elementwise logical OR (a Bool tensor).</summary>
            public Tensor logical_or(Tensor other) => Ops.Tensor("aten::logical_or", "", this, other);

            /// <summary>Picks this tensor's elements where <paramref name="condition"/> is true, else <paramref name="y"/>'s.</summary>
            public Tensor where(Tensor condition, Tensor y) => Ops.Tensor("aten::where", "self", condition, this, y);
        }
    }
}
