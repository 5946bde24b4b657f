using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gen.Cli.Catalog;
using Gen.Cli.Checkpoints;
using Gen.Cli.Output;
using Gen.Training;
using Spectre.Console;
using static TorchSharp.torch;

namespace Gen.Cli.Commands
{
    /// <summary><c>gen eval</c>: top-1 and per-class accuracy and the confusion matrix of a checkpoint.</summary>
    internal static class EvalCommand
    {
        public static Command Create()
        {
            var backbone = CommonOptions.Backbone();
            var checkpoint = new Option<string>("--checkpoint") { Description = "The weights: .safetensors, or a PyTorch state dict (.pth/.pt/.bin).", Required = true };
            var data = CommonOptions.Data();
            var dataDir = CommonOptions.DataDir();
            var limit = CommonOptions.Limit();
            var json = CommonOptions.Json();
            var outDir = new Option<string?>("--out") { Description = "Folder for confusion.png (default: the checkpoint's folder)." };
            var batch = new Option<int>("--batch") { Description = "Images per forward pass.", DefaultValueFactory = _ => 500 };
            var threads = CommonOptions.Threads();
            var image = CommonOptions.Image();
            var classes = CommonOptions.Classes();
            var foldBn = CommonOptions.FoldBatchNorm();
            var command = new Command("eval", "Evaluate a checkpoint on the test split: top-1 accuracy, per-class accuracy and the confusion matrix (a table and a PNG heat map). Every key and shape of the checkpoint is checked before any weight changes.\n"
                + "Examples:\n  gen eval FashionResNetNam --checkpoint runs/fm/best.safetensors\n  gen eval FashionResNetNam --checkpoint model.pth --json")
            {
                backbone, checkpoint, data, dataDir, limit, json, outDir, batch, threads, image, classes, foldBn,
            };
            command.SetAction(parse =>
            {
                var info = ModelCatalog.Find(parse.GetValue(backbone)!);
                CommonOptions.ApplyThreads(parse.GetValue(threads));
                var path = Path.GetFullPath(parse.GetValue(checkpoint)!);
                using var test = DataSets.Load(parse.GetValue(data)!, false, parse.GetValue(dataDir), parse.GetValue(limit));
                var fit = ModelFit.For(info, test, parse.GetValue(classes), CommonOptions.ImageSize(parse.GetValue(image)));
                var (mean, std) = Normalization(path, parse.GetValue(data)!, parse.GetValue(dataDir));
                using var model = fit.Create();
                CheckpointLoader.Load(model, path);
                int folded = CommonOptions.ApplyFoldBatchNorm(model, parse.GetValue(foldBn));
                int batchSize = parse.GetValue(batch) is var b and > 0 ? b : throw new UsageException("--batch must be positive.");
                var result = Evaluator.Evaluate(model, test, fit.Pipeline(mean, std), batchSize);
                var png = Path.Combine(Path.GetFullPath(parse.GetValue(outDir) ?? Path.GetDirectoryName(path)!), "confusion.png");
                Directory.CreateDirectory(Path.GetDirectoryName(png)!);
                Plots.Confusion(result.Confusion, result.Classes, FormattableString.Invariant($"{info.Name}: {100 * result.Accuracy:F2}% top-1 on {result.Count:N0} test images"), png);
                var output = parse.InvocationConfiguration.Output;
                if (parse.GetValue(json))
                {
                    var record = Json(info, path, test.Description, result, png);
                    record["foldedBatchNorms"] = folded;
                    output.WriteLine(record.ToJsonString(RunStore.Json));
                }
                else
                {
                    Print(Consoles.For(output), info, path, test.Description, result, png);
                }

                return Program.Success;
            });
            return command;
        }

        /// <summary>The normalization the checkpoint was trained with (its run record), else the training split's.</summary>
        private static (float Mean, float Std) Normalization(string checkpoint, string data, string? dataDir)
        {
            var record = Path.ChangeExtension(checkpoint, ".json");
            if (File.Exists(record))
            {
                var input = RunStore.ReadRecord(record)["input"];
                if (input?["mean"] is JsonNode mean && input["std"] is JsonNode std)
                {
                    return ((float)mean, (float)std);
                }
            }

            using var train = DataSets.Load(data, true, dataDir, null);
            return InputPipeline.Statistics(train);
        }

        private static void Print(IAnsiConsole console, BackboneInfo info, string checkpoint, string data, EvaluationResult result, string png)
        {
            console.WriteLine($"gen eval {info.Name}: {checkpoint} on {data}");
            console.WriteLine(FormattableString.Invariant($"top-1 accuracy {100 * result.Accuracy:F2}% ({result.Count:N0} images), mean loss {result.Loss:F4}"));
            var perClass = new Table().Border(TableBorder.Rounded).Title("per class");
            perClass.AddColumn("class").AddColumn(new TableColumn("accuracy").RightAligned());
            for (int i = 0; i < result.Classes.Count; i++)
            {
                perClass.AddRow(Markup.Escape(result.Classes[i]), FormattableString.Invariant($"{100 * result.ClassAccuracy(i):F2}%"));
            }

            console.Write(perClass);
            var matrix = new Table().Border(TableBorder.Rounded).Title("confusion (rows: true class, columns: predicted)");
            matrix.AddColumn("");
            for (int j = 0; j < result.Classes.Count; j++)
            {
                matrix.AddColumn(new TableColumn(j.ToString(System.Globalization.CultureInfo.InvariantCulture)).RightAligned());
            }

            for (int i = 0; i < result.Classes.Count; i++)
            {
                var row = new[] { $"{i} {Markup.Escape(result.Classes[i])}" }
                    .Concat(Enumerable.Range(0, result.Classes.Count).Select(j => result.Confusion[i, j].ToString(System.Globalization.CultureInfo.InvariantCulture)));
                matrix.AddRow(row.ToArray());
            }

            console.Write(matrix);
            console.WriteLine($"heat map: {png}");
        }

        private static JsonObject Json(BackboneInfo info, string checkpoint, string data, EvaluationResult result, string png)
        {
            var matrix = new JsonArray();
            for (int i = 0; i < result.Classes.Count; i++)
            {
                matrix.Add(new JsonArray(Enumerable.Range(0, result.Classes.Count).Select(j => (JsonNode)JsonValue.Create(result.Confusion[i, j])!).ToArray()));
            }

            return new JsonObject
            {
                ["backbone"] = info.Name,
                ["checkpoint"] = checkpoint,
                ["data"] = data,
                ["images"] = result.Count,
                ["accuracy"] = result.Accuracy,
                ["loss"] = result.Loss,
                ["classes"] = new JsonArray(result.Classes.Select((c, i) => (JsonNode)new JsonObject { ["name"] = c, ["accuracy"] = result.ClassAccuracy(i) }).ToArray()),
                ["confusion"] = matrix,
                ["heatMap"] = png,
            };
        }
    }
}
