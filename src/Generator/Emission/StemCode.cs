using System.Collections.Generic;
using Gen.Generator.Model;
using Gen.Generator.Planning;

namespace Gen.Generator.Emission
{
    /// <summary>The three stems: their fields and description.</summary>
    internal static class StemCode
    {
        /// <summary>The stem's fields in call order.</summary>
        public static IReadOnlyList<Field> Fields(StemPlan stem)
        {
            switch (stem.Kind)
            {
                case StemKind.ResNet:
                    return new[]
                    {
                        new Field("Conv2d", "conv1", TorchNames.Nn($"Conv2d({stem.InChannels}, {stem.Channels}, 7, stride: 2, padding: 3, bias: false)")),
                        new Field("BatchNorm2d", "bn1", TorchNames.Nn($"BatchNorm2d({stem.Channels})")),
                        new Field("ReLU", "relu", TorchNames.Nn("ReLU()")),
                        new Field("MaxPool2d", "maxpool", TorchNames.Nn("MaxPool2d(3, stride: 2, padding: 1)")),
                    };
                case StemKind.Cifar:
                    return new[]
                    {
                        new Field("Conv2d", "conv1", TorchNames.Nn($"Conv2d({stem.InChannels}, {stem.Channels}, 3, stride: 1, padding: 1, bias: false)")),
                        new Field("BatchNorm2d", "bn1", TorchNames.Nn($"BatchNorm2d({stem.Channels})")),
                        new Field("ReLU", "relu", TorchNames.Nn("ReLU()")),
                    };
                default:
                    return new[] { new Field("Sequential", "s0", TorchNames.Nn("Sequential("), ConvStemItems(stem)) };
            }
        }

        /// <summary>The lines of the conv stem's <c>Sequential</c> items (conv stem only).</summary>
        private static IReadOnlyList<string> ConvStemItems(StemPlan stem)
        {
            var items = new List<string>();
            for (var i = 0; i < stem.Depth; i++)
            {
                var input = i == 0 ? stem.InChannels : stem.Channels;
                var stride = i == 0 ? 2 : 1;
                var conv = TorchNames.Nn($"Conv2d({input}, {stem.Channels}, 3, stride: {stride}, padding: 1, bias: false)");
                var norm = TorchNames.Nn($"BatchNorm2d({stem.Channels})");
                items.Add($"(\"{i}\", {TorchNames.Nn("Sequential(")}(\"0\", {conv}), (\"1\", {norm}), (\"2\", {TorchNames.Nn("GELU()")})))");
            }

            return items;
        }

        /// <summary>Short description for the shape table.</summary>
        public static string Describe(StemPlan stem) => stem.Kind switch
        {
            StemKind.ResNet => "stem: conv1 7x7/2, bn1, relu, maxpool 3x3/2",
            StemKind.Cifar => "stem: conv1 3x3/1, bn1, relu",
            _ => $"s0: {stem.Depth} x (conv 3x3, BN, GELU), first stride 2",
        };
    }
}
