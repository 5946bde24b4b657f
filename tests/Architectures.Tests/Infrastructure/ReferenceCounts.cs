using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Gen.Architectures.Tests.Infrastructure
{
    /// <summary>
    /// A full-size backbone of the reference table (shared/reference/README.md): how to build it, the
    /// generator's compile-time constants, and the reference counts.
    /// </summary>
    /// <param name="Name">Name in the reference table.</param>
    /// <param name="Create">Builds the model (the generated constructor).</param>
    /// <param name="ParameterCount">The generated <c>ParameterCount</c>.</param>
    /// <param name="RunningStatCount">The generated <c>RunningStatCount</c>.</param>
    /// <param name="BufferCount">The generated <c>BufferCount</c>.</param>
    /// <param name="Parameters">Reference trainable parameters.</param>
    /// <param name="RunningStats">Reference BN running mean + running var elements.</param>
    /// <param name="PostTotal">The seed post's "Total params" (Paddle: parameters + running statistics), if any.</param>
    internal sealed record Backbone(
        string Name,
        Func<nn.Module<Tensor, Tensor>> Create,
        long ParameterCount,
        long RunningStatCount,
        long BufferCount,
        long Parameters,
        long RunningStats,
        long? PostTotal)
    {
        public override string ToString() => Name;
    }

    /// <summary>The reference table, quoted from shared/reference/README.md.</summary>
    internal static class ReferenceCounts
    {
        public static readonly IReadOnlyList<Backbone> All = new[]
        {
            new Backbone("CoTNet50", () => new CoTNet50(), CoTNet50.ParameterCount, CoTNet50.RunningStatCount, CoTNet50.BufferCount, 33_783_464, 72_000, 33_855_464),
            new Backbone("ResNet50Nam", () => new ResNet50Nam(), ResNet50Nam.ParameterCount, ResNet50Nam.RunningStatCount, ResNet50Nam.BufferCount, 23_735_460, 83_328, 23_818_788),
            new Backbone("EPSANet50", () => new EPSANet50(), EPSANet50.ParameterCount, EPSANet50.RunningStatCount, EPSANet50.BufferCount, 22_561_715, 53_120, 22_614_835),
            new Backbone("CoAtNet0", () => new CoAtNet0(), CoAtNet0.ParameterCount, CoAtNet0.RunningStatCount, CoAtNet0.BufferCount, 17_789_624, 13_312, null),
            new Backbone("EPSANet101", () => new EPSANet101(), EPSANet101.ParameterCount, EPSANet101.RunningStatCount, EPSANet101.BufferCount, 38_900_279, 105_344, null),
            new Backbone("CoTNet50KeyGroups4", () => new Tests.CoTNet50KeyGroups4(), Tests.CoTNet50KeyGroups4.ParameterCount, Tests.CoTNet50KeyGroups4.RunningStatCount, Tests.CoTNet50KeyGroups4.BufferCount, 25_295_528, 72_000, null),
            new Backbone("CoAtNet1", () => new CoAtNet1(), CoAtNet1.ParameterCount, CoAtNet1.RunningStatCount, CoAtNet1.BufferCount, 33_170_624, 24_832, null),
            new Backbone("CoAtNet2", () => new CoAtNet2(), CoAtNet2.ParameterCount, CoAtNet2.RunningStatCount, CoAtNet2.BufferCount, 55_767_564, 34_048, null),
            new Backbone("CoAtNet3", () => new CoAtNet3(), CoAtNet3.ParameterCount, CoAtNet3.RunningStatCount, CoAtNet3.BufferCount, 117_724_480, 51_072, null),
            new Backbone("CoAtNet4", () => new CoAtNet4(), CoAtNet4.ParameterCount, CoAtNet4.RunningStatCount, CoAtNet4.BufferCount, 203_960_368, 97_152, null),
            new Backbone("ResNet50", () => new ResNet50(), ResNet50.ParameterCount, ResNet50.RunningStatCount, ResNet50.BufferCount, 25_557_032, 53_120, null),
        };

        public static Backbone Get(string name) => All.Single(b => b.Name == name);

        /// <summary>Sum of the elements of every trainable parameter.</summary>
        public static long CountParameters(nn.Module module) =>
            module.parameters().Where(p => p.requires_grad).Sum(p => p.numel());

        /// <summary>Sum of the elements of every BN running mean and running variance.</summary>
        public static long CountRunningStats(nn.Module module) =>
            module.named_buffers().Where(b => b.name.EndsWith(".running_mean", StringComparison.Ordinal) || b.name.EndsWith(".running_var", StringComparison.Ordinal))
                .Sum(b => b.buffer.numel());

        /// <summary>Sum of the elements of every persistent buffer (the state dict minus the parameters).</summary>
        public static long CountBuffers(nn.Module module)
        {
            var parameters = new HashSet<string>(module.named_parameters().Select(p => p.name));
            return module.state_dict().Where(kv => !parameters.Contains(kv.Key)).Sum(kv => kv.Value.numel());
        }
    }
}
