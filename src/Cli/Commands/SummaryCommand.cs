using System;
using System.CommandLine;
using System.Linq;
using System.Text.Json.Nodes;
using Gen.Cli.Catalog;
using Gen.Cli.Inspection;
using Gen.Cli.Output;
using Gen.Training;
using Spectre.Console;

namespace Gen.Cli.Commands
{
    /// <summary><c>gen summary</c>: torchinfo's view of a backbone at an input size.</summary>
    internal static class SummaryCommand
    {
        public static Command Create()
        {
            var backbone = CommonOptions.Backbone();
            var image = CommonOptions.Image();
            var classes = CommonOptions.Classes();
            var depth = new Option<int>("--depth") { Description = "Show modules down to this depth (1: stages and stem; default: all).", DefaultValueFactory = _ => int.MaxValue };
            var json = CommonOptions.Json();
            var command = new Command("summary", "Show every module of a backbone with its type, output shape, parameters and multiply-accumulates at an input size (one forward pass at batch 1), with totals and the activation memory.\n"
                + "Examples:\n  gen summary ResNet50\n  gen summary ResNet50 --image 160 --classes 10 --depth 1\n  gen summary CoAtNet0 --json")
            {
                backbone, image, classes, depth, json,
            };
            command.SetAction(parse =>
            {
                var info = ModelCatalog.Find(parse.GetValue(backbone)!);
                var size = CommonOptions.ImageSize(parse.GetValue(image));
                var (height, width) = ModelFit.InputSize(info, size);
                long numClasses = parse.GetValue(classes) ?? info.Classes;
                using var model = info.Create(numClasses);
                var (rows, parameters, macs, activations) = ModuleSummary.Of(model, info.InChannels, height, width);
                int maxDepth = parse.GetValue(depth);
                var output = parse.InvocationConfiguration.Output;
                if (parse.GetValue(json))
                {
                    output.WriteLine(new JsonObject
                    {
                        ["backbone"] = info.Name,
                        ["input"] = new JsonArray(1, info.InChannels, height, width),
                        ["classes"] = numClasses,
                        ["parameters"] = parameters,
                        ["macs"] = macs,
                        ["declaredMacs"] = info.MacCount,
                        ["activationBytes"] = activations,
                        ["modules"] = new JsonArray(rows.Where(r => r.Depth < maxDepth).Select(r => (JsonNode)new JsonObject
                        {
                            ["path"] = r.Path,
                            ["type"] = r.Type,
                            ["output"] = r.OutputShape is null ? null : new JsonArray(r.OutputShape.Select(d => (JsonNode)JsonValue.Create(d)!).ToArray()),
                            ["parameters"] = r.Parameters,
                            ["macs"] = r.Macs,
                        }).ToArray()),
                    }.ToJsonString(RunStore.Json));
                    return Program.Success;
                }

                var console = Consoles.For(output);
                var table = new Table().Border(TableBorder.Rounded).Title($"{info.Name} at 1x{info.InChannels}x{height}x{width}, {numClasses} classes");
                table.AddColumn("module").AddColumn("type").AddColumn("output").AddColumn(new TableColumn("parameters").RightAligned()).AddColumn(new TableColumn("MACs").RightAligned());
                foreach (var r in rows.Where(r => r.Depth < maxDepth))
                {
                    table.AddRow(
                        Markup.Escape(new string(' ', 2 * r.Depth) + r.Path),
                        Markup.Escape(r.Type),
                        r.OutputShape is null ? "-" : Markup.Escape("[" + string.Join(", ", r.OutputShape) + "]"),
                        CommonOptions.Number(r.Parameters),
                        CommonOptions.Number(r.Macs));
                }

                console.Write(table);
                console.WriteLine($"total parameters: {CommonOptions.Number(parameters)}");
                console.WriteLine($"multiply-accumulates: {CommonOptions.Number(macs)} ({ListCommand.Macs(macs)}){(info.MacCount is long declared && (height, width) == (info.ImageHeight, info.ImageWidth) && numClasses == info.Classes ? $"; compile-time count {CommonOptions.Number(declared)}" : string.Empty)}");
                console.WriteLine(FormattableString.Invariant($"activations of one image (module outputs, float32): {activations / (1024.0 * 1024.0):F2} MiB; parameters: {parameters * 4 / (1024.0 * 1024.0):F2} MiB"));
                return Program.Success;
            });
            return command;
        }
    }
}
