using System;
using System.Collections.Generic;
using Gen.Architectures;
using static TorchSharp.torch;

namespace Gen.Bench
{
    /// <summary>
    /// A benchmarked model: the same names, image sizes and classes as bench_models.py, and where
    /// one exists the same model written by hand in TorchSharp (<paramref name="CreatePeer"/>), with
    /// the parameter count of the reference PyTorch model (/work/shared/reference/README.md).
    /// </summary>
    internal sealed record ModelSpec(string Name, int Image, int Classes, Func<nn.Module<Tensor, Tensor>> Create, Func<nn.Module<Tensor, Tensor>>? CreatePeer = null, string? PeerName = null, long? ReferenceParameters = null);

    internal static class GenModels
    {
        /// <summary>The families the benchmark measures by default, each with a hand-written peer.</summary>
        public static readonly IReadOnlyList<string> Default = new[] { "resnet50", "cotnet50", "resnet50nam", "epsanet50", "coatnet0" };

        private const string HandPeer = "hand-written TorchSharp (bench/Gen.Bench/Hand)";

        public static readonly IReadOnlyDictionary<string, ModelSpec> Known = new Dictionary<string, ModelSpec>
        {
            ["cotnet50"] = new("cotnet50", 224, 1000, () => new CoTNet50(), () => Hand.CoTNet.cotnet50(), HandPeer, 33_783_464),
            ["cotnet101"] = new("cotnet101", 224, 1000, () => new CoTNet101()),
            ["resnet50nam"] = new("resnet50nam", 32, 100, () => new ResNet50Nam(), () => Hand.ResNetNam.resnet50nam(), HandPeer, 23_735_460),
            ["resnet18nam"] = new("resnet18nam", 32, 100, () => new ResNet18Nam()),
            ["epsanet50"] = new("epsanet50", 224, 1000, () => new EPSANet50(), () => Hand.EPSANet.epsanet50(), HandPeer, 22_561_715),
            ["epsanet101"] = new("epsanet101", 224, 1000, () => new EPSANet101()),
            ["coatnet0"] = new("coatnet0", 224, 1000, () => new CoAtNet0(), () => Hand.CoAtNet.coatnet0(), HandPeer, 17_789_624),
            ["coatnet1"] = new("coatnet1", 224, 1000, () => new CoAtNet1()),
            ["coatnet2"] = new("coatnet2", 224, 1000, () => new CoAtNet2()),
            ["coatnet3"] = new("coatnet3", 224, 1000, () => new CoAtNet3()),
            ["coatnet4"] = new("coatnet4", 224, 1000, () => new CoAtNet4()),
            ["resnet50"] = new("resnet50", 224, 1000, () => new ResNet50(), () => TorchSharp.torchvision.models.resnet50(num_classes: 1000), "TorchVision 0.107 resnet50", 25_557_032),
        };
    }
}
