using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Gen.Runtime.Tests
{
    /// <summary>Paths of the fixtures and comparison helpers.</summary>
    internal static class Fixtures
    {
        internal static string Root => Path.Combine(AppContext.BaseDirectory, "fixtures");

        internal static string Block(string file) => Path.Combine(Root, "blocks", file);

        /// <summary>"key [d0, d1] dtype" per state-dict entry, in order (PyTorch's dtype names).</summary>
        internal static string[] KeyLines(nn.Module module) =>
            PyTorchStateDict.Of(module).Select(p => $"{p.Key} [{string.Join(", ", p.Value.shape)}] {DtypeName(p.Value.dtype)}").ToArray();

        internal static string DtypeName(ScalarType t) => t switch
        {
            ScalarType.Float32 => "float32",
            ScalarType.Float64 => "float64",
            ScalarType.Float16 => "float16",
            ScalarType.BFloat16 => "bfloat16",
            ScalarType.Int64 => "int64",
            ScalarType.Int32 => "int32",
            ScalarType.Bool => "bool",
            _ => t.ToString(),
        };

        /// <summary>max|actual - expected| / max|expected| in float64.</summary>
        internal static double RelativeError(Tensor actual, Tensor expected)
        {
            using var scope = NewDisposeScope();
            Assert.Equal(expected.shape, actual.shape);
            var a = actual.detach().to_type(ScalarType.Float64);
            var e = expected.detach().to_type(ScalarType.Float64);
            double diff = (a - e).abs().max().item<double>();
            double scale = e.abs().max().item<double>();
            return diff / Math.Max(scale, 1e-30);
        }

        internal static double MaxAbs(Tensor t)
        {
            using var scope = NewDisposeScope();
            return t.detach().to_type(ScalarType.Float64).abs().max().item<double>();
        }

        /// <summary>Clones of every state-dict tensor, to check later that nothing changed.</summary>
        internal static Dictionary<string, Tensor> Snapshot(nn.Module module) =>
            module.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());

        internal static void AssertUnchanged(nn.Module module, Dictionary<string, Tensor> snapshot)
        {
            var now = module.state_dict();
            Assert.Equal(snapshot.Keys, now.Keys);
            foreach (var (key, before) in snapshot)
                Assert.True(before.Equals(now[key]), $"'{key}' changed");
        }
    }
}
