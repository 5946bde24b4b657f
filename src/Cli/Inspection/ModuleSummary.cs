using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Gen.Cli.Inspection
{
    /// <summary>One module of a summary: its path, type, output shape, parameters and multiply-accumulates.</summary>
    internal sealed record ModuleRow(string Path, int Depth, string Type, long[]? OutputShape, long Parameters, long Macs);

    /// <summary>
    /// torchinfo's summary for a TorchSharp module: one forward pass at batch 1 with a forward hook
    /// on every module records each output shape; parameters are counted per module subtree; MACs
    /// are those of convolutions (output elements x in-channels per group x kernel area) and linear
    /// layers (output elements x in-features), every call of a module counted (EPSANet's shared
    /// SE weight runs once per branch), summed up the tree; a block that runs a cheaper formulation
    /// (<see cref="Gen.Blocks.IMultiplyAccumulates"/>) counts as the one it replaces. Element-wise work, pooling,
    /// normalization and attention's matrix products are not counted, as in torchinfo and
    /// torchvision's published figures.
    /// </summary>
    internal static class ModuleSummary
    {
        public static (IReadOnlyList<ModuleRow> Rows, long Parameters, long Macs, long ActivationBytes) Of(nn.Module<Tensor, Tensor> model, long channels, long height, long width)
        {
            var named = model.named_modules().Where(m => m.name.Length > 0).ToList();
            var shapes = new Dictionary<nn.Module, long[]>(ReferenceEqualityComparer.Instance);
            var leafMacs = new Dictionary<nn.Module, long>(ReferenceEqualityComparer.Instance);
            long activations = 0;
            var removers = new List<Action>();
            foreach (var (_, module) in named)
            {
                if (module is nn.Module<Tensor, Tensor> typed)
                {
                    bool leaf = !module.children().Any();
                    var remover = typed.register_forward_hook((m, input, output) =>
                    {
                        shapes[m] = output.shape;
                        if (leaf)
                        {
                            leafMacs[m] = leafMacs.GetValueOrDefault(m) + LeafMacs(m, output);
                            activations += output.numel() * output.element_size();
                        }

                        return output;
                    });
                    removers.Add(remover.remove);
                }
            }

            try
            {
                model.eval();
                using var guard = no_grad();
                using var scope = NewDisposeScope();
                model.call(zeros(1, channels, height, width));
            }
            finally
            {
                foreach (var remove in removers)
                {
                    remove();
                }
            }

            var rows = new List<ModuleRow>();
            foreach (var (name, module) in named)
            {
                long parameters = module.parameters().Sum(p => p.numel());
                long macs = Descendants(module).Sum(m => leafMacs.TryGetValue(m, out var v) ? v : 0);
                shapes.TryGetValue(module, out var shape);
                rows.Add(new ModuleRow(name, name.Count(c => c == '.'), module.GetType().Name, shape, parameters, macs));
            }

            return (rows, model.parameters().Sum(p => p.numel()), leafMacs.Values.Sum(), activations);
        }

        private static IEnumerable<nn.Module> Descendants(nn.Module module)
        {
            yield return module;
            foreach (var child in module.children())
            {
                foreach (var d in Descendants(child))
                {
                    yield return d;
                }
            }
        }

        private static long LeafMacs(nn.Module module, Tensor output) => module switch
        {
            Gen.Blocks.IMultiplyAccumulates declared => declared.MultiplyAccumulates(output),
            TorchSharp.Modules.Conv2d conv => output.numel() * conv.weight!.shape[1] * conv.weight.shape[2] * conv.weight.shape[3],
            TorchSharp.Modules.Linear linear => output.numel() * linear.weight!.shape[1],
            _ => 0,
        };
    }
}
