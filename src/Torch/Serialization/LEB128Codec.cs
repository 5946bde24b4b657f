using System;
using System.IO;

namespace TorchSharp.Utils
{
    /// <summary>Unsigned LEB128: 7 bits per byte, low bits first, the high bit set on every byte but the last.</summary>
    public static class LEB128Codec
    {
        /// <summary>Writes a non-negative value.</summary>
        public static void Encode(this BinaryWriter writer, long value)
        {
            if (value < 0) throw new NotImplementedException("LEB128 encoding of negative numbers");
            do
            {
                var b = (byte)(value & 0x7f);
                value >>= 7;
                if (value != 0) b |= 0x80;
                writer.Write(b);
            } while (value != 0);
        }

        /// <summary>Reads a value written by <see cref="Encode"/>.</summary>
        public static long Decode(this BinaryReader reader)
        {
            long result = 0;
            int shift = 0;
            while (true)
            {
                var b = reader.ReadByte();
                if (shift >= 63 && (b & 0x7f) > 1) throw new InvalidDataException("LEB128 value does not fit in 64 bits");
                result |= (long)(b & 0x7f) << shift;
                if ((b & 0x80) == 0) return result;
                shift += 7;
                if (shift > 63) throw new InvalidDataException("LEB128 value does not fit in 64 bits");
            }
        }
    }
}
