using Gen.Generator.Model;

namespace Gen.Generator.Model
{
    /// <summary>The declared input image and where its size is written.</summary>
    internal sealed record ImageSpec(int Channels, int Height, int Width, SourceLocation Where)
    {
        /// <summary>The image's height and width.</summary>
        public FeatureSize Size => new FeatureSize(Height, Width);
    }
}
