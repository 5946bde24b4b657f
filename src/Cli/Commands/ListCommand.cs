using System.CommandLine;
using System.Linq;
using System.Text.Json.Nodes;
using Gen.Cli.Catalog;
using Gen.Cli.Output;
using Gen.Training;
using Spectre.Console;

namespace Gen.Cli.Commands
{
    /// <summary><c>gen list</c>: every backbone of the catalog, with its counts (timm's list_models).</summary>
    internal static class ListCommand
    {
        public static Command Create()
        {
            var json = CommonOptions.Json();
            var command = new Command("list", "List every backbone Gen generated, with family, parameters, input size, stages and multiply-accumulates (all known at compile time).\nExamples:\n  gen list\n  gen list --json") { json };
            command.SetAction(parse =>
            {
                var output = parse.InvocationConfiguration.Output;
                if (parse.GetValue(json))
                {
                    var array = new JsonArray(ModelCatalog.All.Select(b => (JsonNode)new JsonObject
                    {
                        ["name"] = b.Name,
                        ["type"] = b.FullName,
                        ["family"] = b.Family,
                        ["parameters"] = b.ParameterCount,
                        ["buffers"] = b.BufferCount,
                        ["macs"] = b.MacCount,
                        ["inChannels"] = b.InChannels,
                        ["imageHeight"] = b.ImageHeight,
                        ["imageWidth"] = b.ImageWidth,
                        ["classes"] = b.Classes,
                        ["stages"] = b.Stages,
                        ["fixedInputSize"] = b.FixedInputSize,
                        ["description"] = b.Description,
                    }).ToArray());
                    output.WriteLine(array.ToJsonString(RunStore.Json));
                    return Program.Success;
                }

                var table = new Table().Border(TableBorder.Rounded);
                foreach (var column in new[] { "backbone", "family", "parameters", "input", "stages", "MACs", "classes" })
                {
                    table.AddColumn(column is "parameters" or "MACs" or "stages" or "classes" ? new TableColumn(column).RightAligned() : new TableColumn(column));
                }

                foreach (var b in ModelCatalog.All)
                {
                    table.AddRow(
                        b.Name,
                        Markup.Escape(b.Family),
                        CommonOptions.Number(b.ParameterCount),
                        $"{b.InChannels}x{b.ImageHeight}x{b.ImageWidth}{(b.FixedInputSize ? " (fixed)" : string.Empty)}",
                        b.Stages.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        b.MacCount is long m ? Macs(m) : "?",
                        b.HasHead ? b.Classes.ToString(System.Globalization.CultureInfo.InvariantCulture) : "features");
                }

                Consoles.For(output).Write(table);
                return Program.Success;
            });
            return command;
        }

        public static string Macs(long macs) => macs >= 1_000_000_000
            ? (macs / 1e9).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + " G"
            : (macs / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " M";
    }
}
