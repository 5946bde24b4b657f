using System;
using System.Collections.Generic;
using System.Globalization;

namespace Gen.Generator.Model
{
    /// <summary>
    /// One stage option: unset (not written in the spec, not yet resolved) or set to a value. Reading
    /// <see cref="Value"/> of an unset option throws, so a rule can never judge a default it did not get.
    /// </summary>
    /// <typeparam name="T">The option's type.</typeparam>
    internal readonly struct OptionValue<T> : IEquatable<OptionValue<T>>
    {
        private readonly T _value;

        /// <summary>A set option.</summary>
        public OptionValue(T value)
        {
            _value = value;
            IsSet = true;
        }

        /// <summary>Whether the option has a value.</summary>
        public bool IsSet { get; }

        /// <summary>The value; throws when unset.</summary>
        public T Value => IsSet ? _value : throw new InvalidOperationException("A stage option was read before it was resolved.");

        /// <summary>A set value.</summary>
        public static implicit operator OptionValue<T>(T value) => new OptionValue<T>(value);

        /// <summary>Compares set-ness and value.</summary>
        public static bool operator ==(OptionValue<T> left, OptionValue<T> right) => left.Equals(right);

        /// <summary>Compares set-ness and value.</summary>
        public static bool operator !=(OptionValue<T> left, OptionValue<T> right) => !left.Equals(right);

        /// <summary>This option if set, else <paramref name="fallback"/>.</summary>
        public OptionValue<T> Or(OptionValue<T> fallback) => IsSet ? this : fallback;

        /// <inheritdoc/>
        public bool Equals(OptionValue<T> other) => IsSet == other.IsSet && (!IsSet || EqualityComparer<T>.Default.Equals(_value, other._value));

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is OptionValue<T> other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => IsSet ? EqualityComparer<T>.Default.GetHashCode(_value!) : 0;

        /// <inheritdoc/>
        public override string ToString() => IsSet ? Convert.ToString(_value, CultureInfo.InvariantCulture) ?? string.Empty : "unset";
    }

    /// <summary>Builds <see cref="OptionValue{T}"/>s from what the parser reads (null: not written).</summary>
    internal static class OptionValue
    {
        /// <summary>Set when <paramref name="value"/> is not null.</summary>
        public static OptionValue<T> Of<T>(T? value)
            where T : struct => value is { } set ? new OptionValue<T>(set) : default;
    }
}
