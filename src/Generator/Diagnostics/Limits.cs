namespace Gen.Generator.Diagnostics
{
    /// <summary>
    /// The largest spec the generator accepts (GEN0031 for one value, GEN0032 for the whole model).
    /// Beyond these a model cannot be built on any machine, the plan and the generated file would
    /// grow without bound (one line per block), and widths and counts would overflow.
    /// </summary>
    internal static class Limits
    {
        /// <summary>Any width: channels, a stage's output or hidden width, the attention width.</summary>
        public const int Width = 1 << 16;

        /// <summary>Classes of the head.</summary>
        public const int Classes = 1 << 24;

        /// <summary>An image side.</summary>
        public const int ImageSide = 1 << 16;

        /// <summary>Blocks in one stage.</summary>
        public const int Depth = 1024;

        /// <summary>Layers of the conv stem.</summary>
        public const int StemDepth = 64;

        /// <summary>Blocks in all stages together: the generated file has a line per block.</summary>
        public const int Blocks = 4096;

        /// <summary>Parameter elements, and buffer elements, of the whole model (2^36: a quarter of a terabyte in float32).</summary>
        public const long Elements = 1L << 36;

        /// <summary>Reports <paramref name="value"/> above <paramref name="limit"/> as GEN0031; true when within it.</summary>
        public static bool Check(Reporter reporter, Model.SourceLocation? where, string what, long value, long limit)
        {
            if (value <= limit)
            {
                return true;
            }

            reporter.Report(Diagnostics.DiagnosticCatalog.ValueTooLarge, where, what, value, limit);
            return false;
        }
    }
}
