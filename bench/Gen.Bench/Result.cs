using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Gen.Bench
{
    /// <summary>The peak resident memory of one untimed training step per side, in bytes (peak minus resident before).</summary>
    internal sealed record PeakMemory(long? Gen, long? Torch, long? Peer);

    /// <summary>One measurement on every side.</summary>
    internal sealed record Result(string Model, string Mode, int Batch, int Image, int Threads, IReadOnlyList<double> Gen, IReadOnlyList<double> Torch, IReadOnlyList<double> Peer, string? PeerName, PeakMemory Memory)
    {
        public double GenMedian => Median(Gen);

        public double TorchMedian => Median(Torch);

        public double PeerMedian => Median(Peer);

        public double GenMin => Gen.Count == 0 ? double.NaN : Gen.Min();

        public double TorchMin => Torch.Count == 0 ? double.NaN : Torch.Min();

        public double PeerMin => Peer.Count == 0 ? double.NaN : Peer.Min();

        public static string Header() =>
            $"{"model",-12} {"measurement",-11} {"Gen ms",9} {"PyTorch ms",10} {"Gen/PyTorch",11} {"hand ms",9} {"Gen/hand",8}   {"Gen min",9} {"PyTorch min",11} {"min ratio",9} {"hand min",9} {"min ratio",9}\n"
            + $"{new string('-', 12)} {new string('-', 11)} {new string('-', 9)} {new string('-', 10)} {new string('-', 11)} {new string('-', 9)} {new string('-', 8)}   {new string('-', 9)} {new string('-', 11)} {new string('-', 9)} {new string('-', 9)} {new string('-', 9)}";

        public string Row() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Model,-12} {Mode + " b" + Batch,-11} {GenMedian,9:F1} {Format(TorchMedian, "F1"),10} {Format(GenMedian / TorchMedian, "F3"),11} {Format(PeerMedian, "F1"),9} {Format(GenMedian / PeerMedian, "F3"),8}   {GenMin,9:F1} {Format(TorchMin, "F1"),11} {Format(GenMin / TorchMin, "F3"),9} {Format(PeerMin, "F1"),9} {Format(GenMin / PeerMin, "F3"),9}");

        /// <summary>The measurement as the run's JSON writes it: every time, medians, minima, ratios, peaks.</summary>
        public JsonObject Json() => new()
        {
            ["model"] = Model,
            ["mode"] = Mode,
            ["batch"] = Batch,
            ["image"] = Image,
            ["threads"] = Threads,
            ["hand"] = PeerName,
            ["gen_median_ms"] = Number(GenMedian),
            ["pytorch_median_ms"] = Number(TorchMedian),
            ["hand_median_ms"] = Number(PeerMedian),
            ["gen_min_ms"] = Number(GenMin),
            ["pytorch_min_ms"] = Number(TorchMin),
            ["hand_min_ms"] = Number(PeerMin),
            ["ratio"] = Number(GenMedian / TorchMedian),
            ["hand_ratio"] = Number(GenMedian / PeerMedian),
            ["min_ratio"] = Number(GenMin / TorchMin),
            ["hand_min_ratio"] = Number(GenMin / PeerMin),
            ["gen_peak_rss_bytes"] = Memory.Gen,
            ["pytorch_peak_rss_bytes"] = Memory.Torch,
            ["hand_peak_rss_bytes"] = Memory.Peer,
            ["gen_ms"] = Times(Gen),
            ["pytorch_ms"] = Times(Torch),
            ["hand_ms"] = Times(Peer),
        };

        private static string Format(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

        private static JsonNode? Number(double value) => double.IsNaN(value) || double.IsInfinity(value) ? null : JsonValue.Create(System.Math.Round(value, 4));

        private static JsonArray Times(IReadOnlyList<double> times) => new(times.Select(t => (JsonNode?)JsonValue.Create(System.Math.Round(t, 3))).ToArray());

        private static double Median(IReadOnlyList<double> values)
        {
            if (values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}
