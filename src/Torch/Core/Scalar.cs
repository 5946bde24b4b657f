using System;
using TorchSharp.Interop;

namespace TorchSharp
{
    /// <summary>A number passed to an operator: an integer, a floating-point value or a boolean.</summary>
    public sealed class Scalar : IDisposable
    {
        private enum Kind { Int, Double, Bool }

        private readonly Kind kind;
        private readonly long i;
        private readonly double d;

        private Scalar(long value) { kind = Kind.Int; i = value; }
        private Scalar(double value) { kind = Kind.Double; d = value; }
        private Scalar(bool value) { kind = Kind.Bool; i = value ? 1 : 0; }

#pragma warning disable CS1591
        public static implicit operator Scalar(byte value) => new Scalar((long)value);
        public static implicit operator Scalar(sbyte value) => new Scalar((long)value);
        public static implicit operator Scalar(short value) => new Scalar((long)value);
        public static implicit operator Scalar(int value) => new Scalar((long)value);
        public static implicit operator Scalar(long value) => new Scalar(value);
        public static implicit operator Scalar(float value) => new Scalar((double)value);
        public static implicit operator Scalar(double value) => new Scalar(value);
        public static implicit operator Scalar(bool value) => new Scalar(value);
        public static implicit operator Scalar(Half value) => new Scalar((double)value);
#pragma warning restore CS1591

        /// <summary>True when the value is integral (or boolean).</summary>
        internal bool IsIntegral => kind != Kind.Double;

        /// <summary>The value as a double.</summary>
        public double ToDouble() => kind == Kind.Double ? d : i;

        /// <summary>The value as a long (truncating a floating value).</summary>
        public long ToInt64() => kind == Kind.Double ? (long)d : i;

        /// <summary>The value as a bool.</summary>
        public bool ToBoolean() => kind == Kind.Double ? d != 0 : i != 0;

        internal Value Encode() => kind switch
        {
            Kind.Int => new Value { Tag = ValueTag.Int, I = i },
            Kind.Bool => new Value { Tag = ValueTag.Bool, I = i },
            _ => new Value { Tag = ValueTag.Double, D = d },
        };

        /// <summary>Nothing to release: this bridge keeps scalars managed.</summary>
        public void Dispose() { }

        /// <inheritdoc/>
        public override string ToString() => kind switch
        {
            Kind.Int => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Kind.Bool => (i != 0).ToString(),
            _ => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
