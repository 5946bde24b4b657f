using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gen.Generator.Tests.Infrastructure;

/// <summary>
/// The runtime side of <c>MacCount</c>, by the definition gen's <c>ModuleSummary</c> uses (which
/// this project does not reference): one forward pass at batch 1 with a hook on every convolution
/// (output elements x input channels per group x kernel area) and every linear layer (output
/// elements x input features), each call counted, and every module that states its declared count
/// (<c>Gen.Blocks.IMultiplyAccumulates</c>, a fused formulation); nothing else counts.
/// </summary>
internal static class MacCounter
{
    public static long Count(nn.Module<Tensor, Tensor> model, long channels, long height, long width)
    {
        long macs = 0;
        var removers = new List<Action>();
        foreach (var (_, module) in model.named_modules())
        {
            switch (module)
            {
                case Conv2d conv:
                    removers.Add(conv.register_forward_hook((_, _, output) =>
                    {
                        macs += output.numel() * conv.weight!.shape[1] * conv.weight.shape[2] * conv.weight.shape[3];
                        return output;
                    }).remove);
                    break;
                case Gen.Blocks.IMultiplyAccumulates declared when module is nn.Module<Tensor, Tensor> typed:
                    removers.Add(typed.register_forward_hook((_, _, output) =>
                    {
                        macs += declared.MultiplyAccumulates(output);
                        return output;
                    }).remove);
                    break;
                case Linear linear:
                    removers.Add(linear.register_forward_hook((_, _, output) =>
                    {
                        macs += output.numel() * linear.weight!.shape[1];
                        return output;
                    }).remove);
                    break;
            }
        }

        try
        {
            model.eval();
            using var noGrad = no_grad();
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

        return macs;
    }
}
