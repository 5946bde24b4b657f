using System;

namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>
        /// One entry of a Python-style index expression: an integer, a slice, <c>None</c> (a new axis),
        /// an ellipsis, a boolean or an index tensor. C#'s <c>..</c> is <c>Slice(0, null)</c>, i.e. Python's
        /// <c>:</c>, not <c>...</c>; write <see cref="Ellipsis"/> for that.
        /// </summary>
        public struct TensorIndex
        {
            internal enum Kind { None, Ellipsis, Single, Null, Slice, Bool, Tensor }

            internal long? startIndexOrBoolOrSingle;
            internal long? stopIndex;
            internal long? step;
            internal Kind kind;
            internal Tensor? tensor;

            /// <summary>A slice <c>start:stop:step</c>; null bounds are open.</summary>
            static public TensorIndex Slice(long? start = null, long? stop = null, long? step = null) =>
                new TensorIndex { startIndexOrBoolOrSingle = start, stopIndex = stop, step = step, kind = Kind.Slice };

            /// <summary>A slice <c>start:end</c> from a tuple; null bounds are open.</summary>
            static public TensorIndex Slice((int? start, int? end) range) => Slice(range.start, range.end);

            /// <summary>A slice from a C# range: <c>1..3</c> is <c>1:3</c>, <c>^2..</c> is <c>-2:</c>, <c>..</c> is <c>0:</c>.</summary>
            static public TensorIndex Slice(Range range) => Slice(StartOf(range.Start), StopOf(range.End));

            /// <summary>A boolean index: <c>true</c> adds an axis of size 1, <c>false</c> one of size 0.</summary>
            static public TensorIndex Bool(bool value) => new TensorIndex { startIndexOrBoolOrSingle = value ? 1 : 0, kind = Kind.Bool };

            /// <summary>A single position (negative counts from the end); the dimension is removed.</summary>
            static public TensorIndex Single(long? index) => new TensorIndex { startIndexOrBoolOrSingle = index, kind = Kind.Single };

            /// <summary>An index tensor (integer positions or a boolean mask): advanced indexing.</summary>
            static public TensorIndex Tensor(Tensor tensor) => new TensorIndex { tensor = tensor, kind = Kind.Tensor };

            /// <summary>Python's <c>...</c>: as many full slices as the other entries leave.</summary>
            static public TensorIndex Ellipsis = new TensorIndex { kind = Kind.Ellipsis };

            /// <summary>Python's <c>None</c>: inserts an axis of size 1.</summary>
            static public TensorIndex None = new TensorIndex { kind = Kind.None };

            /// <summary>A null entry (no index).</summary>
            static public TensorIndex Null = new TensorIndex { kind = Kind.Null };

            /// <summary>Python's <c>:</c>, the whole dimension.</summary>
            static public TensorIndex Colon = Slice();

            /// <summary>A single position.</summary>
            public static implicit operator TensorIndex(long value) => Single(value);

            /// <summary>A slice <c>start:end</c>.</summary>
            public static implicit operator TensorIndex((int? start, int? end) range) => Slice(range);

            /// <summary>A slice from a C# range (<c>..</c> is <c>0:</c>, Python's <c>:</c>).</summary>
            public static implicit operator TensorIndex(Range range) => Slice(range);

            /// <summary>A single position from a C# index (<c>^1</c> is -1).</summary>
            public static implicit operator TensorIndex(Index index) => Single(index.IsFromEnd ? -(long)index.Value : index.Value);

            private static long? StartOf(Index index) => index.IsFromEnd ? -(long)index.Value : index.Value;

            private static long? StopOf(Index index)
            {
                if (index.IsFromEnd) return index.Value == 0 ? null : -(long)index.Value;
                return index.Value;
            }
        }
    }
}
