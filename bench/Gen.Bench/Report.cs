using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace Gen.Bench
{
    /// <summary>
    /// The markdown table of a run's JSON (what <c>--json</c> writes), and the README section it
    /// replaces: everything between <see cref="StartMarker"/> and <see cref="EndMarker"/>.
    /// </summary>
    internal static class Report
    {
        public const string StartMarker = "<!-- bench-table:start -->";

        public const string EndMarker = "<!-- bench-table:end -->";

        private static readonly string[] Columns =
        {
            "model", "measurement", "threads", "Gen ms", "PyTorch 1.13.1 ms", "Gen/PyTorch", "hand ms", "Gen/hand",
            "Gen min", "PyTorch min", "min Gen/PyTorch", "hand min", "min Gen/hand",
            "peak RSS Gen MiB", "peak RSS PyTorch MiB", "peak RSS hand MiB",
        };

        public static string Render(JsonNode run)
        {
            var runs = run["runs"]?.AsArray() ?? throw new InvalidOperationException("the JSON has no 'runs' (is it a Gen.Bench --json file?).");
            var machine = run["machine"];
            var options = run["options"];
            var first = runs.FirstOrDefault();
            var versions = first?["versions"];
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Run of {run["started"]} ({run["seconds"]} s): {machine?["processors"]} processors, load average {machine?["load_average_start"]} at the start and {machine?["load_average_end"]} at the end; ");
            text.Append(CultureInfo.InvariantCulture, $"Gen on TorchSharp {versions?["torchsharp"]} / libtorch {versions?["libtorch"]}");
            if (versions?["pytorch"] is JsonNode pytorch)
            {
                var blas = versions["pytorch_blas"]?.AsArray().Select(b => Path.GetFileName((string?)b)).FirstOrDefault(b => b is not null && b.Contains("openblas", StringComparison.Ordinal));
                text.Append(CultureInfo.InvariantCulture, $", PyTorch {pytorch} (Debian's 1.13.1: another libtorch){(blas is null ? string.Empty : " on " + blas)}");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"; {options?["runs"]} timed run(s) after {options?["warmup"]} warm-up per side, alternating.");
            text.AppendLine("Medians and minima in ms; ratios = Gen / other side, below 1 = Gen faster. hand = the same model written by hand in TorchSharp on Gen's libtorch (TorchVision's resnet50; bench/Gen.Bench/Hand for the others).");
            text.AppendLine("Peak RSS: peak minus resident set before one untimed training step of each side, MiB.");
            text.AppendLine();
            text.AppendLine("| " + string.Join(" | ", Columns) + " |");
            text.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", Columns.Length)));
            foreach (var m in Ordered(runs, options))
            {
                var cells = new[]
                {
                    (string?)m["model"] ?? "?",
                    $"{m["mode"]} b{m["batch"]}",
                    m["threads"]?.ToString() ?? "?",
                    Ms(m["gen_median_ms"]), Ms(m["pytorch_median_ms"]), Ratio(m["ratio"]), Ms(m["hand_median_ms"]), Ratio(m["hand_ratio"]),
                    Ms(m["gen_min_ms"]), Ms(m["pytorch_min_ms"]), Ratio(m["min_ratio"]), Ms(m["hand_min_ms"]), Ratio(m["hand_min_ratio"]),
                    MiB(m["gen_peak_rss_bytes"]), MiB(m["pytorch_peak_rss_bytes"]), MiB(m["hand_peak_rss_bytes"]),
                };
                text.AppendLine("| " + string.Join(" | ", cells) + " |");
            }

            return text.ToString().TrimEnd('\n');
        }

        /// <summary>Replaces the text between the markers of <paramref name="readme"/> with <paramref name="table"/>, atomically.</summary>
        public static void RewriteReadme(string readme, string table)
        {
            var text = File.ReadAllText(readme);
            var start = text.IndexOf(StartMarker, StringComparison.Ordinal);
            var end = text.IndexOf(EndMarker, StringComparison.Ordinal);
            if (start < 0 || end < start)
            {
                throw new InvalidOperationException($"{readme} has no '{StartMarker}' ... '{EndMarker}' section to rewrite.");
            }

            var rewritten = text[..(start + StartMarker.Length)] + "\n" + table + "\n" + text[end..];
            IO.AtomicFile.WriteText(readme, rewritten);
        }

        // Rows by model (in the run's order), then measurement, then thread count: the counts of one measurement side by side.
        private static IEnumerable<JsonNode> Ordered(JsonArray runs, JsonNode? options)
        {
            var models = options?["models"]?.AsArray().Select(m => (string?)m).ToList() ?? new List<string?>();
            var all = runs.SelectMany(r => r?["measurements"]?.AsArray() ?? new JsonArray()).OfType<JsonNode>().ToList();
            var measurements = all.Select(Measurement).Distinct().ToList();
            return all
                .OrderBy(m => models.IndexOf((string?)m["model"]) is var i and >= 0 ? i : int.MaxValue)
                .ThenBy(m => measurements.IndexOf(Measurement(m)))
                .ThenBy(m => (int?)m["threads"] ?? 0);
        }

        private static string Measurement(JsonNode m) => $"{m["mode"]} b{m["batch"]}";

        private static string Ms(JsonNode? value) => value is null ? "-" : ((double)value).ToString("F1", CultureInfo.InvariantCulture);

        private static string Ratio(JsonNode? value) => value is null ? "-" : ((double)value).ToString("F3", CultureInfo.InvariantCulture);

        private static string MiB(JsonNode? value) => value is null ? "-" : ((long)value / (1024.0 * 1024.0)).ToString("F0", CultureInfo.InvariantCulture);
    }
}
