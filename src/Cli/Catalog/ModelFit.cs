using System.Collections.Generic;
using Gen.Data;
using Gen.Training;
using static TorchSharp.torch;

namespace Gen.Cli.Catalog
{
    /// <summary>
    /// How a backbone meets a data set: the classes of its head, the input size and channels it is
    /// fed at, and what had to be adapted (said in <see cref="Notes"/>). Anything that cannot fit is
    /// a <see cref="UsageException"/> that names it.
    /// </summary>
    internal sealed record ModelFit(BackboneInfo Backbone, long Classes, int Channels, int Height, int Width, IReadOnlyList<string> Notes)
    {
        public static ModelFit For(BackboneInfo backbone, LabelledImages data, int? classes, (int Height, int Width)? image)
        {
            var notes = new List<string>();
            if (!backbone.HasHead)
            {
                throw new UsageException($"{backbone.Name} is a feature extractor (Head = None): it has no classifier to train or evaluate.");
            }

            long dataClasses = data.Classes.Count;
            if (classes is int c && c != dataClasses)
            {
                throw new UsageException($"--classes {c} does not fit the data, which has {dataClasses} classes.");
            }

            if (backbone.Classes != dataClasses)
            {
                notes.Add($"head built for {dataClasses} classes (declared {backbone.Classes})");
            }

            var (dataChannels, dataHeight, dataWidth) = data.ImageShape;
            if (backbone.InChannels != dataChannels)
            {
                if (dataChannels != 1)
                {
                    throw new UsageException($"{backbone.Name} takes {backbone.InChannels} input channels and the data has {dataChannels}.");
                }

                notes.Add($"grey images repeated to {backbone.InChannels} channels");
            }

            // A backbone that accepts any size is fed the data's size unless --image says otherwise.
            var (height, width) = InputSize(backbone, image ?? (backbone.FixedInputSize ? null : ((int)dataHeight, (int)dataWidth)));

            if (height != dataHeight || width != dataWidth)
            {
                notes.Add($"images resized from {dataHeight}x{dataWidth} to {height}x{width}");
            }

            return new ModelFit(backbone, dataClasses, backbone.InChannels, height, width, notes);
        }

        public nn.Module<Tensor, Tensor> Create() => Backbone.Create(Classes);

        /// <summary>The input size to run <paramref name="backbone"/> at: <paramref name="requested"/>, else its declared size; a position-aware backbone takes only its declared size.</summary>
        public static (int Height, int Width) InputSize(BackboneInfo backbone, (int Height, int Width)? requested)
        {
            if (backbone.FixedInputSize && requested is { } r && (r.Height != backbone.ImageHeight || r.Width != backbone.ImageWidth))
            {
                throw new UsageException($"{backbone.Name} has position-aware attention that fixes its input at {backbone.ImageHeight}x{backbone.ImageWidth}; --image {r.Height} {r.Width} cannot be used.");
            }

            return requested ?? (backbone.ImageHeight, backbone.ImageWidth);
        }

        public InputPipeline Pipeline(float mean, float std) => new(mean, std, Channels, Height, Width);
    }
}
