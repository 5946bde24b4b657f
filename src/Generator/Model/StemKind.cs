namespace Gen.Generator.Model
{
    /// <summary>The stem attribute a spec used (the spec has one attribute type per stem, not an enum).</summary>
    internal enum StemKind
    {
        /// <summary><c>[ResNetStem]</c>.</summary>
        ResNet,

        /// <summary><c>[CifarStem]</c>.</summary>
        Cifar,

        /// <summary><c>[ConvStem]</c>.</summary>
        Conv,
    }
}
