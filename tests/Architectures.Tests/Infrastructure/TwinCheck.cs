using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Gen.Tests.Shared;
using TorchSharp;
using static TorchSharp.torch;

namespace Gen.Architectures.Tests.Infrastructure
{
    /// <summary>
    /// Runs a backbone in Gen and its PyTorch twin on Debian's PyTorch with the same weights and
    /// inputs (twin/check_twin.py says what is compared), and returns the script's report.
    /// </summary>
    internal static class TwinCheck
    {
        public const int Seed = 7;

        private static string Script => Path.Combine(AppContext.BaseDirectory, "twin", "check_twin.py");

        /// <summary>
        /// Checks <paramref name="backbone"/> at batch <paramref name="batch"/> in float32 and in float64
        /// (the same weights and inputs, cast); returns the two reports, float32 first. The files go to
        /// a fresh folder that is deleted after.
        /// </summary>
        public static (JsonElement Float32, JsonElement Float64) Run(BackboneInfo backbone, int batch = 2)
        {
            var folder = Directory.CreateTempSubdirectory("gen-twin-").FullName;
            try
            {
                var single = Path.Combine(folder, "float32");
                var @double = Path.Combine(folder, "float64");
                Write(backbone, batch, single, ScalarType.Float32);
                Write(backbone, batch, @double, ScalarType.Float64);
                var twin = Path.Combine(folder, backbone.Name + ".py");
                File.WriteAllText(twin, backbone.PyTorchTwin);
                var (code, output, error) = DebianPython.Run(TimeSpan.FromMinutes(10), Script, "--twin", twin, "--model", backbone.Name, "--dir", single, "--dir", @double, "--seed", Seed.ToString(), "--tolerance", "1");
                var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).ToList();
                if (code != 0 || lines.Count != 2)
                {
                    throw new InvalidOperationException($"check_twin.py failed for {backbone.Name} (exit {code}): {error}{output}");
                }

                return (JsonDocument.Parse(lines[0]).RootElement.Clone(), JsonDocument.Parse(lines[1]).RootElement.Clone());
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        private static void Write(BackboneInfo backbone, int batch, string folder, ScalarType dtype)
        {
            Directory.CreateDirectory(folder);
            using var scope = NewDisposeScope();
            manual_seed(Seed);
            using var model = backbone.Create(Math.Max(backbone.Classes, 1));
            Perturb(model);
            var input = randn(batch, backbone.InChannels, backbone.ImageHeight, backbone.ImageWidth);
            if (dtype != ScalarType.Float32)
            {
                model.to(dtype);
                input = input.to_type(dtype);
            }

            Safetensors.Save(model, Path.Combine(folder, "weights.safetensors"));
            var io = new List<KeyValuePair<string, Tensor>> { new("input", input) };
            model.eval();
            using (no_grad())
            {
                io.Add(new("eval.output", model.call(input)));
                var features = (Tensor[])model.GetType().GetMethod("ForwardFeatures")!.Invoke(model, new object[] { input })!;
                for (var i = 0; i < features.Length; i++)
                {
                    io.Add(new($"eval.features.{i}", features[i]));
                }
            }

            model.train();
            var x = input.clone().requires_grad_(true);
            manual_seed(Seed);
            var output = model.call(x);
            manual_seed(Seed + 1);
            var weight = randn(output.shape).to_type(dtype);
            (output * weight).sum().backward();
            io.Add(new("output_weight", weight));
            io.Add(new("train.output", output.detach()));
            io.Add(new("train.input_grad", x.grad!));
            foreach (var (name, parameter) in model.named_parameters())
            {
                io.Add(new("train.grad." + name, parameter.grad ?? zeros_like(parameter)));
            }

            foreach (var (name, buffer) in model.named_buffers())
            {
                io.Add(new("train.after." + name, buffer));
            }

            Safetensors.SaveTensors(io, Path.Combine(folder, "io.safetensors"));
        }

        /// <summary>
        /// Moves the values a fresh model starts with in common (BN and LN scales 1 and shifts 0, running
        /// statistics 0 and 1, a zero relative-position table) off them, so that no mix-up between two
        /// of them goes unseen; the convolution and linear weights are already random.
        /// </summary>
        private static void Perturb(nn.Module model)
        {
            using var _ = no_grad();
            // Scalars held in variables: TorchSharp 0.107 does not keep a temporary Scalar alive
            // during the native call, and its finalizer once freed one mid-call here (a flaky CI failure).
            using var tenth = 0.1.ToScalar();
            using var half = 0.5.ToScalar();
            foreach (var (name, parameter) in model.named_parameters())
            {
                if (parameter.dim() == 1 || name.EndsWith("relative_bias_table", StringComparison.Ordinal))
                {
                    parameter.add_(randn_like(parameter).mul_(tenth));
                }
            }

            foreach (var (name, buffer) in model.named_buffers())
            {
                if (name.EndsWith("running_mean", StringComparison.Ordinal))
                {
                    buffer.add_(randn_like(buffer).mul_(tenth));
                }
                else if (name.EndsWith("running_var", StringComparison.Ordinal))
                {
                    buffer.mul_(rand_like(buffer).add_(half));
                }
            }
        }
    }
}
