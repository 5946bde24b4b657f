using System;
using static TorchSharp.torch;

namespace TorchSharp
{
    /// <summary>Extension methods on tensors.</summary>
    public static partial class TensorExtensionMethods
    {
        private static T Single<T>(Tensor value, ScalarType type) where T : unmanaged
        {
            if (value.dtype == type) return value.item<T>();
            using var converted = value.to_type(type);
            return converted.item<T>();
        }

        /// <summary>The single element as a float (converting the dtype if needed).</summary>
        public static float ToSingle(this Tensor value) => Single<float>(value, ScalarType.Float32);

        /// <summary>The single element as a double (converting the dtype if needed).</summary>
        public static double ToDouble(this Tensor value) => Single<double>(value, ScalarType.Float64);

        /// <summary>The single element as an sbyte (converting the dtype if needed).</summary>
        public static sbyte ToSByte(this Tensor value) => Single<sbyte>(value, ScalarType.Int8);

        /// <summary>The single element as a byte (converting the dtype if needed).</summary>
        public static byte ToByte(this Tensor value) => Single<byte>(value, ScalarType.Byte);

        /// <summary>The single element as a short (converting the dtype if needed).</summary>
        public static short ToInt16(this Tensor value) => Single<short>(value, ScalarType.Int16);

        /// <summary>The single element as an int (converting the dtype if needed).</summary>
        public static int ToInt32(this Tensor value) => Single<int>(value, ScalarType.Int32);

        /// <summary>The single element as a long (converting the dtype if needed).</summary>
        public static long ToInt64(this Tensor value) => Single<long>(value, ScalarType.Int64);

        /// <summary>The single element as a bool (converting the dtype if needed).</summary>
        public static bool ToBoolean(this Tensor value) => Single<bool>(value, ScalarType.Bool);

        /// <summary>The product of the sizes in a shape (1 for an empty shape).</summary>
        public static long TotalSize(this System.Collections.Generic.IEnumerable<long> shape)
        {
            long result = 1;
            foreach (var size in shape) result *= size;
            return result;
        }
    }
}
