using System;
using static TorchSharp.torch;

namespace Gen
{
    /// <summary>
    /// What Gen knows about one declared backbone at compile time, as the generator writes it into
    /// each assembly's catalog (<c>GenBackbones.All</c>): its name, family, counts, declared input
    /// and a factory. Tools list and create models by name with it, with no reflection (timm's
    /// <c>list_models</c> / <c>create_model</c>).
    /// </summary>
    /// <param name="Name">The class name, e.g. <c>ResNet50</c>.</param>
    /// <param name="FullName">The namespace-qualified class name.</param>
    /// <param name="Family">The block kinds of its stages, e.g. <c>Bottleneck</c> or <c>MBConv+Transformer</c>.</param>
    /// <param name="Description">One line: stem, stages, head and input.</param>
    /// <param name="ParameterCount">Trainable parameters with the declared classes; null when a user-defined block makes them unknown.</param>
    /// <param name="BufferCount">Persistent buffer elements; null when unknown.</param>
    /// <param name="MacCount">Multiply-accumulates of one forward pass at the declared input (convolutions and linear layers); null when unknown.</param>
    /// <param name="InChannels">Declared input channels.</param>
    /// <param name="ImageHeight">Declared input height.</param>
    /// <param name="ImageWidth">Declared input width.</param>
    /// <param name="Classes">Declared classes of the head (0 for a feature extractor).</param>
    /// <param name="Stages">Number of stages.</param>
    /// <param name="FixedInputSize">True when a position-aware stage fixes the input size (relative attention).</param>
    /// <param name="PyTorchTwin">The backbone's PyTorch twin: a self-contained Python module (needs only torch) with the same structure, state-dict keys and order, forward and features (<c>gen export pytorch</c> writes it).</param>
    /// <param name="Create">Builds the model with the given number of classes.</param>
    public sealed record BackboneInfo(
        string Name,
        string FullName,
        string Family,
        string Description,
        long? ParameterCount,
        long? BufferCount,
        long? MacCount,
        int InChannels,
        int ImageHeight,
        int ImageWidth,
        int Classes,
        int Stages,
        bool FixedInputSize,
        string PyTorchTwin,
        Func<long, nn.Module<Tensor, Tensor>> Create)
    {
        /// <summary>True when the backbone ends in a classification head.</summary>
        public bool HasHead => Classes > 0;
    }
}
