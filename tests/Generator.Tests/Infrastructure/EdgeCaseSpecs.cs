using System.Collections.Generic;
using System.Linq;

namespace Gen.Generator.Tests.Infrastructure;

/// <summary>
/// Specs that exercise corners of the language (one class each, named like its snapshot). Each is
/// valid: it must generate without diagnostics and compile.
/// </summary>
internal static class EdgeCaseSpecs
{
    private const string Usings = "using Gen;\n\n";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["EdgeMixedConvTransformer"] = Usings + """
            namespace Edge;

            // C and T alternate; 64x64 keeps every transformer's grid exact.
            [Backbone(Classes = 10, ImageSize = 64, Head = HeadKind.LinearNoBias)]
            [ConvStem(32, Depth = 1)]
            [Layout("C-T-C-T", Depths = new[] { 1, 2, 1, 1 }, Channels = new[] { 32, 64, 128, 128 })]
            public partial class EdgeMixedConvTransformer { }
            """,
        ["EdgeCoTOnlyStage3"] = Usings + """
            namespace Edge;

            [Backbone(Classes = 1000)]
            [ResNetStem(64)]
            [Stage(BlockKind.Bottleneck, Depth = 2, Channels = 64)]
            [Stage(BlockKind.Bottleneck, Depth = 2, Channels = 128)]
            [Stage(BlockKind.CoTBottleneck, Depth = 3, Channels = 256, KernelSize = 5, KeyGroups = 4)]
            [Stage(BlockKind.Bottleneck, Depth = 2, Channels = 512)]
            public partial class EdgeCoTOnlyStage3 { }
            """,
        ["EdgeNamWithStageOverrides"] = Usings + """
            namespace Edge;

            // NAM by default, none in stage 2, SE in stage 3.
            [Backbone(Classes = 100, ImageSize = 32, Attention = AttentionKind.Nam)]
            [CifarStem(32)]
            [Stage(BlockKind.Basic, Depth = 1, Channels = 32)]
            [Stage(BlockKind.Basic, Depth = 1, Channels = 64, Attention = AttentionKind.None)]
            [Stage(BlockKind.Bottleneck, Depth = 2, Channels = 64, Attention = AttentionKind.SE, DropPath = 0.1)]
            public partial class EdgeNamWithStageOverrides { }
            """,
        ["EdgeFeatureExtractor"] = Usings + """
            namespace Edge;

            [Backbone(ImageSize = 128, Head = HeadKind.None)]
            [ResNetStem(32)]
            [Layout("Basic-Basic-B", Depths = new[] { 1, 1, 1 }, Channels = new[] { 32, 64, 64 })]
            public partial class EdgeFeatureExtractor { }
            """,
        ["EdgeCustomBlock"] = Usings + """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            namespace Edge;

            /// <summary>A user-defined block: 3x3 conv + ReLU.</summary>
            public sealed class ConvRelu : Module<Tensor, Tensor>
            {
                private readonly Conv2d conv;

                /// <summary>The documented block constructor shape.</summary>
                public ConvRelu(long inChannels, long outChannels, long stride, double unused = 0.0)
                    : base(nameof(ConvRelu))
                {
                    conv = Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
                    RegisterComponents();
                }

                /// <inheritdoc/>
                public override Tensor forward(Tensor input) => conv.call(input).relu();
            }

            [Backbone(Classes = 10, ImageSize = 32)]
            [CifarStem(16)]
            [Stage(typeof(ConvRelu), Depth = 2, Channels = 32)]
            [Stage(BlockKind.Basic, Depth = 1, Channels = 64)]
            public partial class EdgeCustomBlock { }
            """,
        ["EdgeOneStage"] = Usings + """
            namespace Edge;

            [Backbone(InChannels = 1, Classes = 2, ImageSize = 28)]
            [CifarStem(8)]
            [Stage(BlockKind.Basic, Depth = 1, Channels = 8)]
            public partial class EdgeOneStage { }
            """,
        ["EdgeNonSquare"] = Usings + """
            namespace Edge;

            [Backbone(ImageHeight = 96, ImageWidth = 128, Classes = 5, Head = HeadKind.LinearNoBias)]
            [ConvStem(32, Depth = 2)]
            [Layout("C-T", Depths = new[] { 1, 1 }, Channels = new[] { 64, 128 })]
            public partial class EdgeNonSquare { }
            """,
        ["EdgeGlobalNamespaceInternal"] = Usings + """
            [Backbone(Classes = 7, ImageSize = 64, Attention = AttentionKind.SE)]
            [ResNetStem(64)]
            [Stage(BlockKind.EPSABottleneck, Depth = 1, Channels = 64, Kernels = new[] { 3, 3, 5, 5 }, Groups = new[] { 1, 2, 4, 8 })]
            internal partial class EdgeGlobalNamespaceInternal { }
            """,
        ["EdgeViTStyleHeads"] = Usings + """
            namespace Edge;

            // HeadDim = -1: each head gets input channels / Heads; Dropout on the transformer.
            [Backbone(Classes = 10, ImageSize = 32, Head = HeadKind.LinearNoBias)]
            [ConvStem(48, Depth = 1)]
            [Stage(BlockKind.MBConv, Depth = 1, Channels = 48, Stride = 1, Expansion = 2)]
            [Stage(BlockKind.Transformer, Depth = 2, Channels = 96, Heads = 6, HeadDim = -1, Dropout = 0.1)]
            public partial class EdgeViTStyleHeads { }
            """,
        ["EdgeExplicitStrides"] = Usings + """
            namespace Edge;

            // Layout strides: a stride-1 first stage of bottlenecks, then stride 2, 1, 2.
            [Backbone(Classes = 10, ImageSize = 64)]
            [CifarStem(16)]
            [Layout("B-CoT-EPSA-Basic", Depths = new[] { 1, 1, 1, 1 }, Channels = new[] { 16, 32, 64, 128 }, Strides = new[] { 1, 2, 1, 2 })]
            public partial class EdgeExplicitStrides { }
            """,
    };

    public static IEnumerable<object[]> Data => All.Keys.OrderBy(k => k).Select(k => new object[] { k });
}
