using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Gen.Torch.Tests.Infrastructure
{
    /// <summary>Comparisons against reference values.</summary>
    public static class Close
    {
        /// <summary>The smallest denominator of <see cref="RelativeError(double[], double[])"/> (all-zero references).</summary>
        public const double Tiny = 1e-30;

        /// <summary>Relative error max|a - b| / max(max|b|, tiny); b is the reference.</summary>
        public static double RelativeError(double[] actual, double[] expected)
        {
            if (actual.Length != expected.Length) throw new ArgumentException($"{actual.Length} values against {expected.Length}");
            double diff = 0, scale = 0;
            for (int k = 0; k < actual.Length; k++)
            {
                var d = Math.Abs(actual[k] - expected[k]);
                if (double.IsNaN(d)) return double.PositiveInfinity;
                diff = Math.Max(diff, d);
                scale = Math.Max(scale, Math.Abs(expected[k]));
            }
            return diff / Math.Max(scale, Tiny);
        }

        /// <summary>The elements as doubles, row-major (float32, float64, int64 or int32 tensors).</summary>
        public static double[] Values(Tensor t)
        {
            switch (t.dtype)
            {
                case ScalarType.Float32: { using var a = t.data<float>(); return a.ToArray().Select(v => (double)v).ToArray(); }
                case ScalarType.Float64: { using var a = t.data<double>(); return a.ToArray(); }
                case ScalarType.Int64: { using var a = t.data<long>(); return a.ToArray().Select(v => (double)v).ToArray(); }
                case ScalarType.Int32: { using var a = t.data<int>(); return a.ToArray().Select(v => (double)v).ToArray(); }
                default: throw new NotSupportedException($"Values of a {t.dtype} tensor");
            }
        }

        public static double RelativeError(Tensor actual, Tensor expected) => RelativeError(Values(actual), Values(expected));

        /// <summary>
        /// Asserts same shape, same dtype and a relative error within <paramref name="tolerance"/>; integer
        /// tensors must be equal.
        /// </summary>
        public static void Assert(Tensor actual, Tensor expected, string what, double tolerance = 1e-5)
        {
            Xunit.Assert.True(expected.shape.SequenceEqual(actual.shape),
                $"{what}: shape [{string.Join(", ", actual.shape)}], PyTorch [{string.Join(", ", expected.shape)}]");
            Xunit.Assert.True(expected.dtype == actual.dtype, $"{what}: dtype {actual.dtype}, PyTorch {expected.dtype}");
            var err = RelativeError(actual, expected);
            if (expected.dtype == ScalarType.Int64 || expected.dtype == ScalarType.Int32) tolerance = 0;
            Xunit.Assert.True(err <= tolerance, $"{what}: relative error {err:E3} > {tolerance:E1}");
        }
    }

    public class RelativeErrorHelperTests
    {
        [Fact]
        public void Relative_error_is_max_abs_difference_over_max_abs_reference()
        {
            Assert.Equal(0.5, Close.RelativeError(new[] { 1.0, 3.0 }, new[] { 2.0, 2.0 }), 12);
            Assert.Equal(0.0, Close.RelativeError(new[] { 0.0 }, new[] { 0.0 }));
            Assert.Equal(1e-3 / Close.Tiny, Close.RelativeError(new[] { 1e-3 }, new[] { 0.0 }), 0);
            Assert.Equal(double.PositiveInfinity, Close.RelativeError(new[] { double.NaN }, new[] { 1.0 }));
        }
    }
}
