using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static TorchSharp.torch;

namespace Gen.Bench
{
    /// <summary>
    /// The proof that a hand-written peer is the same model as Gen's: the state-dict keys, order,
    /// shapes and dtypes are equal, Gen's state dict loads into the peer strictly, the parameter
    /// counts are equal (and equal to the reference PyTorch model's), and the eval outputs on a
    /// random input agree within <see cref="Tolerance"/>.
    /// </summary>
    internal static class PeerCheck
    {
        /// <summary>The project's bar for equal outputs: relative error in float32 (DESIGN.md).</summary>
        public const double Tolerance = 1e-4;

        public static PeerCheckResult Run(ModelSpec spec) =>
            Run(spec.Name, spec.Create, spec.CreatePeer ?? throw new ArgumentException($"{spec.Name} has no hand-written peer."), spec.Image, spec.ReferenceParameters);

        public static PeerCheckResult Run(string name, Func<nn.Module<Tensor, Tensor>> createGen, Func<nn.Module<Tensor, Tensor>> createPeer, int image, long? referenceParameters)
        {
            using var scope = NewDisposeScope();
            nn.Module<Tensor, Tensor> gen, peer;
            using (no_grad())
            {
                manual_seed(0);
                gen = createGen();
                manual_seed(1); // another initialisation: only the loaded state can make the outputs agree
                peer = createPeer();
            }

            using (gen)
            using (peer)
            {
                Perturb(gen);
                var genState = gen.state_dict();
                var keyDifferences = Differences(Describe(genState), Describe(PyTorchStateDict.Of(peer)));
                string? loadError = null;
                try
                {
                    var (missing, unexpected) = peer.load_state_dict(genState, strict: true);
                    if (missing.Count > 0 || unexpected.Count > 0)
                    {
                        loadError = $"missing {string.Join(", ", missing)}; unexpected {string.Join(", ", unexpected)}";
                    }
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException or System.Runtime.InteropServices.ExternalException)
                {
                    loadError = e.Message;
                }

                double error = double.NaN;
                if (loadError is null)
                {
                    gen.eval();
                    peer.eval();
                    using var guard = no_grad();
                    manual_seed(2);
                    var x = randn(1, 3, image, image);
                    error = RelativeError(peer.call(x), gen.call(x));
                }

                return new PeerCheckResult(name, keyDifferences, Count(gen), Count(peer), referenceParameters, loadError, error);
            }
        }

        /// <summary>
        /// Gives every batch norm, layer norm, bias and relative-position table non-default values
        /// (their initial ones are 0 and 1), so that a swapped or misused one changes the outputs.
        /// </summary>
        private static void Perturb(nn.Module model)
        {
            using var guard = no_grad();
            using var scope = NewDisposeScope();
            foreach (var (key, t) in model.state_dict())
            {
                if (!t.is_floating_point())
                {
                    continue;
                }

                if (key.EndsWith("running_var", StringComparison.Ordinal))
                {
                    t.uniform_(0.5, 1.5);
                }
                else if (t.dim() <= 1 || key.EndsWith("relative_bias_table", StringComparison.Ordinal))
                {
                    t.add_(randn_like(t) * 0.1);
                }
            }
        }

        private static long Count(nn.Module model) => model.parameters().Sum(p => p.numel());

        private static List<string> Describe(Dictionary<string, Tensor> state) =>
            state.Select(kv => $"{kv.Key} [{string.Join(", ", kv.Value.shape)}] {kv.Value.dtype}").ToList();

        private static List<string> Differences(List<string> gen, List<string> peer)
        {
            var differences = new List<string>();
            for (var i = 0; i < Math.Max(gen.Count, peer.Count); i++)
            {
                var g = i < gen.Count ? gen[i] : "(none)";
                var p = i < peer.Count ? peer[i] : "(none)";
                if (g != p)
                {
                    differences.Add(string.Create(CultureInfo.InvariantCulture, $"entry {i + 1}: Gen '{g}', hand '{p}'"));
                }
            }

            return differences;
        }

        /// <summary>max|actual - expected| / max|expected|, in double precision.</summary>
        private static double RelativeError(Tensor actual, Tensor expected)
        {
            if (!actual.shape.SequenceEqual(expected.shape))
            {
                return double.PositiveInfinity;
            }

            var a = actual.to_type(ScalarType.Float64);
            var e = expected.to_type(ScalarType.Float64);
            double difference = (a - e).abs().max().item<double>();
            double reference = e.abs().max().item<double>();
            return double.IsNaN(difference) ? double.PositiveInfinity : reference == 0 ? difference : difference / reference;
        }
    }

    /// <summary>What <see cref="PeerCheck"/> found for one model.</summary>
    internal sealed record PeerCheckResult(string Model, IReadOnlyList<string> KeyDifferences, long GenParameters, long PeerParameters, long? ReferenceParameters, string? LoadError, double RelativeError)
    {
        public bool Passed =>
            KeyDifferences.Count == 0
            && LoadError is null
            && GenParameters == PeerParameters
            && (ReferenceParameters is null || ReferenceParameters == GenParameters)
            && RelativeError <= PeerCheck.Tolerance;

        public string Describe()
        {
            var lines = new List<string>
            {
                string.Create(CultureInfo.InvariantCulture, $"{Model}: {(Passed ? "same model" : "DIFFERENT")}; parameters Gen {GenParameters:N0}, hand {PeerParameters:N0}, reference {(ReferenceParameters is long r ? r.ToString("N0", CultureInfo.InvariantCulture) : "-")}; output relative error {RelativeError:E2} (bar {PeerCheck.Tolerance:E0})"),
            };
            if (KeyDifferences.Count > 0)
            {
                lines.Add($"  {KeyDifferences.Count} state-dict entries differ; first ones:");
                lines.AddRange(KeyDifferences.Take(5).Select(d => "    " + d));
            }

            if (LoadError is not null)
            {
                lines.Add("  strict load failed: " + LoadError);
            }

            return string.Join("\n", lines);
        }
    }
}
