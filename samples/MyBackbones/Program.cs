using System;
using System.Linq;
using MyBackbones;
using TorchSharp;
using static TorchSharp.torch;

// Builds both backbones, runs a forward pass on a batch of two 3x32x32 images, and prints their
// parameter counts: TinyNam's compile-time ParameterCount beside the count of its parameters at run
// time; a backbone with a user-defined block has no compile-time count (the generator cannot know
// the block's), so ConvReluNet's is counted at run time only.
torch.manual_seed(0);
using var input = torch.randn(2, 3, 32, 32);

using (var model = new TinyNam())
{
    model.eval();
    using var output = model.call(input);
    Console.WriteLine($"TinyNam: output [{string.Join(", ", output.shape)}], ParameterCount {TinyNam.ParameterCount}, counted {Count(model)}");
}

using (var model = new ConvReluNet())
{
    model.eval();
    using var output = model.call(input);
    Console.WriteLine($"ConvReluNet: output [{string.Join(", ", output.shape)}], counted {Count(model)}");
}

static long Count(nn.Module module) => module.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
