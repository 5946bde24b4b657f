using System;
using System.IO;

namespace Gen.Cli.Export
{
    /// <summary>
    /// The distributed training script of <c>gen export pytorch --train-script</c>: train_ddp.py
    /// (embedded), with the twin's module and class filled in. It imports the twin from its own folder.
    /// </summary>
    internal static class TrainScript
    {
        private const string Resource = "Gen.Cli.Export.train_ddp.py";

        /// <summary>The script for <paramref name="model"/>'s twin in module <paramref name="module"/>, saved as <paramref name="fileName"/>.</summary>
        public static string For(string model, string module, string fileName)
        {
            using var stream = typeof(TrainScript).Assembly.GetManifestResourceStream(Resource)
                ?? throw new InvalidOperationException($"gen lacks its embedded {Resource}.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Replace("\r\n", "\n")
                .Replace("{{MODEL}}", model, StringComparison.Ordinal)
                .Replace("{{MODULE}}", module, StringComparison.Ordinal)
                .Replace("{{SCRIPT}}", fileName, StringComparison.Ordinal);
        }
    }
}
