using System;
using System.Numerics;
using TorchSharp.Interop;

namespace TorchSharp
{
    public static partial class torch
    {
        public partial class Tensor
        {
#pragma warning disable CS1591 // operators are self-describing
            public static Tensor operator +(Tensor left, Tensor right) => left.add(right);
            public static Tensor operator +(Tensor left, Scalar right) => left.add(right);
            public static Tensor operator +(Scalar left, Tensor right) => right.add(left);
            public static Tensor operator +(Tensor left, int right) => left.add(right);
            public static Tensor operator +(Tensor left, long right) => left.add(right);
            public static Tensor operator +(Tensor left, float right) => left.add(right);
            public static Tensor operator +(Tensor left, double right) => left.add(right);
            public static Tensor operator +(int left, Tensor right) => right.add(left);
            public static Tensor operator +(long left, Tensor right) => right.add(left);
            public static Tensor operator +(float left, Tensor right) => right.add(left);
            public static Tensor operator +(double left, Tensor right) => right.add(left);

            public static Tensor operator -(Tensor left, Tensor right) => left.sub(right);
            public static Tensor operator -(Tensor left, Scalar right) => left.sub(right);
            public static Tensor operator -(Scalar left, Tensor right) => RSub(left, right);
            public static Tensor operator -(Tensor left, int right) => left.sub(right);
            public static Tensor operator -(Tensor left, long right) => left.sub(right);
            public static Tensor operator -(Tensor left, float right) => left.sub(right);
            public static Tensor operator -(Tensor left, double right) => left.sub(right);
            public static Tensor operator -(int left, Tensor right) => RSub(left, right);
            public static Tensor operator -(long left, Tensor right) => RSub(left, right);
            public static Tensor operator -(float left, Tensor right) => RSub(left, right);
            public static Tensor operator -(double left, Tensor right) => RSub(left, right);

            public static Tensor operator *(Tensor left, Tensor right) => left.mul(right);
            public static Tensor operator *(Tensor left, Scalar right) => left.mul(right);
            public static Tensor operator *(Scalar left, Tensor right) => right.mul(left);
            public static Tensor operator *(Tensor left, int right) => left.mul(right);
            public static Tensor operator *(Tensor left, long right) => left.mul(right);
            public static Tensor operator *(Tensor left, float right) => left.mul(right);
            public static Tensor operator *(Tensor left, double right) => left.mul(right);
            public static Tensor operator *(int left, Tensor right) => right.mul(left);
            public static Tensor operator *(long left, Tensor right) => right.mul(left);
            public static Tensor operator *(float left, Tensor right) => right.mul(left);
            public static Tensor operator *(double left, Tensor right) => right.mul(left);

            public static Tensor operator /(Tensor left, Tensor right) => left.div(right);
            public static Tensor operator /(Tensor left, Scalar right) => left.div(right);
            public static Tensor operator /(Scalar left, Tensor right) => RDiv(left, right);
            public static Tensor operator /(Tensor left, int right) => left.div(right);
            public static Tensor operator /(Tensor left, long right) => left.div(right);
            public static Tensor operator /(Tensor left, float right) => left.div(right);
            public static Tensor operator /(Tensor left, double right) => left.div(right);
            public static Tensor operator /(int left, Tensor right) => RDiv(left, right);
            public static Tensor operator /(long left, Tensor right) => RDiv(left, right);
            public static Tensor operator /(float left, Tensor right) => RDiv(left, right);
            public static Tensor operator /(double left, Tensor right) => RDiv(left, right);

            public static Tensor operator %(Tensor left, Tensor right) => left.remainder(right);
            public static Tensor operator %(Tensor left, Scalar right) => left.remainder(right);
            public static Tensor operator %(Tensor left, int right) => left.remainder(right);
            public static Tensor operator %(Tensor left, long right) => left.remainder(right);
            public static Tensor operator %(Tensor left, float right) => left.remainder(right);
            public static Tensor operator %(Tensor left, double right) => left.remainder(right);

            public static Tensor operator &(Tensor left, Tensor right) => left.bitwise_and(right);
            public static Tensor operator |(Tensor left, Tensor right) => left.bitwise_or(right);
            public static Tensor operator ^(Tensor left, Tensor right) => left.bitwise_xor(right);
            public static Tensor operator ~(Tensor left) => left.bitwise_not();
            public static Tensor operator -(Tensor tensor) => tensor.neg();

            public static Tensor operator ==(Tensor left, Tensor right) => left.eq(right);
            public static Tensor operator ==(Tensor left, Scalar right) => left.eq(right);
            public static Tensor operator ==(Scalar left, Tensor right) => right.eq(left);
            public static Tensor operator !=(Tensor left, Tensor right) => left.ne(right);
            public static Tensor operator !=(Tensor left, Scalar right) => left.ne(right);
            public static Tensor operator !=(Scalar left, Tensor right) => right.ne(left);
            public static Tensor operator <(Tensor left, Tensor right) => left.lt(right);
            public static Tensor operator <(Tensor left, Scalar right) => left.lt(right);
            public static Tensor operator <(Scalar left, Tensor right) => right.gt(left);
            public static Tensor operator <=(Tensor left, Tensor right) => left.le(right);
            public static Tensor operator <=(Tensor left, Scalar right) => left.le(right);
            public static Tensor operator <=(Scalar left, Tensor right) => right.ge(left);
            public static Tensor operator >(Tensor left, Tensor right) => left.gt(right);
            public static Tensor operator >(Tensor left, Scalar right) => left.gt(right);
            public static Tensor operator >(Scalar left, Tensor right) => right.lt(left);
            public static Tensor operator >=(Tensor left, Tensor right) => left.ge(right);
            public static Tensor operator >=(Tensor left, Scalar right) => left.ge(right);
            public static Tensor operator >=(Scalar left, Tensor right) => right.le(left);

            public static implicit operator Tensor(byte value) => torch.tensor(value);
            public static implicit operator Tensor(sbyte value) => torch.tensor(value);
            public static implicit operator Tensor(short value) => torch.tensor(value);
            public static implicit operator Tensor(int value) => torch.tensor(value);
            public static implicit operator Tensor(long value) => torch.tensor(value);
            public static implicit operator Tensor(float value) => torch.tensor(value);
            public static implicit operator Tensor(double value) => torch.tensor(value);
            public static implicit operator Tensor(bool value) => torch.tensor(value);
            public static implicit operator Tensor((float, float) value) => FromSpan<(float, float)>(new[] { value }, ReadOnlySpan<long>.Empty, ScalarType.ComplexFloat32);
            public static implicit operator Tensor(Complex value) => FromSpan<Complex>(new[] { value }, ReadOnlySpan<long>.Empty, ScalarType.ComplexFloat64);

            public static implicit operator Tensor(byte[] value) => torch.tensor(value);
            public static implicit operator Tensor(sbyte[] value) => torch.tensor(value);
            public static implicit operator Tensor(short[] value) => torch.tensor(value);
            public static implicit operator Tensor(int[] value) => torch.tensor(value);
            public static implicit operator Tensor(long[] value) => torch.tensor(value);
            public static implicit operator Tensor(float[] value) => torch.tensor(value);
            public static implicit operator Tensor(double[] value) => torch.tensor(value);
            public static implicit operator Tensor(bool[] value) => torch.tensor(value);
            public static implicit operator Tensor((float, float)[] value) => FromSpan<(float, float)>(value, new long[] { value.Length }, ScalarType.ComplexFloat32);
            public static implicit operator Tensor(Complex[] value) => FromSpan<Complex>(value, new long[] { value.Length }, ScalarType.ComplexFloat64);

            /// <summary>Never runs: it makes <see cref="Scalar"/> a better conversion target than <see cref="Tensor"/> in overload resolution.</summary>
            public static implicit operator Tensor(Scalar scalar) => throw new InvalidOperationException("Implicit conversion from Scalar to Tensor -- this should never be invoked, the operator is only there to guide overload resolution.");

            /// <summary>Never runs: it makes <see cref="TensorIndex"/> a better conversion target than <see cref="Tensor"/> in overload resolution.</summary>
            public static implicit operator Tensor(TensorIndex index) => throw new InvalidOperationException("Implicit conversion from TensorIndex to Tensor -- this should never be invoked, the operator is only there to guide overload resolution.");

            public static explicit operator float(Tensor value) => value.ToSingle();
            public static explicit operator double(Tensor value) => value.ToDouble();
            public static explicit operator sbyte(Tensor value) => value.ToSByte();
            public static explicit operator byte(Tensor value) => value.ToByte();
            public static explicit operator short(Tensor value) => value.ToInt16();
            public static explicit operator int(Tensor value) => value.ToInt32();
            public static explicit operator long(Tensor value) => value.ToInt64();
            public static explicit operator bool(Tensor value) => value.ToBoolean();
#pragma warning restore CS1591

            private static Tensor RSub(Scalar left, Tensor right) => Ops.Tensor("aten::rsub", "Scalar", right, left);

            // Python's __rtruediv__: reciprocal, then multiply.
            private static Tensor RDiv(Scalar left, Tensor right)
            {
                using var r = right.reciprocal();
                return r.mul(left);
            }
        }
    }
}
