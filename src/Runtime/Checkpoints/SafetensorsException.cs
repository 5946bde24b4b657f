using System.IO;

namespace Gen
{
    /// <summary>
    /// A safetensors file that cannot be read, or that does not fit the module it is loaded into.
    /// The message names the first problem found (the key, and the expected against the actual
    /// shape or dtype where that is the problem); no weight has been changed when it is thrown.
    /// </summary>
    public sealed class SafetensorsException : IOException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="path">The file concerned.</param>
        /// <param name="key">The tensor key concerned, if the problem is about one key.</param>
        /// <param name="problem">What is wrong.</param>
        public SafetensorsException(string path, string? key, string problem)
            : base(key is null ? $"{path}: {problem}" : $"{path}: key '{key}': {problem}")
        {
            Path = path;
            Key = key;
            Problem = problem;
        }

        /// <summary>The file concerned.</summary>
        public string Path { get; }

        /// <summary>The tensor key concerned, or <see langword="null"/> for a problem with the whole file.</summary>
        public string? Key { get; }

        /// <summary>What is wrong, without the path and key.</summary>
        public string Problem { get; }
    }
}
