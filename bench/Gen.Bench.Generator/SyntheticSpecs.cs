using System;
using System.Collections.Generic;
using System.Text;

namespace Gen.Bench.Generator;

/// <summary>Deterministic, valid synthetic specs of every stem, block kind and option family.</summary>
internal static class SyntheticSpecs
{
    private static readonly string[] Kinds = { "Basic", "Bottleneck", "CoTBottleneck", "EPSABottleneck", "MBConv", "Transformer" };

    public static IEnumerable<(string Path, string Text)> Create(int count, int seed = 7)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder("using Gen;\nnamespace Synthetic;\n");
            var stem = random.Next(3);
            text.Append($"[Backbone(Classes = {random.Next(10, 1000)}, ImageSize = {new[] { 64, 128, 224 }[random.Next(3)] / 32 * 32 * (stem == 0 ? 2 : 1)}, Attention = AttentionKind.{new[] { "None", "Nam", "SE" }[random.Next(3)]})]\n");
            text.Append(stem switch { 0 => "[ResNetStem(64)]\n", 1 => "[CifarStem(64)]\n", _ => "[ConvStem(64, Depth = 2)]\n" });
            var stages = random.Next(2, 5);
            for (var s = 0; s < stages; s++)
            {
                var kind = Kinds[random.Next(Kinds.Length)];
                text.Append($"[Stage(BlockKind.{kind}, Depth = {random.Next(1, 6)}, Channels = {64 * random.Next(1, 5)})]\n");
            }

            text.Append($"public partial class Synthetic{i} {{ }}\n");
            yield return ($"Synthetic{i}.cs", text.ToString());
        }
    }
}
