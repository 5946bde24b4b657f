using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MyBackbones;

/// <summary>A user-defined block: 3x3 convolution and ReLU, with the block constructor Gen expects.</summary>
public sealed class ConvRelu : Module<Tensor, Tensor>
{
    private readonly Conv2d conv;

    /// <summary>Gen calls this with the stage's input width, output width and stride.</summary>
    public ConvRelu(long inChannels, long outChannels, long stride)
        : base(nameof(ConvRelu))
    {
        conv = Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => conv.call(input).relu();
}
