using System;
using System.Collections.Generic;
using System.Linq;
using Gen.Blocks;
using TorchSharp;
using static TorchSharp.torch;

namespace Gen.Runtime.Tests
{
    /// <summary>
    /// The C# side of fixtures/make_block_fixtures.py's BLOCKS: same names, same constructor
    /// arguments (the script's "csharp" column documents each call).
    /// </summary>
    internal static class BlockCatalog
    {
        internal static readonly IReadOnlyDictionary<string, Func<nn.Module<Tensor, Tensor>>> Blocks =
            new Dictionary<string, Func<nn.Module<Tensor, Tensor>>>
            {
                ["basic_s2_nam"] = () => new BasicBlock(16, 32, 2, AttentionKind.Nam),
                ["basic_s1"] = () => new BasicBlock(16, 16),
                ["bottleneck_s2"] = () => new Bottleneck(16, 8, 2),
                ["bottleneck_nam"] = () => new Bottleneck(32, 8, attention: AttentionKind.Nam),
                ["bottleneck_se_s2"] = () => new Bottleneck(32, 8, 2, attention: AttentionKind.SE),
                ["cot_layer"] = () => new CoTLayer(16),
                ["cot_layer_k5_g4"] = () => new CoTLayer(16, kernelSize: 5, keyGroups: 4),
                ["cot_bottleneck_s2"] = () => new CoTBottleneck(32, 8, 2),
                ["cot_bottleneck_g4"] = () => new CoTBottleneck(16, 8, keyGroups: 4),
                ["nam"] = () => new NamAttention(16),
                ["nam_detached"] = () => new NamAttention(16, detachWeight: true),
                ["bottleneck_nam_detached"] = () => new Bottleneck(32, 8, attention: AttentionKind.NamDetached),
                ["squeeze_excite"] = () => new SqueezeExcite(32),
                ["psa_s2"] = () => new PSAModule(16, 64, 2, new long[] { 3, 5, 7, 9 }, new long[] { 1, 4, 8, 16 }),
                ["epsa_s2"] = () => new EPSABottleneck(32, 64, 2),
                ["epsa_k1335_g1248"] = () => new EPSABottleneck(32, 64, kernels: new long[] { 1, 3, 3, 5 }, groups: new long[] { 1, 2, 4, 8 }),
                ["mbconv_down"] = () => new MBConv(16, 24, downsample: true),
                ["mbconv"] = () => new MBConv(24, 24),
                ["transformer_down"] = () => new RelativeTransformer(16, 24, 4, 4, downsample: true, heads: 2, headDim: 8),
                ["transformer_4x3"] = () => new RelativeTransformer(24, 24, 4, 3, heads: 2, headDim: 8),
                ["transformer_identity_out"] = () => new RelativeTransformer(8, 8, 3, 3, heads: 1, headDim: 8),
                ["full_coatnet0_s3_0"] = () => new RelativeTransformer(192, 384, 14, 14, downsample: true),
                ["full_coatnet0_s1_0"] = () => new MBConv(64, 96, downsample: true),
                ["full_cotnet50_layer2_0"] = () => new CoTBottleneck(256, 128, 2),
                ["full_epsanet50_layer2_0"] = () => new EPSABottleneck(256, 128, 2),
                ["full_resnet50nam_layer1_0"] = () => new Bottleneck(64, 64, attention: AttentionKind.Nam),
            };

        /// <summary>Every block (keys tests).</summary>
        public static IEnumerable<object[]> All => Blocks.Keys.Select(k => new object[] { k });

        /// <summary>Blocks with PyTorch input/output fixtures (parity tests).</summary>
        public static IEnumerable<object[]> WithIO => Blocks.Keys.Where(k => !k.StartsWith("full_", StringComparison.Ordinal)).Select(k => new object[] { k });
    }
}
