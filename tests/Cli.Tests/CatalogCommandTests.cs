using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace Gen.Cli.Tests
{
    /// <summary>gen list, gen summary and the conventions every command shares.</summary>
    public sealed class CatalogCommandTests
    {
        [Fact]
        public void List_json_names_every_declared_architecture_with_its_compile_time_parameter_count()
        {
            var (exit, output, _) = Gen.Run("list", "--json");

            Assert.Equal(0, exit);
            var rows = JsonNode.Parse(output)!.AsArray();
            var byName = rows.ToDictionary(r => (string)r!["name"]!, r => r!);
            Assert.Equal(Architectures.ResNet50.ParameterCount, (long)byName["ResNet50"]["parameters"]!);
            Assert.Equal(Architectures.CoAtNet0.ParameterCount, (long)byName["CoAtNet0"]["parameters"]!);
            Assert.Equal(Architectures.FashionResNetNam.ParameterCount, (long)byName["FashionResNetNam"]["parameters"]!);
            Assert.True((bool)byName["CoAtNet0"]["fixedInputSize"]!);
            Assert.False((bool)byName["ResNet50"]["fixedInputSize"]!);
            Assert.Equal(1, (int)byName["FashionResNetNam"]["inChannels"]!);
        }

        [Fact]
        public void List_table_shows_every_backbone()
        {
            var (exit, output, _) = Gen.Run("list");

            Assert.Equal(0, exit);
            foreach (var b in global::Gen.Architectures.GenBackbones.All)
            {
                Assert.Contains(b.Name, output);
            }
        }

        [Fact]
        public void Summary_of_ResNet50_counts_torchvisions_published_4_09_GMACs_within_one_percent()
        {
            var (exit, output, _) = Gen.Run("summary", "ResNet50", "--json", "--depth", "1");

            Assert.Equal(0, exit);
            var summary = JsonNode.Parse(output)!;
            double macs = (long)summary["macs"]!;
            Assert.InRange(macs, 4.09e9 * 0.99, 4.09e9 * 1.01);
            Assert.Equal(25_557_032L, (long)summary["parameters"]!);
            var modules = summary["modules"]!.AsArray();
            Assert.Contains(modules, m => (string)m!["path"]! == "layer4");
            var layer4 = modules.Single(m => (string)m!["path"]! == "layer4")!;
            Assert.Equal(new long[] { 1, 2048, 7, 7 }, layer4["output"]!.AsArray().Select(d => (long)d!).ToArray());
        }

        [Fact]
        public void Summary_at_another_size_and_class_count_follows_the_input()
        {
            var (exit, output, _) = Gen.Run("summary", "ResNet50", "--json", "--image", "112", "--classes", "10");

            Assert.Equal(0, exit);
            var summary = JsonNode.Parse(output)!;
            Assert.Equal(25_557_032L - (2048L * 990) - 990, (long)summary["parameters"]!);
            // Halving the side quarters every map (the last stage rounds 3.5 up to 4, so a little more).
            Assert.InRange((long)summary["macs"]!, 4.09e9 * 0.25, 4.09e9 * 0.30);
        }

        [Fact]
        public void An_unknown_backbone_is_a_usage_error_that_suggests_the_closest_name()
        {
            var (exit, _, error) = Gen.Run("summary", "resnet5O");

            Assert.Equal(2, exit);
            Assert.Contains("unknown backbone 'resnet5O'", error);
            Assert.Contains("Did you mean ResNet50", error);
        }

        [Fact]
        public void A_position_aware_backbone_refuses_another_image_size()
        {
            var (exit, _, error) = Gen.Run("summary", "CoAtNet0", "--image", "160");

            Assert.Equal(2, exit);
            Assert.Contains("224x224", error);
        }

        [Theory]
        [InlineData("list")]
        [InlineData("summary")]
        [InlineData("train")]
        [InlineData("eval")]
        [InlineData("bench")]
        public void Every_command_has_help_with_examples(string command)
        {
            var (exit, output, _) = Gen.Run(command, "--help");

            Assert.Equal(0, exit);
            Assert.Contains("Examples:", output);
            Assert.Contains("gen " + command, output);
        }

        [Fact]
        public void Version_prints_the_version()
        {
            var (exit, output, _) = Gen.Run("--version");

            Assert.Equal(0, exit);
            Assert.StartsWith("0.2.0", output.Trim());
        }

        [Fact]
        public void An_unknown_option_is_exit_code_2()
        {
            var (exit, _, error) = Gen.Run("list", "--frobnicate");

            Assert.Equal(2, exit);
            Assert.Contains("--frobnicate", error);
        }

        [Theory]
        [InlineData("0")]
        [InlineData("two")]
        public void An_invalid_GEN_THREADS_is_a_usage_error(string value)
        {
            var before = System.Environment.GetEnvironmentVariable("GEN_THREADS");
            System.Environment.SetEnvironmentVariable("GEN_THREADS", value);
            try
            {
                var (exit, _, error) = Gen.Run("list");
                Assert.Equal(2, exit);
                Assert.Contains($"GEN_THREADS must be a positive integer (a thread count), not '{value}'", error);
            }
            finally
            {
                System.Environment.SetEnvironmentVariable("GEN_THREADS", before);
            }
        }

        [Fact]
        public void An_invalid_GEN_MALLOC_is_a_usage_error()
        {
            var before = System.Environment.GetEnvironmentVariable(EngineMemory.Variable);
            System.Environment.SetEnvironmentVariable(EngineMemory.Variable, "jemalloc");
            try
            {
                var (exit, _, error) = Gen.Run("list");
                Assert.Equal(2, exit);
                Assert.Contains("GEN_MALLOC must be 'retain'", error);
                Assert.Contains("not 'jemalloc'", error);
            }
            finally
            {
                System.Environment.SetEnvironmentVariable(EngineMemory.Variable, before);
            }
        }

        [Fact]
        public void Bench_json_reports_throughput_and_peak_memory()
        {
            var (exit, output, _) = Gen.Run("bench", "FashionResNetNam", "--batch", "2", "--runs", "2", "--warmup", "0", "--json");

            Assert.Equal(0, exit);
            var bench = JsonNode.Parse(output)!;
            var modes = bench["measurements"]!.AsArray().Select(m => (string)m!["mode"]!).ToArray();
            Assert.Equal(new[] { "forward", "train" }, modes);
            Assert.All(bench["measurements"]!.AsArray(), m => Assert.True((double)m!["imagesPerSecond"]! > 0));
            Assert.True((long)bench["peakResidentBytes"]! > 0);
        }

        [Fact]
        public void Bench_with_fold_bn_times_the_folded_forward_pass_only()
        {
            var (exit, output, error) = Gen.Run("bench", "ResNet18Nam", "--batch", "1", "--runs", "1", "--warmup", "0", "--image", "32", "--fold-bn", "--json");

            Assert.True(exit == 0, error);
            var bench = JsonNode.Parse(output)!;
            Assert.Equal(new[] { "forward" }, bench["measurements"]!.AsArray().Select(m => (string)m!["mode"]!).ToArray());
            Assert.Equal(20, (int)bench["foldedBatchNorms"]!);
        }
    }
}
