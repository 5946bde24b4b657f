using System;
using System.Collections.Concurrent;
using System.IO;

namespace Gen.Generator.Code
{
    /// <summary>
    /// The Python definitions of the twin's building blocks, the PyTorch counterparts of Gen.Blocks:
    /// real Python files in src/Generator/Code/Python, embedded in the generator. A block or stem
    /// definition names the ones it needs (dependencies first); the twin carries only those.
    /// </summary>
    internal static class TwinSnippets
    {
        /// <summary>The tiny safetensors reader and atomic writer every twin carries.</summary>
        public const string Safetensors = "safetensors_io";

        /// <summary>torchvision's downsample, the NAM and SE add-ons, stochastic depth and the end of a residual block.</summary>
        public const string Residual = "residual";

        /// <summary><c>BasicBlock</c>.</summary>
        public const string BasicBlock = "basic_block";

        /// <summary><c>Bottleneck</c>.</summary>
        public const string Bottleneck = "bottleneck";

        /// <summary><c>CoTLayer</c> and <c>CoTBottleneck</c>.</summary>
        public const string CoT = "cot";

        /// <summary><c>SEWeight</c>, <c>PSAModule</c> and <c>EPSABottleneck</c>.</summary>
        public const string Psa = "psa";

        /// <summary>coatnet-pytorch's <c>PreNorm</c>.</summary>
        public const string PreNorm = "pre_norm";

        /// <summary><c>MBConv</c> and its squeeze-excitation.</summary>
        public const string MBConv = "mbconv";

        /// <summary><c>RelativeTransformer</c> and its parts.</summary>
        public const string Transformer = "transformer";

        private static readonly ConcurrentDictionary<string, string> Texts = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The text of snippet <paramref name="name"/>, LF line endings, ending in one newline.</summary>
        public static string Text(string name) => Texts.GetOrAdd(name, Read);

        private static string Read(string name)
        {
            var resource = "Gen.Generator.Code.Python." + name + ".py";
            using var stream = typeof(TwinSnippets).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException("the generator lacks its embedded Python snippet " + resource);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Replace("\r\n", "\n").TrimEnd('\n') + "\n";
        }
    }
}
