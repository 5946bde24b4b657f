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
            /// <summary>A tensor with the same elements and the given shape (a view when possible); one entry may be -1.</summary>
            public Tensor reshape(params long[] shape) => Ops.Tensor("aten::reshape", "", this, shape);

            /// <summary>A view with the given shape (the strides must allow it); one entry may be -1.</summary>
            public Tensor view(params long[] shape) => Ops.Tensor("aten::view", "", this, shape);

            /// <summary>A view with <paramref name="other"/>'s shape.</summary>
            public Tensor view_as(Tensor other) => view(other.shape);

            /// <summary>Flattens dimensions <paramref name="start_dim"/> to <paramref name="end_dim"/> into one.</summary>
            public Tensor flatten(long start_dim = 0, long end_dim = -1) => Ops.Tensor("aten::flatten", "using_ints", this, start_dim, end_dim);

            /// <summary>Splits dimension <paramref name="dim"/> into the given sizes.</summary>
            public Tensor unflatten(long dim, params long[] sizes) => Ops.Tensor("aten::unflatten", "int", this, dim, sizes);

            /// <summary>A view with the dimensions reordered.</summary>
            public Tensor permute(params long[] permutation) => Ops.Tensor("aten::permute", "", this, permutation);

            /// <summary>A view with the dimensions reordered.</summary>
            public Tensor permute(IEnumerable<long> permutation) => permute(permutation.ToArray());

            /// <summary>A view with dimensions <paramref name="dim0"/> and <paramref name="dim1"/> swapped.</summary>
            public Tensor transpose(long dim0, long dim1) => Ops.Tensor("aten::transpose", "int", this, dim0, dim1);

            /// <summary>Swaps dimensions <paramref name="dim0"/> and <paramref name="dim1"/> in place.</summary>
            public Tensor transpose_(long dim0, long dim1)
            {
                Ops.Run("aten::transpose_", "", this, dim0, dim1);
                return this;
            }

            /// <summary>Same as <see cref="transpose(long, long)"/>.</summary>
            public Tensor swapaxes(long dim0, long dim1) => transpose(dim0, dim1);

            /// <summary>Same as <see cref="transpose(long, long)"/>.</summary>
            public Tensor swapdims(long dim0, long dim1) => transpose(dim0, dim1);

            /// <summary>Transposes a tensor of at most 2 dimensions.</summary>
            public Tensor t() => Ops.Tensor("aten::t", "", this);

            /// <summary>This tensor with its dimensions reversed.</summary>
            public Tensor T => permute(Enumerable.Range(0, (int)ndim).Reverse().Select(i => (long)i).ToArray());

            /// <summary>A view with the last two dimensions transposed.</summary>
            public Tensor mT => transpose(-2, -1);

            /// <summary>A view with a dimension of size 1 inserted at <paramref name="dim"/>.</summary>
            public Tensor unsqueeze(long dim) => Ops.Tensor("aten::unsqueeze", "", this, dim);

            /// <summary>Inserts a dimension of size 1 at <paramref name="dim"/>, in place.</summary>
            public Tensor unsqueeze_(long dim)
            {
                Ops.Run("aten::unsqueeze_", "", this, dim);
                return this;
            }

            /// <summary>Removes dimensions of size 1 (all of them, or only <paramref name="dim"/>).</summary>
            public Tensor squeeze(long? dim = null) => dim.HasValue
                ? Ops.Tensor("aten::squeeze", "dim", this, dim.Value)
                : Ops.Tensor("aten::squeeze", "", this);

            /// <summary>Removes dimensions of size 1 in place (all of them, or only <paramref name="dim"/>).</summary>
            public Tensor squeeze_(long? dim = null)
            {
                if (dim.HasValue) Ops.Run("aten::squeeze_", "dim", this, dim.Value);
                else Ops.Run("aten::squeeze_", "", this);
                return this;
            }

            /// <summary>A view broadcast to the given sizes (-1 keeps a dimension).</summary>
            public Tensor expand(params long[] sizes) => Ops.Tensor("aten::expand", "", this, sizes, false);

            /// <summary>A view broadcast to <paramref name="other"/>'s shape.</summary>
            public Tensor expand_as(Tensor other) => expand(other.shape);

            /// <summary>Repeats the tensor along each dimension (a copy).</summary>
            public Tensor repeat(params long[] sizes) => Ops.Tensor("aten::repeat", "", this, sizes);

            /// <summary>Repeats the tensor along each dimension, as numpy's tile.</summary>
            public Tensor tile(long[] reps) => Ops.Tensor("aten::tile", "", this, reps);

            /// <summary>Splits into <paramref name="chunks"/> views along <paramref name="dim"/> (the last may be smaller).</summary>
            public Tensor[] chunk(long chunks, long dim = 0) => Ops.Tensors("aten::chunk", "", this, chunks, dim);

            /// <summary>Splits into views of <paramref name="size"/> along <paramref name="dim"/> (the last may be smaller).</summary>
            public Tensor[] split(long size, long dim = 0) => Ops.Tensors("aten::split", "Tensor", this, size, dim);

            /// <summary>Splits into views of the given sizes along <paramref name="dim"/>.</summary>
            public Tensor[] split(long[] sizes, long dim = 0) => Ops.Tensors("aten::split_with_sizes", "", this, sizes, dim);

            /// <summary>A view of <paramref name="length"/> positions of <paramref name="dim"/> from <paramref name="start"/>.</summary>
            public Tensor narrow(long dim, long start, long length) => Ops.Tensor("aten::narrow", "", this, dim, start, length);

            /// <summary>A view of position <paramref name="index"/> of <paramref name="dim"/>, which is removed.</summary>
            public Tensor select(long dim, long index) => Ops.Tensor("aten::select", "int", this, dim, index);

            /// <summary>Gathers values along <paramref name="dim"/> at the positions in <paramref name="index"/> (Int64).</summary>
            public Tensor gather(long dim, Tensor index) => Ops.Tensor("aten::gather", "", this, dim, index, false);

            /// <summary>The slices of <paramref name="dim"/> at the positions in the 1-D <paramref name="index"/>.</summary>
            public Tensor index_select(long dim, Tensor index) => Ops.Tensor("aten::index_select", "", this, dim, index);

            /// <summary>Flips the order of the elements along the given dimensions.</summary>
            public Tensor flip(params long[] dims) => Ops.Tensor("aten::flip", "", this, dims);

            /// <summary>A flattened tensor (a view when possible).</summary>
            public Tensor ravel() => Ops.Tensor("aten::ravel", "", this);

            /// <summary>The lower triangle of the (batched) matrix; other elements are zero.</summary>
            public Tensor tril(long diagonal = 0) => Ops.Tensor("aten::tril", "", this, diagonal);

            /// <summary>The upper triangle of the (batched) matrix; other elements are zero.</summary>
            public Tensor triu(long diagonal = 0) => Ops.Tensor("aten::triu", "", this, diagonal);
        }
    }
}
