using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gen.Cli.Catalog;
using Gen.Data;
using Gen.Training;

namespace Gen.Cli.Commands
{
    /// <summary>The parts of a run record that the command knows: backbone, fit, options, data, versions.</summary>
    internal static class RunRecords
    {
        public static JsonObject Header(BackboneInfo info, ModelFit fit, TrainingOptions options, LabelledImages train, LabelledImages validation, int threads, InputPipeline input) => new()
        {
            ["backbone"] = new JsonObject
            {
                ["name"] = info.Name,
                ["type"] = info.FullName,
                ["family"] = info.Family,
                ["description"] = info.Description,
                ["declaredParameters"] = info.ParameterCount,
            },
            ["input"] = new JsonObject
            {
                ["classes"] = fit.Classes,
                ["channels"] = fit.Channels,
                ["height"] = fit.Height,
                ["width"] = fit.Width,
                ["mean"] = input.Mean,
                ["std"] = input.Std,
                ["notes"] = new JsonArray(fit.Notes.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
            },
            ["options"] = JsonSerializer.SerializeToNode(options, RunStore.Json),
            ["data"] = new JsonObject
            {
                ["train"] = train.Description,
                ["trainImages"] = train.Count,
                ["validation"] = validation.Description,
                ["validationImages"] = validation.Count,
            },
            ["versions"] = Versions(),
            ["threads"] = threads,
            ["started"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        };

        public static JsonObject Versions() => new()
        {
            ["gen"] = Program.Version,
            ["torchSharp"] = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(),
            ["libtorch"] = TorchSharp.torch.__version__,
            ["dotnet"] = Environment.Version.ToString(),
        };
    }
}
