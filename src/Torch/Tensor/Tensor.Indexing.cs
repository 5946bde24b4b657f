using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using TorchSharp.Interop;

namespace TorchSharp
{
    public static partial class torch
    {
        public partial class Tensor
        {
            /// <summary>Python-style indexing: getters return views for basic indices; setters call <c>index_put_</c>.</summary>
            [IndexerName("TensorItems")]
            public Tensor this[params TensorIndex[] indices]
            {
                get => index(indices);
                set => index_put_(value, indices);
            }

            /// <summary>Advanced indexing with index tensors (integer positions or boolean masks).</summary>
            [IndexerName("TensorItems")]
            public Tensor this[params Tensor[] indices]
            {
                get => index(indices);
                set => index_put_(value, indices);
            }

            /// <summary>The view at position <paramref name="i1"/> of the first dimension.</summary>
            [IndexerName("TensorItems")]
            public Tensor this[long i1]
            {
                get => select(0, i1);
                set => index_put_(value, TensorIndex.Single(i1));
            }

            /// <summary>The view at the given positions of the first two dimensions.</summary>
            [IndexerName("TensorItems")]
            public Tensor this[long i1, long i2]
            {
                get => index(TensorIndex.Single(i1), TensorIndex.Single(i2));
                set => index_put_(value, TensorIndex.Single(i1), TensorIndex.Single(i2));
            }

            /// <summary>The view at the given positions of the first three dimensions.</summary>
            [IndexerName("TensorItems")]
            public Tensor this[long i1, long i2, long i3]
            {
                get => index(TensorIndex.Single(i1), TensorIndex.Single(i2), TensorIndex.Single(i3));
                set => index_put_(value, TensorIndex.Single(i1), TensorIndex.Single(i2), TensorIndex.Single(i3));
            }

            /// <summary>The view at the given positions of the first four dimensions.</summary>
            [IndexerName("TensorItems")]
            public Tensor this[long i1, long i2, long i3, long i4]
            {
                get => index(TensorIndex.Single(i1), TensorIndex.Single(i2), TensorIndex.Single(i3), TensorIndex.Single(i4));
                set => index_put_(value, TensorIndex.Single(i1), TensorIndex.Single(i2), TensorIndex.Single(i3), TensorIndex.Single(i4));
            }

            /// <summary>The view at the given positions of the first five dimensions.</summary>
            [IndexerName("TensorItems")]
            public Tensor this[long i1, long i2, long i3, long i4, long i5]
            {
                get => index(Singles(i1, i2, i3, i4, i5));
                set => index_put_(value, Singles(i1, i2, i3, i4, i5));
            }

            /// <summary>The view at the given positions of the first six dimensions.</summary>
            [IndexerName("TensorItems")]
            public Tensor this[long i1, long i2, long i3, long i4, long i5, long i6]
            {
                get => index(Singles(i1, i2, i3, i4, i5, i6));
                set => index_put_(value, Singles(i1, i2, i3, i4, i5, i6));
            }

            /// <summary>The view at the given positions of the leading dimensions.</summary>
            [IndexerName("TensorItems")]
            public Tensor this[params long[] indices]
            {
                get => index(Singles(indices));
                set => index_put_(value, Singles(indices));
            }

            private static TensorIndex[] Singles(params long[] indices)
            {
                var result = new TensorIndex[indices.Length];
                for (int k = 0; k < indices.Length; k++) result[k] = TensorIndex.Single(indices[k]);
                return result;
            }

            /// <summary>Python-style indexing: integers, slices, None, ellipsis, booleans and index tensors.</summary>
            public Tensor index(params TensorIndex[] indices)
            {
                var (sliced, tensorIndices) = ApplySlicing(indices);
                if (tensorIndices is null) return sliced;
                try
                {
                    return Ops.Tensor("aten::index", "Tensor", sliced, new Ops.OptionalTensors(tensorIndices.ToArray()));
                }
                finally
                {
                    sliced.Dispose();
                    DisposeOwned(tensorIndices, indices);
                }
            }

            /// <summary>Advanced indexing with index tensors (integer positions or boolean masks).</summary>
            public Tensor index(params Tensor[] indices) => index(ToIndices(indices));

            /// <summary>Writes <paramref name="value"/> (broadcast) into the indexed part of this tensor, in place.</summary>
            public Tensor index_put_(Tensor value, params TensorIndex[] indices) => index_put_(value, indices, false);

            /// <summary>Writes (or, with <paramref name="accumulate"/>, adds) <paramref name="value"/> into the indexed part, in place.</summary>
            public Tensor index_put_(Tensor value, TensorIndex[] indices, bool accumulate = false)
            {
                var (sliced, tensorIndices) = ApplySlicing(indices);
                try
                {
                    if (tensorIndices is null)
                    {
                        if (accumulate)
                        {
                            Ops.Run("aten::add_", "Tensor", sliced, StripLeadingOnes(value, sliced.dim(), out var v1));
                            v1?.Dispose();
                        }
                        else
                        {
                            Ops.Run("aten::copy_", "", sliced, StripLeadingOnes(value, sliced.dim(), out var v2), false);
                            v2?.Dispose();
                        }
                    }
                    else
                    {
                        Ops.Run("aten::index_put_", "", sliced, new Ops.OptionalTensors(tensorIndices.ToArray()), value, accumulate);
                    }
                }
                finally
                {
                    sliced.Dispose();
                    if (tensorIndices != null) DisposeOwned(tensorIndices, indices);
                }
                return this;
            }

            /// <summary>Writes <paramref name="value"/> into the part selected by index tensors, in place.</summary>
            public Tensor index_put_(Tensor value, params Tensor[] indices) => index_put_(value, ToIndices(indices));

            /// <summary>Writes the scalar <paramref name="value"/> into the indexed part of this tensor, in place.</summary>
            public Tensor index_put_(Scalar value, params TensorIndex[] indices)
            {
                var (sliced, tensorIndices) = ApplySlicing(indices);
                try
                {
                    if (tensorIndices is null)
                    {
                        Ops.Run("aten::fill_", "Scalar", sliced, value);
                    }
                    else
                    {
                        using var v = Ops.Tensor("aten::scalar_tensor", "", value, dtype, null, null, null);
                        Ops.Run("aten::index_put_", "", sliced, new Ops.OptionalTensors(tensorIndices.ToArray()), v, false);
                    }
                }
                finally
                {
                    sliced.Dispose();
                    if (tensorIndices != null) DisposeOwned(tensorIndices, indices);
                }
                return this;
            }

            /// <summary>Writes the scalar <paramref name="value"/> into the part selected by index tensors, in place.</summary>
            public Tensor index_put_(Scalar value, params Tensor[] indices) => index_put_(value, ToIndices(indices));

            /// <summary>
            /// The elements as nested lists: a 0-dim tensor gives its <see cref="Scalar"/>; otherwise an
            /// <see cref="ArrayList"/> per dimension whose leaves are <see cref="Scalar"/>s.
            /// </summary>
            public object tolist()
            {
                if (dim() == 0) return ToScalar();
                var result = new ArrayList();
                long n = shape[0];
                for (long k = 0; k < n; k++)
                {
                    using var row = select(0, k);
                    result.Add(row.tolist());
                }
                return result;
            }

            private static TensorIndex[] ToIndices(Tensor[] indices)
            {
                var result = new TensorIndex[indices.Length];
                for (int k = 0; k < indices.Length; k++) result[k] = TensorIndex.Tensor(indices[k]);
                return result;
            }

            // Drops leading size-1 dimensions of a value that has more dimensions than its destination
            // (as Python's __setitem__ does), so that copy_ can broadcast it.
            private static Tensor StripLeadingOnes(Tensor value, long targetDim, out Tensor? created)
            {
                created = null;
                var shape = value.shape;
                int skip = 0;
                while (shape.Length - skip > targetDim && shape[skip] == 1) skip++;
                if (skip == 0) return value;
                created = value.view(shape[skip..]);
                return created;
            }

            // Frees the index tensors ApplySlicing made itself (not the caller's).
            private static void DisposeOwned(List<Tensor?> tensorIndices, TensorIndex[] indices)
            {
                foreach (var t in tensorIndices)
                {
                    if (t is null) continue;
                    bool callers = false;
                    foreach (var i in indices)
                        if (i.kind == TensorIndex.Kind.Tensor && ReferenceEquals(i.tensor, t)) { callers = true; break; }
                    if (!callers) t.Dispose();
                }
            }

            // Applies the basic indices (integers, slices, None, ellipsis, booleans) as views, as
            // libtorch's applySlicing does, and collects the index tensors by result dimension.
            private (Tensor sliced, List<Tensor?>? tensorIndices) ApplySlicing(TensorIndex[] indices)
            {
                long ndim = dim();
                long specified = 0;
                foreach (var i in indices)
                {
                    switch (i.kind)
                    {
                        case TensorIndex.Kind.Single:
                        case TensorIndex.Kind.Slice:
                            specified++;
                            break;
                        case TensorIndex.Kind.Tensor:
                            var tt = i.tensor!.dtype;
                            specified += tt == ScalarType.Bool || tt == ScalarType.Byte ? i.tensor.dim() : 1;
                            break;
                    }
                }
                if (specified > ndim)
                    throw new IndexOutOfRangeException($"too many indices for tensor of dimension {ndim}");

                Tensor result = alias();
                List<Tensor?>? tensorIndices = null;
                long d = 0;
                try
                {
                    foreach (var i in indices)
                    {
                        Tensor? next = null;
                        switch (i.kind)
                        {
                            case TensorIndex.Kind.Null:
                                break;
                            case TensorIndex.Kind.Ellipsis:
                                d += ndim - specified;
                                break;
                            case TensorIndex.Kind.None:
                                next = result.unsqueeze(d);
                                d++;
                                break;
                            case TensorIndex.Kind.Bool:
                                next = result.unsqueeze(d);
                                if (i.startIndexOrBoolOrSingle == 0)
                                {
                                    var empty = next.narrow(d, 0, 0);
                                    next.Dispose();
                                    next = empty;
                                }
                                d++;
                                break;
                            case TensorIndex.Kind.Single:
                                next = result.select(d, i.startIndexOrBoolOrSingle ?? throw new ArgumentException("TensorIndex.Single needs an index"));
                                break;
                            case TensorIndex.Kind.Slice:
                                {
                                    long step = i.step ?? 1;
                                    next = Ops.Tensor("aten::slice", "Tensor", result, d, i.startIndexOrBoolOrSingle, i.stopIndex, step);
                                    d++;
                                    break;
                                }
                            case TensorIndex.Kind.Tensor:
                                {
                                    var t = i.tensor!;
                                    tensorIndices ??= new List<Tensor?>();
                                    while (tensorIndices.Count < d) tensorIndices.Add(null);
                                    tensorIndices.Add(t);
                                    d++;
                                    break;
                                }
                        }
                        if (next is not null)
                        {
                            result.Dispose();
                            result = next;
                        }
                    }
                }
                catch
                {
                    result.Dispose();
                    throw;
                }
                return (result, tensorIndices);
            }
        }
    }
}
