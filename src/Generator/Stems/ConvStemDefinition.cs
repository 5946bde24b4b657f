using System.Collections.Generic;
using Gen.Generator.Code;
using Gen.Generator.Diagnostics;
using Gen.Generator.Model;

namespace Gen.Generator.Stems
{
    /// <summary>
    /// <c>[ConvStem]</c>: CoAtNet's <c>s0</c>, Depth x (3x3 conv, BN, GELU), the first with stride 2,
    /// and coatnet-pytorch's names for the rest of the model (<c>sN</c>, <c>pool</c>).
    /// </summary>
    internal sealed class ConvStemDefinition : StemDefinition
    {
        /// <inheritdoc/>
        public override StemKind Kind => StemKind.Conv;

        /// <inheritdoc/>
        public override string AttributeName => nameof(ConvStemAttribute);

        /// <inheritdoc/>
        public override int? DefaultChannels => null;

        /// <inheritdoc/>
        public override string Summary => "conv stem";

        /// <inheritdoc/>
        public override string StagePrefix => "s";

        /// <inheritdoc/>
        public override string PoolName => "pool";

        /// <inheritdoc/>
        public override IReadOnlyList<string> ForwardLines { get; } = new[] { "return s0.call(input);" };

        /// <summary>At least one layer, and not more than the limit.</summary>
        public override void Check(StemSpec stem, Reporter reporter)
        {
            var depth = stem.Depth ?? ConvStemAttribute.DefaultDepth;
            var where = stem.Locations.Of(nameof(ConvStemAttribute.Depth));
            if (depth < 1)
            {
                reporter.Report(DiagnosticCatalog.StemDepthTooSmall, where, depth);
            }
            else
            {
                Limits.Check(reporter, where, "ConvStem Depth", depth, Limits.StemDepth);
            }
        }

        /// <inheritdoc/>
        public override StemPlan Plan(StemSpec stem, ImageSpec image) => new StemPlan(
            Kind,
            image.Channels,
            stem.Channels ?? 0,
            stem.Depth ?? ConvStemAttribute.DefaultDepth,
            image.Size,
            image.Size.Downsample(2),
            2);

        /// <inheritdoc/>
        public override IReadOnlyList<Field> Fields(StemPlan stem)
        {
            var items = new List<string>();
            for (var i = 0; i < stem.Depth; i++)
            {
                var input = i == 0 ? stem.InChannels : stem.Channels;
                var stride = i == 0 ? 2 : 1;
                var conv = TorchNames.Nn($"Conv2d({input}, {stem.Channels}, 3, stride: {stride}, padding: 1, bias: false)");
                items.Add($"(\"{i}\", {RuntimeNames.ConvBatchNormSequential}({conv}, {TorchNames.Nn("GELU()")}))");
            }

            return new[] { new Field(TorchNames.ModuleType("Sequential"), "s0", TorchNames.Nn("Sequential("), items) };
        }

        /// <inheritdoc/>
        public override IReadOnlyList<string> PythonForwardLines { get; } = new[] { "return self.s0(input)" };

        /// <inheritdoc/>
        public override IReadOnlyList<PythonField> PythonFields(StemPlan stem)
        {
            var items = new List<string>();
            for (var i = 0; i < stem.Depth; i++)
            {
                var input = i == 0 ? stem.InChannels : stem.Channels;
                var stride = i == 0 ? 2 : 1;
                items.Add($"nn.Sequential(nn.Conv2d({input}, {stem.Channels}, 3, stride={stride}, padding=1, bias=False), nn.BatchNorm2d({stem.Channels}), nn.GELU())");
            }

            return new[] { new PythonField("s0", "nn.Sequential(", items) };
        }

        /// <inheritdoc/>
        public override string Describe(StemPlan stem) => $"s0: {stem.Depth} x (conv 3x3, BN, GELU), first stride 2";

        /// <inheritdoc/>
        public override Counts Count(StemPlan stem)
        {
            var total = Counts.Zero;
            for (var i = 0; i < stem.Depth; i++)
            {
                // The first layer strides; every layer's output is the stem's.
                total += Counts.Conv(i == 0 ? stem.InChannels : stem.Channels, stem.Channels, 3, stem.Output) + Counts.BatchNorm(stem.Channels);
            }

            return total;
        }
    }
}
