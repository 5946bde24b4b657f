using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Gen.Torch.Tests.Infrastructure
{
    /// <summary>Runs one op case of a fixture file: forward outputs, then gradients of sum_j sum(out_j * gout_j).</summary>
    public static class ParityCase
    {
        public const double Tolerance = 1e-5;

        public static void Check(SafeTensorsFile f, string name, Func<Tensor[], Tensor[]> op)
        {
            using var scope = NewDisposeScope();
            var inputs = new List<Tensor>();
            for (int i = 0; f.Contains($"{name}.in{i}"); i++)
            {
                var x = f[$"{name}.in{i}"];
                if (f.Contains($"{name}.grad{i}")) x.requires_grad = true;
                inputs.Add(x);
            }
            var outs = op(inputs.ToArray());
            int expectedOuts = 0;
            while (f.Contains($"{name}.out{expectedOuts}")) expectedOuts++;
            Assert.True(expectedOuts == outs.Length, $"{name}: {outs.Length} outputs, PyTorch {expectedOuts}");
            for (int j = 0; j < outs.Length; j++) Close.Assert(outs[j], f[$"{name}.out{j}"], $"{name} out{j}", Tolerance);

            var weighted = Enumerable.Range(0, outs.Length).Where(j => f.Contains($"{name}.gout{j}")).ToList();
            if (weighted.Count == 0) return;
            Tensor? loss = null;
            foreach (var j in weighted)
            {
                var term = (outs[j] * f[$"{name}.gout{j}"]).sum();
                loss = loss is null ? term : loss + term;
            }
            loss!.backward();
            for (int i = 0; i < inputs.Count; i++)
            {
                if (!f.Contains($"{name}.grad{i}")) continue;
                var g = inputs[i].grad;
                Assert.True(g is not null, $"{name}: input {i} got no gradient");
                Close.Assert(g!, f[$"{name}.grad{i}"], $"{name} grad of in{i}", Tolerance);
            }
        }
    }
}
