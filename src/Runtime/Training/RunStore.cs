using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Gen.IO;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gen.Training
{
    /// <summary>
    /// The files of a training run in its output folder, each written atomically:
    /// <c>last.safetensors</c>, <c>last.optimizer.bin</c> (TorchSharp's optimizer state) and
    /// <c>last.json</c> after every epoch; <c>best.safetensors</c> and <c>best.json</c> when the
    /// validation accuracy improves. A JSON run record holds the backbone, the hyper-parameters, every
    /// epoch's metrics, the versions and the duration.
    /// </summary>
    public sealed class RunStore
    {
        /// <summary>JSON settings of run records (camel case, enums by name, indented).</summary>
        public static readonly JsonSerializerOptions Json = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        };

        private readonly JsonObject header;
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly double previousSeconds;

        /// <summary>Creates the folder if needed and checks that it is writable, before any training starts.</summary>
        /// <param name="directory">The output folder.</param>
        /// <param name="header">What the run record says besides the state: backbone, options, data, versions.</param>
        /// <param name="previousSeconds">Training time of earlier sessions of a resumed run.</param>
        /// <exception cref="IOException">The folder cannot be created or written; the message names it.</exception>
        public RunStore(string directory, JsonObject header, double previousSeconds = 0)
        {
            Directory = Path.GetFullPath(directory);
            this.header = header;
            this.previousSeconds = previousSeconds;
            try
            {
                System.IO.Directory.CreateDirectory(Directory);
                AtomicFile.WriteText(Path.Combine(Directory, ".write-check"), "ok");
                File.Delete(Path.Combine(Directory, ".write-check"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"the output folder {Directory} is not writable: {e.Message}", e);
            }
        }

        /// <summary>The output folder.</summary>
        public string Directory { get; }

        /// <summary>The path of <paramref name="name"/> in the folder.</summary>
        public string PathOf(string name) => Path.Combine(Directory, name);

        /// <summary>Writes the epoch's checkpoint(s): last always, best when <paramref name="best"/>.</summary>
        public void SaveEpoch(nn.Module model, OptimizerHelper optimizer, TrainingState state, bool best)
        {
            // The record is written last: a reader that finds a record finds its weights.
            Safetensors.Save(model, PathOf("last.safetensors"));
            AtomicFile.Write(PathOf("last.optimizer.bin"), stream =>
            {
                using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
                optimizer.save_state_dict(writer);
            });
            AtomicFile.WriteText(PathOf("last.json"), Record(state, "last", "in-progress"));
            if (best)
            {
                Safetensors.Save(model, PathOf("best.safetensors"));
                AtomicFile.WriteText(PathOf("best.json"), Record(state, "best", "in-progress"));
            }
        }

        /// <summary>Rewrites <c>last.json</c> with the run's final status (completed, interrupted, diverged).</summary>
        public void Finish(TrainingState state, TrainingStatus status, string? message)
        {
            if (state.CompletedEpochs == 0)
            {
                return;
            }

            AtomicFile.WriteText(PathOf("last.json"), Record(state, "last", status.ToString().ToLowerInvariant(), message));
            if (state.BestEpoch == state.CompletedEpochs && File.Exists(PathOf("best.json")))
            {
                // The best checkpoint is the last one: its record gets the final status too.
                AtomicFile.WriteText(PathOf("best.json"), Record(state, "best", status.ToString().ToLowerInvariant(), message));
            }
        }

        /// <summary>Total training seconds so far (earlier sessions included).</summary>
        public double Seconds => previousSeconds + clock.Elapsed.TotalSeconds;

        /// <summary>Reads a run record.</summary>
        public static JsonObject ReadRecord(string path) =>
            JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{path} is not a JSON object.");

        /// <summary>The training state stored in a run record.</summary>
        public static TrainingState StateOf(JsonObject record) =>
            record["state"]?.Deserialize<TrainingState>(Json) ?? throw new InvalidDataException("the run record has no state.");

        /// <summary>Loads the optimizer state of <c>last.optimizer.bin</c> in <paramref name="directory"/>.</summary>
        public static void LoadOptimizer(OptimizerHelper optimizer, string directory)
        {
            using var stream = File.OpenRead(Path.Combine(directory, "last.optimizer.bin"));
            using var reader = new BinaryReader(stream);
            optimizer.load_state_dict(reader);
        }

        private string Record(TrainingState state, string checkpoint, string status, string? message = null)
        {
            var record = (JsonObject)header.DeepClone();
            record["checkpoint"] = checkpoint;
            record["status"] = status;
            if (message is not null)
            {
                record["message"] = message;
            }

            record["weights"] = checkpoint + ".safetensors";
            record["durationSeconds"] = Math.Round(Seconds, 1);
            record["state"] = JsonSerializer.SerializeToNode(state, Json);
            return record.ToJsonString(Json);
        }
    }
}
