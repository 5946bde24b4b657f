using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Gen.Cli.Catalog;
using Gen.Cli.Export;
using Gen.IO;

namespace Gen.Cli.Commands
{
    /// <summary><c>gen export pytorch</c>: a backbone's PyTorch twin, and a distributed training script for it.</summary>
    internal static class ExportCommand
    {
        public static Command Create()
        {
            var command = new Command("export", "Write a backbone in another framework's terms.\n"
                + "Examples:\n  gen export pytorch FashionResNetNam -o fashion_resnet_nam.py\n  gen export pytorch FashionResNetNam -o model.py --train-script");
            command.Subcommands.Add(PyTorch());
            return command;
        }

        private static Command PyTorch()
        {
            var backbone = CommonOptions.Backbone();
            var output = new Option<string?>("--out", "-o") { Description = "The twin's .py file; its name is the Python module's (default: <backbone in lower case>.py)." };
            var trainScript = new Option<string?>("--train-script")
            {
                Description = "Also write a DistributedDataParallel training script for Fashion-MNIST (torchrun or torch.multiprocessing.spawn; gloo on CPU, NCCL on GPU) at this path (default: train_<module>.py beside the twin).",
                Arity = ArgumentArity.ZeroOrOne,
            };
            var command = new Command("pytorch", "Write the backbone's PyTorch twin: a self-contained, readable Python module (needs only torch) with the same structure, state-dict keys and order, forward and features as Gen's model, so checkpoints go both ways (safetensors). The generator wrote it at compile time; this command saves it.\n"
                + "Examples:\n  gen export pytorch ResNet50 -o resnet50.py\n  gen export pytorch FashionResNetNam -o model.py --train-script train.py\n  python3 train.py --nprocs 2 --epochs 1 --out runs/ddp && gen eval FashionResNetNam --checkpoint runs/ddp/last.safetensors")
            {
                backbone, output, trainScript,
            };
            command.SetAction(parse =>
            {
                var info = ModelCatalog.Find(parse.GetValue(backbone)!);
                var twinPath = Path.GetFullPath(parse.GetValue(output) ?? info.Name.ToLowerInvariant() + ".py");
                var module = ModuleName(twinPath);
                var written = parse.InvocationConfiguration.Output;
                Directory.CreateDirectory(Path.GetDirectoryName(twinPath)!);
                AtomicFile.WriteText(twinPath, info.PyTorchTwin);
                written.WriteLine($"wrote {twinPath}: {info.Name}'s PyTorch twin (Python module '{module}', class {info.Name})");
                if (parse.GetResult(trainScript) is not null)
                {
                    var scriptPath = Path.GetFullPath(parse.GetValue(trainScript) ?? Path.Combine(Path.GetDirectoryName(twinPath)!, $"train_{module}.py"));
                    if (Path.GetDirectoryName(scriptPath) != Path.GetDirectoryName(twinPath))
                    {
                        throw new UsageException($"--train-script {scriptPath} must be in the twin's folder, {Path.GetDirectoryName(twinPath)}: it imports the twin from there.");
                    }

                    if (!info.HasHead)
                    {
                        throw new UsageException($"{info.Name} is a feature extractor (Head = None): it has no classifier to train.");
                    }

                    AtomicFile.WriteText(scriptPath, TrainScript.For(info.Name, module, Path.GetFileName(scriptPath)));
                    written.WriteLine($"wrote {scriptPath}: DistributedDataParallel training on Fashion-MNIST (python3 {Path.GetFileName(scriptPath)} --help)");
                }

                return Program.Success;
            });
            return command;
        }

        /// <summary>The Python module name of <paramref name="path"/>: its file name without <c>.py</c>, which must be an identifier.</summary>
        private static string ModuleName(string path)
        {
            if (!path.EndsWith(".py", StringComparison.Ordinal))
            {
                throw new UsageException($"-o {path}: the twin is a Python module, so its file name ends in .py.");
            }

            var module = Path.GetFileNameWithoutExtension(path);
            if (module.Length == 0 || char.IsDigit(module[0]) || !module.All(c => c == '_' || (c < 128 && char.IsLetterOrDigit(c))))
            {
                throw new UsageException($"-o {path}: '{module}' is not a Python module name (letters, digits and _, not starting with a digit).");
            }

            return module;
        }
    }
}
