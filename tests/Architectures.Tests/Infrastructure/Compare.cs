using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Gen.Architectures.Tests.Infrastructure
{
    /// <summary>Comparisons of Gen's tensors with the PyTorch fixtures.</summary>
    internal static class Compare
    {
        /// <summary>The tolerance of DESIGN.md: relative error in float32.</summary>
        public const double Tolerance = 1e-4;

        /// <summary>
        /// max|actual - expected| / max|expected| over all elements, in double precision; the shapes
        /// must be equal. A zero reference gives the absolute error.
        /// </summary>
        public static double RelativeError(Tensor actual, Tensor expected, string what)
        {
            if (!actual.shape.SequenceEqual(expected.shape))
            {
                throw new Xunit.Sdk.XunitException($"{what}: shape [{string.Join(", ", actual.shape)}], expected [{string.Join(", ", expected.shape)}].");
            }

            var a = Floats(actual);
            var e = Floats(expected);
            double maxDiff = 0, maxRef = 0;
            for (var i = 0; i < e.Length; i++)
            {
                if (double.IsNaN(a[i]))
                {
                    return double.PositiveInfinity;
                }

                maxDiff = Math.Max(maxDiff, Math.Abs((double)a[i] - e[i]));
                maxRef = Math.Max(maxRef, Math.Abs((double)e[i]));
            }

            return maxRef == 0 ? maxDiff : maxDiff / maxRef;
        }

        /// <summary>The largest absolute value of a tensor.</summary>
        public static double MaxAbs(Tensor t) => Floats(t).Select(v => Math.Abs((double)v)).DefaultIfEmpty(0).Max();

        /// <summary>The elements of a float32 tensor (copied to the CPU, contiguous).</summary>
        public static float[] Floats(Tensor t)
        {
            if (t.dtype != ScalarType.Float32)
            {
                throw new Xunit.Sdk.XunitException($"expected a float32 tensor, got {t.dtype}.");
            }

            using var c = t.detach().cpu().contiguous();
            return c.data<float>().ToArray();
        }
    }
}
