namespace Gen.Generator.Model
{
    // Mirrors of the enums in Gen.Runtime (namespace Gen). The generator knows no other project,
    // so it reads the enum values from the attribute arguments; a test pins names and values.

    /// <summary>Mirror of <c>Gen.BlockKind</c>.</summary>
    internal enum BlockKind
    {
        /// <summary>torchvision basic block.</summary>
        Basic = 0,

        /// <summary>torchvision bottleneck.</summary>
        Bottleneck = 1,

        /// <summary>CoT bottleneck.</summary>
        CoTBottleneck = 2,

        /// <summary>EPSA bottleneck.</summary>
        EPSABottleneck = 3,

        /// <summary>CoAtNet MBConv.</summary>
        MBConv = 4,

        /// <summary>CoAtNet relative-attention transformer.</summary>
        Transformer = 5,

        /// <summary>A user-defined block type.</summary>
        Custom = 6,
    }

    /// <summary>Mirror of <c>Gen.AttentionKind</c>.</summary>
    internal enum AttentionKind
    {
        /// <summary>No add-on.</summary>
        None = 0,

        /// <summary>NAM channel attention.</summary>
        Nam = 1,

        /// <summary>Squeeze-and-excitation.</summary>
        SE = 2,
    }

    /// <summary>Mirror of <c>Gen.HeadKind</c>.</summary>
    internal enum HeadKind
    {
        /// <summary>Pool + linear with bias.</summary>
        Linear = 0,

        /// <summary>Pool + linear without bias.</summary>
        LinearNoBias = 1,

        /// <summary>No head.</summary>
        None = 2,
    }

    /// <summary>The stem attribute a spec used.</summary>
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
