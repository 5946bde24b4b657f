namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>The element type of a tensor. Values equal libtorch's <c>c10::ScalarType</c> codes.</summary>
        public enum ScalarType : sbyte
        {
            /// <summary>8-bit unsigned integer.</summary>
            Byte = 0,
            /// <summary>8-bit signed integer.</summary>
            Int8 = 1,
            /// <summary>16-bit signed integer.</summary>
            Int16 = 2,
            /// <summary>32-bit signed integer.</summary>
            Int32 = 3,
            /// <summary>64-bit signed integer.</summary>
            Int64 = 4,
            /// <summary>IEEE half precision.</summary>
            Float16 = 5,
            /// <summary>IEEE single precision.</summary>
            Float32 = 6,
            /// <summary>IEEE double precision.</summary>
            Float64 = 7,
            /// <summary>Complex of two float32.</summary>
            ComplexFloat32 = 9,
            /// <summary>Complex of two float64.</summary>
            ComplexFloat64 = 10,
            /// <summary>Boolean.</summary>
            Bool = 11,
            /// <summary>Quantized int8.</summary>
            QInt8 = 12,
            /// <summary>Quantized uint8.</summary>
            QUInt8 = 13,
            /// <summary>Quantized int32.</summary>
            QInt32 = 14,
            /// <summary>Brain floating point.</summary>
            BFloat16 = 15,
        }

#pragma warning disable CS1591 // the aliases are self-describing
        public static ScalarType @bool = ScalarType.Bool;
        public static ScalarType uint8 = ScalarType.Byte;
        public static ScalarType int8 = ScalarType.Int8;
        public static ScalarType int16 = ScalarType.Int16;
        public static ScalarType int32 = ScalarType.Int32;
        public static ScalarType int64 = ScalarType.Int64;
        public static ScalarType bfloat16 = ScalarType.BFloat16;
        public static ScalarType float16 = ScalarType.Float16;
        public static ScalarType float32 = ScalarType.Float32;
        public static ScalarType float64 = ScalarType.Float64;
        public static ScalarType complex64 = ScalarType.ComplexFloat32;
        public static ScalarType complex128 = ScalarType.ComplexFloat64;
        public static ScalarType @short = ScalarType.Int16;
        public static ScalarType @int = ScalarType.Int32;
        public static ScalarType @long = ScalarType.Int64;
        public static ScalarType half = ScalarType.Float16;
        public static ScalarType @float = ScalarType.Float32;
        public static ScalarType @double = ScalarType.Float64;
        public static ScalarType cfloat = ScalarType.ComplexFloat32;
        public static ScalarType cdouble = ScalarType.ComplexFloat64;
        public static ScalarType qint8 = ScalarType.QInt8;
        public static ScalarType quint8 = ScalarType.QUInt8;
        public static ScalarType qint32 = ScalarType.QInt32;
#pragma warning restore CS1591

        private static ScalarType defaultDtype = ScalarType.Float32;

        /// <summary>The dtype factories use when none is given (Float32 unless changed).</summary>
        public static ScalarType get_default_dtype() => defaultDtype;

        /// <summary>Sets the default floating dtype.</summary>
        public static void set_default_dtype(ScalarType dtype)
        {
            if (!is_floating_point(dtype)) throw new System.ArgumentException($"default dtype must be floating point, not {dtype}");
            defaultDtype = dtype;
        }

        /// <summary>True for Float16, BFloat16, Float32 and Float64.</summary>
        public static bool is_floating_point(ScalarType type) =>
            type is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64;

        /// <summary>True for the integer types, optionally including Bool.</summary>
        public static bool is_integral(ScalarType type, bool includeBool = false) =>
            type is ScalarType.Byte or ScalarType.Int8 or ScalarType.Int16 or ScalarType.Int32 or ScalarType.Int64 || (includeBool && type == ScalarType.Bool);

        /// <summary>True for the complex types.</summary>
        public static bool is_complex(ScalarType type) => type is ScalarType.ComplexFloat32 or ScalarType.ComplexFloat64;

        internal static int ElementSize(ScalarType type) => type switch
        {
            ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool or ScalarType.QInt8 or ScalarType.QUInt8 => 1,
            ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
            ScalarType.Int32 or ScalarType.Float32 or ScalarType.QInt32 => 4,
            ScalarType.Int64 or ScalarType.Float64 or ScalarType.ComplexFloat32 => 8,
            ScalarType.ComplexFloat64 => 16,
            _ => throw new System.ArgumentException($"unknown dtype {type}"),
        };
    }
}
