using System.Collections.Generic;

namespace Gen
{
    /// <summary>What <see cref="Safetensors.Load"/> did.</summary>
    public sealed class SafetensorsLoadReport
    {
        internal SafetensorsLoadReport(IReadOnlyList<string> loaded, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected,
                                       IReadOnlyDictionary<string, string> metadata)
        {
            LoadedKeys = loaded;
            MissingKeys = missing;
            UnexpectedKeys = unexpected;
            Metadata = metadata;
        }

        /// <summary>The module's state-dict keys that were copied from the file, in state-dict order.</summary>
        public IReadOnlyList<string> LoadedKeys { get; }

        /// <summary>The module's state-dict keys the file does not have (left unchanged), in state-dict order.</summary>
        public IReadOnlyList<string> MissingKeys { get; }

        /// <summary>The file's keys the module does not have (ignored), in file order.</summary>
        public IReadOnlyList<string> UnexpectedKeys { get; }

        /// <summary>The file's <c>__metadata__</c> (empty when it has none).</summary>
        public IReadOnlyDictionary<string, string> Metadata { get; }

        /// <summary><see langword="true"/> when every key matched: nothing missing, nothing unexpected.</summary>
        public bool IsExactMatch => MissingKeys.Count == 0 && UnexpectedKeys.Count == 0;
    }
}
