using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Gen.Generator.Model
{
    /// <summary>
    /// An immutable array compared by its elements, so that records holding it are equatable and
    /// the incremental pipeline can cache them.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
        where T : IEquatable<T>
    {
        private readonly T[]? _items;

        /// <summary>Wraps the given elements (copied).</summary>
        public EquatableArray(IEnumerable<T> items) => _items = new List<T>(items).ToArray();

        /// <summary>An array with no elements.</summary>
        public static EquatableArray<T> Empty => default;

        /// <summary>Number of elements.</summary>
        public int Count => _items?.Length ?? 0;

        /// <summary>The element at <paramref name="index"/>.</summary>
        public T this[int index] => (_items ?? Array.Empty<T>())[index];

        /// <inheritdoc/>
        public bool Equals(EquatableArray<T> other)
        {
            if (Count != other.Count)
            {
                return false;
            }

            for (var i = 0; i < Count; i++)
            {
                if (!EqualityComparer<T>.Default.Equals(this[i], other[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode()
        {
            var hash = 17;
            foreach (var item in this)
            {
                hash = unchecked((hash * 31) + (item is null ? 0 : item.GetHashCode()));
            }

            return hash;
        }

        /// <inheritdoc/>
        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>Compares element-wise.</summary>
        public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

        /// <summary>Compares element-wise.</summary>
        public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);
    }

    /// <summary>Builds <see cref="EquatableArray{T}"/> values.</summary>
    internal static class EquatableArray
    {
        /// <summary>Wraps <paramref name="items"/>.</summary>
        public static EquatableArray<T> From<T>(IEnumerable<T> items)
            where T : IEquatable<T> => new EquatableArray<T>(items);

        /// <summary>Wraps <paramref name="items"/>.</summary>
        public static EquatableArray<T> Of<T>(params T[] items)
            where T : IEquatable<T> => new EquatableArray<T>(items);
    }
}
