using System;
using TorchSharp.Interop;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Weight initialization, in place and without recording gradients (PyTorch's formulas).</summary>
            public static class init
            {
                /// <summary>The nonlinearity a gain is computed for.</summary>
                public enum NonlinearityType
                {
#pragma warning disable CS1591
                    Linear = 0, Conv1D = 1, Conv2D = 2, Conv3D = 3, ConvTranspose1D = 4, ConvTranspose2D = 5, ConvTranspose3D = 6,
                    Sigmoid = 7, Tanh = 8, ReLU = 9, LeakyReLU = 10,
#pragma warning restore CS1591
                }

                /// <summary>Which fan Kaiming initialization preserves.</summary>
                public enum FanInOut
                {
                    /// <summary>The variance of the forward pass.</summary>
                    FanIn = 0,
                    /// <summary>The variance of the backward pass.</summary>
                    FanOut = 1,
                }

                /// <summary>The recommended gain for a nonlinearity (<paramref name="param"/> is LeakyReLU's negative slope).</summary>
                public static double calculate_gain(NonlinearityType nonlinearity, double param = 0.0) => nonlinearity switch
                {
                    NonlinearityType.Linear or NonlinearityType.Conv1D or NonlinearityType.Conv2D or NonlinearityType.Conv3D or
                    NonlinearityType.ConvTranspose1D or NonlinearityType.ConvTranspose2D or NonlinearityType.ConvTranspose3D or
                    NonlinearityType.Sigmoid => 1.0,
                    NonlinearityType.Tanh => 5.0 / 3,
                    NonlinearityType.ReLU => Math.Sqrt(2.0),
                    NonlinearityType.LeakyReLU => Math.Sqrt(2.0 / (1 + param * param)),
                    _ => throw new ArgumentException($"unsupported nonlinearity {nonlinearity}"),
                };

                /// <summary>Fills with 1.</summary>
                public static Tensor ones_(Tensor tensor) => constant_(tensor, 1);

                /// <summary>Fills with 0.</summary>
                public static Tensor zeros_(Tensor tensor)
                {
                    using (no_grad()) Ops.Run("aten::zero_", "", tensor);
                    return tensor;
                }

                /// <summary>Fills with <paramref name="val"/>.</summary>
                public static Tensor constant_(Tensor tensor, Scalar val)
                {
                    using (no_grad()) Ops.Run("aten::fill_", "Scalar", tensor, val);
                    return tensor;
                }

                /// <summary>Draws from U(<paramref name="low"/>, <paramref name="high"/>). The generator is accepted but not used (as in TorchSharp).</summary>
                public static Tensor uniform_(Tensor tensor, double low = 0, double high = 1, Generator generator = null!)
                {
                    using (no_grad()) Ops.Run("aten::uniform_", "", tensor, low, high);
                    return tensor;
                }

                /// <summary>Draws from N(<paramref name="mean"/>, <paramref name="std"/>²). The generator is accepted but not used (as in TorchSharp).</summary>
                public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1, Generator generator = null!)
                {
                    using (no_grad()) Ops.Run("aten::normal_", "", tensor, mean, std);
                    return tensor;
                }

                /// <summary>
                /// Draws from N(<paramref name="mean"/>, <paramref name="std"/>²) truncated to [<paramref name="a"/>, <paramref name="b"/>],
                /// by PyTorch's inverse-CDF method (uniform, erfinv, scale, shift, clamp).
                /// </summary>
                public static Tensor trunc_normal_(Tensor tensor, double mean = 0.0, double std = 1.0, double a = -2.0, double b = 2.0, Generator generator = null!)
                {
                    static double NormCdf(double x) => (1.0 + Erf(x / Math.Sqrt(2.0))) / 2.0;
                    using (no_grad())
                    {
                        var l = NormCdf((a - mean) / std);
                        var u = NormCdf((b - mean) / std);
                        Ops.Run("aten::uniform_", "", tensor, 2 * l - 1, 2 * u - 1);
                        Ops.Run("aten::erfinv_", "", tensor);
                        Ops.Run("aten::mul_", "Scalar", tensor, std * Math.Sqrt(2.0));
                        Ops.Run("aten::add_", "Scalar", tensor, mean);
                        Ops.Run("aten::clamp_", "", tensor, a, b);
                    }
                    return tensor;
                }

                /// <summary>Kaiming (He) uniform initialization: U(-bound, bound), bound = gain * sqrt(3 / fan).</summary>
                public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn, NonlinearityType nonlinearity = NonlinearityType.LeakyReLU)
                {
                    var fan = CalculateCorrectFan(tensor, mode);
                    var gain = calculate_gain(nonlinearity, a);
                    var std = gain / Math.Sqrt(fan);
                    var bound = Math.Sqrt(3.0) * std;
                    return uniform_(tensor, -bound, bound);
                }

                /// <summary>Kaiming (He) normal initialization: N(0, std²), std = gain / sqrt(fan).</summary>
                public static Tensor kaiming_normal_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn, NonlinearityType nonlinearity = NonlinearityType.LeakyReLU)
                {
                    var fan = CalculateCorrectFan(tensor, mode);
                    var gain = calculate_gain(nonlinearity, a);
                    var std = gain / Math.Sqrt(fan);
                    return normal_(tensor, 0, std);
                }

                /// <summary>Xavier (Glorot) uniform initialization.</summary>
                public static Tensor xavier_uniform_(Tensor tensor, double gain = 1.0)
                {
                    var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                    var std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
                    var bound = Math.Sqrt(3.0) * std;
                    return uniform_(tensor, -bound, bound);
                }

                /// <summary>Xavier (Glorot) normal initialization.</summary>
                public static Tensor xavier_normal_(Tensor tensor, double gain = 1.0)
                {
                    var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                    var std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
                    return normal_(tensor, 0, std);
                }

                /// <summary>Fan-in and fan-out of a weight of at least two dimensions.</summary>
                public static (long fanIn, long fanOut) CalculateFanInAndFanOut(Tensor tensor)
                {
                    var shape = tensor.shape;
                    if (shape.Length < 2) throw new ArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
                    long receptive = 1;
                    for (int k = 2; k < shape.Length; k++) receptive *= shape[k];
                    return (shape[1] * receptive, shape[0] * receptive);
                }

                private static long CalculateCorrectFan(Tensor tensor, FanInOut mode)
                {
                    var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                    return mode == FanInOut.FanIn ? fanIn : fanOut;
                }

                // erf(x) = 2/sqrt(pi) * exp(-x^2) * sum_n 2^n x^(2n+1) / (1*3*...*(2n+1)): all terms positive, so no
                // cancellation; beyond |x| = 6 erf is +-1 in double precision.
                internal static double Erf(double x)
                {
                    if (double.IsNaN(x)) return x;
                    if (x < 0) return -Erf(-x);
                    if (x >= 6) return 1.0;
                    double x2 = x * x, term = x, sum = x;
                    for (int n = 1; n < 500; n++)
                    {
                        term *= 2 * x2 / (2 * n + 1);
                        sum += term;
                        if (term < sum * 1e-17) break;
                    }
                    return 2.0 / Math.Sqrt(Math.PI) * Math.Exp(-x2) * sum;
                }
            }
        }
    }
}
