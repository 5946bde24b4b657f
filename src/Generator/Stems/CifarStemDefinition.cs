using Gen.Generator.Model;

namespace Gen.Generator.Stems
{
    /// <summary><c>[CifarStem]</c>: the NAM post's stem, 3x3/1 convolution and no pool.</summary>
    internal sealed class CifarStemDefinition : TorchvisionStemDefinition
    {
        /// <inheritdoc/>
        public override StemKind Kind => StemKind.Cifar;

        /// <inheritdoc/>
        public override string AttributeName => nameof(CifarStemAttribute);

        /// <inheritdoc/>
        public override int? DefaultChannels => CifarStemAttribute.DefaultChannels;

        /// <inheritdoc/>
        public override string Summary => "CIFAR stem";

        /// <inheritdoc/>
        protected override int Kernel => 3;

        /// <inheritdoc/>
        protected override int Stride => 1;

        /// <inheritdoc/>
        protected override bool HasPool => false;
    }
}
