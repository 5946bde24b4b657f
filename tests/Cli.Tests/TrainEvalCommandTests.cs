using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Gen.Cli.Tests
{
    /// <summary>One synthetic data set and one finished three-epoch run, shared by the tests of a class (training is the slow part).</summary>
    public sealed class TrainedRun : IDisposable
    {
        public TrainedRun()
        {
            Result = Run(Output);
        }

        public SyntheticData Data { get; } = new();

        public string Output { get; } = Gen.TempDirectory();

        public (int Exit, string Out, string Err) Result { get; }

        public (int Exit, string Out, string Err) Run(string outDir, params string[] extra) =>
            Gen.Run(new[] { "train", "FashionResNetNam", "--data-dir", Data.Directory, "--batch", "16", "--lr", "0.05", "--threads", "2", "--out", outDir }
                .Concat(extra.Contains("--epochs") ? Array.Empty<string>() : new[] { "--epochs", "3" })
                .Concat(extra)
                .ToArray());

        public void Dispose()
        {
            Data.Dispose();
            if (Directory.Exists(Output))
            {
                Directory.Delete(Output, recursive: true);
            }
        }
    }

    /// <summary>gen train and gen eval end to end on a synthetic data set in the Debian layout.</summary>
    public sealed class TrainEvalCommandTests : IClassFixture<TrainedRun>, IDisposable
    {
        private readonly TrainedRun run;
        private readonly string output = Gen.TempDirectory();

        public TrainEvalCommandTests(TrainedRun run) => this.run = run;

        private SyntheticData Data => run.Data;

        public void Dispose()
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }

        private (int Exit, string Out, string Err) Train(string outDir, params string[] extra) => run.Run(outDir, extra);

        [Fact]
        public void Train_learns_writes_best_and_last_checkpoints_with_run_records_and_the_curves()
        {
            var (exit, stdout, error) = run.Result;
            var output = run.Output;

            Assert.True(exit == 0, error);
            foreach (var file in new[] { "best.safetensors", "best.json", "last.safetensors", "last.json", "last.optimizer.bin", "curves.png" })
            {
                Assert.True(File.Exists(Path.Combine(output, file)), file + " is missing");
            }

            var record = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "last.json")))!;
            Assert.Equal("completed", (string)record["status"]!);
            var best = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "best.json")))!;
            int bestEpoch = (int)best["state"]!["bestEpoch"]!;
            Assert.Equal(bestEpoch == 3 ? "completed" : "in-progress", (string)best["status"]!);
            Assert.Equal("FashionResNetNam", (string)record["backbone"]!["name"]!);
            Assert.Equal(3, record["state"]!["history"]!.AsArray().Count);
            Assert.Equal(16, (int)record["options"]!["batchSize"]!);
            Assert.StartsWith("2.10", (string)record["versions"]!["libtorch"]!);
            Assert.True((double)record["durationSeconds"]! > 0);
            double accuracy = (double)record["state"]!["bestAccuracy"]!;
            Assert.True(accuracy > 0.5, $"the bands are easy to learn; validation accuracy was {accuracy}");
            Assert.Contains("epoch 3/3", stdout);
            var png = File.ReadAllBytes(Path.Combine(output, "curves.png"));
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Take(4).ToArray());
        }

        [Fact]
        public void Eval_reports_accuracy_per_class_and_a_confusion_matrix_that_accounts_for_every_image()
        {
            var output = run.Output;
            var (exit, stdout, error) = Gen.Run("eval", "FashionResNetNam", "--checkpoint", Path.Combine(output, "best.safetensors"), "--data-dir", Data.Directory, "--json", "--out", this.output);

            Assert.True(exit == 0, error);
            var result = JsonNode.Parse(stdout)!;
            Assert.Equal(Data.TestCount, (long)result["images"]!);
            var confusion = result["confusion"]!.AsArray();
            Assert.Equal(10, confusion.Count);
            Assert.Equal(Data.TestCount, confusion.Sum(row => row!.AsArray().Sum(c => (long)c!)));
            long diagonal = Enumerable.Range(0, 10).Sum(i => (long)confusion[i]![i]!);
            Assert.Equal(diagonal / (double)Data.TestCount, (double)result["accuracy"]!, 6);
            var best = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "best.json")))!;
            int bestEpoch = (int)best["state"]!["bestEpoch"]!;
            Assert.Equal((double)best["state"]!["history"]![bestEpoch - 1]!["validationAccuracy"]!, (double)result["accuracy"]!, 6);
            Assert.True(File.Exists((string)result["heatMap"]!));
        }

        [Fact]
        public void Eval_with_fold_bn_folds_the_batch_norms_and_classifies_every_image_as_unfolded()
        {
            var checkpoint = Path.Combine(run.Output, "best.safetensors");
            var plain = JsonNode.Parse(Gen.Run("eval", "FashionResNetNam", "--checkpoint", checkpoint, "--data-dir", Data.Directory, "--json", "--out", output).Out)!;
            var (exit, stdout, error) = Gen.Run("eval", "FashionResNetNam", "--checkpoint", checkpoint, "--data-dir", Data.Directory, "--json", "--out", output, "--fold-bn");

            Assert.True(exit == 0, error);
            var folded = JsonNode.Parse(stdout)!;
            Assert.Equal(0, (int)plain["foldedBatchNorms"]!);
            Assert.True((int)folded["foldedBatchNorms"]! > 0);
            Assert.Equal(plain["confusion"]!.ToJsonString(), folded["confusion"]!.ToJsonString());
        }

        [Fact]
        public void Eval_reads_a_pickled_pytorch_state_dict_as_well_as_safetensors()
        {
            Directory.CreateDirectory(output);
            var pth = Path.Combine(output, "best.pth");
            using (var model = new Architectures.FashionResNetNam())
            {
                global::Gen.Safetensors.Load(model, Path.Combine(run.Output, "best.safetensors"));
                var state = new System.Collections.Hashtable();
                foreach (var (key, tensor) in global::Gen.PyTorchStateDict.Of(model))
                {
                    state[key] = tensor;
                }

                TorchSharp.PyBridge.PyTorchPickler.PickleStateDict(pth, state);
            }

            var fromSafetensors = JsonNode.Parse(Gen.Run("eval", "FashionResNetNam", "--checkpoint", Path.Combine(run.Output, "best.safetensors"), "--data-dir", Data.Directory, "--json", "--out", output).Out)!;
            var (exit, stdout, error) = Gen.Run("eval", "FashionResNetNam", "--checkpoint", pth, "--data-dir", Data.Directory, "--json", "--out", output);

            Assert.True(exit == 0, error);
            Assert.Equal((double)fromSafetensors["accuracy"]!, (double)JsonNode.Parse(stdout)!["accuracy"]!);
        }

        [Fact]
        public void A_checkpoint_of_another_backbone_names_the_first_mismatching_key_and_shape()
        {
            // CoAtNet0's stem has FashionResNetNam's first key (s0.0.0.weight) with another shape.
            var (exit, _, error) = Gen.Run("eval", "CoAtNet0", "--checkpoint", Path.Combine(run.Output, "best.safetensors"), "--data-dir", Data.Directory);

            Assert.Equal(1, exit);
            Assert.Contains("s0.0.0.weight", error);
            Assert.Contains("[32, 1, 3, 3]", error);
            Assert.Contains("[64, 3, 3, 3]", error);
            Assert.Contains("no weight was changed", error);
        }

        [Fact]
        public void A_checkpoint_that_lacks_the_backbones_keys_names_the_first_missing_key()
        {
            var (exit, _, error) = Gen.Run("eval", "ResNet18Nam", "--checkpoint", Path.Combine(run.Output, "best.safetensors"), "--data-dir", Data.Directory);

            Assert.Equal(1, exit);
            Assert.Contains("'conv1.weight': missing from the file", error);
            Assert.Contains("[64, 3, 3, 3]", error);
            Assert.Contains("no weight was changed", error);
        }

        [Fact]
        public void Missing_data_names_the_debian_package_and_the_folders_searched()
        {
            var empty = Gen.TempDirectory();
            Directory.CreateDirectory(empty);
            try
            {
                var (exit, _, error) = Gen.Run("train", "FashionResNetNam", "--data-dir", empty, "--out", output);

                Assert.Equal(1, exit);
                Assert.Contains("dataset-fashion-mnist", error);
                Assert.Contains(empty, error);
                Assert.False(File.Exists(Path.Combine(output, "last.json")));
            }
            finally
            {
                Directory.Delete(empty);
            }
        }

        [Fact]
        public void An_unwritable_output_folder_fails_before_training_starts()
        {
            var file = Path.Combine(Path.GetTempPath(), "gen-cli-not-a-folder-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(file, "a file, not a folder");
            try
            {
                var (exit, stdout, error) = Train(Path.Combine(file, "run"));

                Assert.Equal(1, exit);
                Assert.Contains("not writable", error);
                Assert.DoesNotContain("epoch 1", stdout);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void A_diverging_loss_stops_training_with_a_message()
        {
            var (exit, _, error) = Gen.Run("train", "FashionResNetNam", "--data-dir", Data.Directory, "--epochs", "1", "--lr", "1e30", "--out", output);

            Assert.Equal(1, exit);
            Assert.Contains("the loss became", error);
            Assert.False(File.Exists(Path.Combine(output, "last.safetensors")), "no epoch completed, so no checkpoint may claim one");
        }

        [Fact]
        public void Resume_continues_a_run_to_the_same_weights_as_an_uninterrupted_one()
        {
            // The shared run is the uninterrupted one; the same seed must reproduce it exactly.
            var straight = run.Output;
            {
                // One epoch of a three-epoch run: the same options, stopped after epoch 1 by --stop-after.
                Assert.Equal(0, Train(output, "--stop-after", "1").Exit);
                var (exit, stdout, error) = Train(output, "--resume");

                Assert.True(exit == 0, error);
                Assert.Contains("resuming after epoch 1", stdout);
                Assert.Equal(File.ReadAllBytes(Path.Combine(straight, "last.safetensors")), File.ReadAllBytes(Path.Combine(output, "last.safetensors")));
                Assert.Equal(File.ReadAllBytes(Path.Combine(straight, "last.optimizer.bin")), File.ReadAllBytes(Path.Combine(output, "last.optimizer.bin")));
            }
        }

        [Fact]
        public void Resume_with_other_options_is_refused()
        {
            Directory.CreateDirectory(output);
            File.Copy(Path.Combine(run.Output, "last.json"), Path.Combine(output, "last.json"));

            var (exit, _, error) = Gen.Run("train", "FashionResNetNam", "--data-dir", Data.Directory, "--batch", "16", "--lr", "0.07", "--out", output, "--resume");

            Assert.Equal(2, exit);
            Assert.Contains("options differ", error);
        }
    }
}
