using Gen.Generator.Model;

namespace Gen.Generator.Blocks
{
    /// <summary>The NAM and SE add-ons of ResNet-style blocks (keys <c>nam.Channel_Att.bn2</c>, <c>se.fc1</c>/<c>se.fc2</c>).</summary>
    internal static class AttentionAddOn
    {
        /// <summary>SE reduction of the add-on.</summary>
        public const int SeReduction = 16;

        /// <summary>What the add-on over <paramref name="channels"/> holds; NAM's gate is element-wise and SE's 1x1 convolutions run on the pooled vector.</summary>
        public static Counts Count(AttentionKind attention, long channels) => attention switch
        {
            AttentionKind.Nam or AttentionKind.NamDetached => Counts.BatchNorm(channels),
            AttentionKind.SE => Counts.Conv(channels, channels / SeReduction, 1, FeatureSize.Vector, bias: true) + Counts.Conv(channels / SeReduction, channels, 1, FeatureSize.Vector, bias: true),
            _ => Counts.Zero,
        };

        /// <summary>torchvision's downsample (1x1 conv with the block's stride + BN, output <paramref name="at"/>) when the residual changes shape.</summary>
        public static Counts Downsample(long inChannels, long outChannels, long stride, FeatureSize at) =>
            stride != 1 || inChannels != outChannels ? Counts.Conv(inChannels, outChannels, 1, at) + Counts.BatchNorm(outChannels) : Counts.Zero;
    }
}
