using Gen.Generator.Model;

namespace Gen.Generator.Stems
{
    /// <summary><c>[ResNetStem]</c>: the ImageNet stem, 7x7/2 convolution and a 3x3/2 max-pool.</summary>
    internal sealed class ResNetStemDefinition : TorchvisionStemDefinition
    {
        /// <inheritdoc/>
        public override StemKind Kind => StemKind.ResNet;

        /// <inheritdoc/>
        public override string AttributeName => nameof(ResNetStemAttribute);

        /// <inheritdoc/>
        public override int? DefaultChannels => ResNetStemAttribute.DefaultChannels;

        /// <inheritdoc/>
        public override string Summary => "ResNet stem";

        /// <inheritdoc/>
        protected override int Kernel => 7;

        /// <inheritdoc/>
        protected override int Stride => 2;

        /// <inheritdoc/>
        protected override bool HasPool => true;
    }
}
