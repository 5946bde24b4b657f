using Gen.Generator.Model;

namespace Gen.Generator.Blocks
{
    /// <summary>The NAM and SE add-ons of ResNet-style blocks (keys <c>nam.Channel_Att.bn2</c>, <c>se.fc1</c>/<c>se.fc2</c>).</summary>
    internal static class AttentionAddOn
    {
        /// <summary>SE reduction of the add-on.</summary>
        public const int SeReduction = 16;

        /// <summary>What the add-on over <paramref name="channels"/> holds.</summary>
        public static Counts Count(AttentionKind attention, long channels) => attention switch
        {
            AttentionKind.Nam or AttentionKind.NamDetached => Counts.BatchNorm(channels),
            AttentionKind.SE => Counts.Conv(channels, channels / SeReduction, 1, bias: true) + Counts.Conv(channels / SeReduction, channels, 1, bias: true),
            _ => Counts.Zero,
        };

        /// <summary>torchvision's downsample (1x1 conv + BN) when the residual changes shape.</summary>
        public static Counts Downsample(long inChannels, long outChannels, long stride) =>
            stride != 1 || inChannels != outChannels ? Counts.Conv(inChannels, outChannels, 1) + Counts.BatchNorm(outChannels) : Counts.Zero;
    }
}
