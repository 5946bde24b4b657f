using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Gen.Generator.Tests.Infrastructure;

/// <summary>
/// Seeded random specs. A valid spec is built from choices known to satisfy every rule (channels
/// multiples of 64 or 32, images divisible by 32, default strides); an invalid one is a valid spec
/// with one injected fault whose diagnostic ID is known.
/// </summary>
internal static class RandomSpecs
{
    private static readonly string[] StageKinds = { "Basic", "Bottleneck", "CoTBottleneck", "EPSABottleneck", "MBConv", "Transformer" };

    private static readonly string[] LayoutTokens = { "Basic", "B", "CoT", "EPSA", "C", "T" };

    public static RandomSpec Create(int index, int seed)
    {
        var random = new Random(seed + index);
        var name = "Random" + index;
        var faults = Faults();
        var fault = random.NextDouble() < 0.5 ? faults[random.Next(faults.Length)] : null;
        var layoutFault = fault?.Id is "GEN0008" or "GEN0009" or "GEN0013";
        var useLayout = fault?.Id != "GEN0003" && (layoutFault || (fault?.Stage is null && random.Next(3) == 0));
        var stem = random.Next(3);
        var stemChannels = random.Next(2) == 0 ? 32 : 64;
        var image = new[] { 64, 128, 192 }[random.Next(3)];
        var stageCount = random.Next(1, 5);
        var kinds = Enumerable.Range(0, stageCount).Select(_ => random.Next(StageKinds.Length)).ToArray();
        var channels = Enumerable.Range(0, stageCount).Select(_ => 64 * random.Next(1, 4)).ToArray();
        var depths = Enumerable.Range(0, stageCount).Select(_ => random.Next(1, 3)).ToArray();
        var hasTransformer = kinds.Contains(5);
        if (fault is { NeedsTransformer: true } && !hasTransformer)
        {
            fault = null;
        }

        // Expansion is read by bottlenecks and MBConv (kinds 1-4); on other kinds it only warns (GEN0019).
        var expansionStage = Array.FindIndex(kinds, kind => kind is >= 1 and <= 4);
        if (fault is { NeedsExpansion: true } && expansionStage < 0)
        {
            fault = null;
        }

        var text = new StringBuilder("using Gen;\nnamespace Fuzz;\n");
        var backbone = new List<string> { "Classes = " + random.Next(2, 20), "ImageSize = " + (fault?.Id == "GEN0010" ? 97 : image) };
        // The backbone's add-on reaches ResNet-style stages only (GEN0036 warns on the others), so a
        // valid spec sets it only when every stage is ResNet-style (kinds 0-3).
        var attention = random.Next(4);
        if (kinds.All(kind => kind < 4))
        {
            switch (attention)
            {
                case 0: backbone.Add("Attention = AttentionKind.Nam"); break;
                case 1: backbone.Add("Attention = AttentionKind.SE"); break;
            }
        }

        if (random.Next(4) == 0)
        {
            backbone.Add(random.Next(2) == 0 ? "Head = HeadKind.None" : "Head = HeadKind.LinearNoBias");
        }

        if (backbone.Contains("Head = HeadKind.None"))
        {
            backbone.RemoveAt(0); // Classes without a head is GEN0037, a warning
        }

        text.Append("[Backbone(").Append(string.Join(", ", backbone)).Append(")]\n");
        if (fault?.Id != "GEN0015")
        {
            text.Append(stem switch { 0 => $"[ResNetStem({stemChannels})]", 1 => $"[CifarStem({stemChannels})]", _ => $"[ConvStem({stemChannels}, Depth = {random.Next(1, 3)})]" }).Append('\n');
        }

        if (useLayout)
        {
            var tokens = kinds.Select(k => LayoutTokens[k]).ToList();
            if (fault?.Id == "GEN0008")
            {
                tokens[random.Next(tokens.Count)] = "Q";
            }

            var depthList = fault?.Id == "GEN0009" ? depths.Append(1) : depths;
            text.Append($"[Layout(\"{string.Join("-", tokens)}\", Depths = new[] {{ {string.Join(", ", depthList)} }}, Channels = new[] {{ {string.Join(", ", channels)} }})]\n");
            if (fault?.Id == "GEN0013")
            {
                text.Append("[Stage(BlockKind.Basic, Depth = 1, Channels = 64)]\n");
            }
        }
        else if (fault?.Id != "GEN0003")
        {
            var faulty = fault is { NeedsTransformer: true } ? Array.IndexOf(kinds, 5) : fault is { NeedsExpansion: true } ? expansionStage : random.Next(stageCount);
            for (var i = 0; i < stageCount; i++)
            {
                var kind = StageKinds[kinds[i]];
                var options = new List<string> { "Depth = " + depths[i], "Channels = " + channels[i] };
                if (kind == "CoTBottleneck" && random.Next(2) == 0)
                {
                    options.Add("KeyGroups = " + new[] { 1, 2, 4 }[random.Next(3)]);
                }

                if (kind == "Transformer")
                {
                    options.Add("Heads = " + new[] { 2, 4, 8 }[random.Next(3)]);
                    options.Add("HeadDim = " + new[] { 16, 32, -1 }[random.Next(3)]);
                }

                if (i == faulty && fault?.Stage is { } inject)
                {
                    options = inject(options, kind);
                }

                text.Append($"[Stage(BlockKind.{kind}, {string.Join(", ", options)})]\n");
            }
        }

        var partial = fault?.Id == "GEN0001" ? string.Empty : "partial ";
        text.Append($"public {partial}class {name} {{ }}\n");
        return new RandomSpec(name, text.ToString(), fault?.Id);
    }

    private static Fault[] Faults() => new[]
    {
        new Fault("GEN0001", null),
        new Fault("GEN0003", null),
        new Fault("GEN0004", (o, _) => Set(o, "Depth", "0")),
        new Fault("GEN0005", (o, _) => Set(o, "Channels", "-64")),
        new Fault("GEN0007", (o, _) => Set(Set(o, "Heads", "7"), "HeadDim", "-1"), NeedsTransformer: true),
        new Fault("GEN0008", null),
        new Fault("GEN0009", null),
        new Fault("GEN0010", null, NeedsTransformer: true),
        new Fault("GEN0013", null),
        new Fault("GEN0015", null),
        new Fault("GEN0016", (o, _) => { o.Add("Stride = 3"); return o; }),
        // On an MBConv stage the fault is Expansion = 1: the unsupported expansion-1 variant must not pass as valid.
        new Fault("GEN0021", (o, kind) => { o.Add(kind == "MBConv" ? "Expansion = 1" : "Expansion = 0"); return o; }, NeedsExpansion: true),
        new Fault("GEN0031", (o, _) => Set(o, "Channels", "100000")),
        new Fault("GEN0031", (o, _) => Set(o, "Depth", "2147483647")),
    };

    private static List<string> Set(List<string> options, string name, string value)
    {
        options.RemoveAll(option => option.StartsWith(name + " =", StringComparison.Ordinal));
        options.Add(name + " = " + value);
        return options;
    }

    private sealed record Fault(string Id, Func<List<string>, string, List<string>>? Stage, bool NeedsTransformer = false, bool NeedsExpansion = false);
}

/// <summary>A generated spec and the diagnostic it must produce (null for a valid spec).</summary>
internal sealed record RandomSpec(string Name, string Source, string? ExpectedId);
