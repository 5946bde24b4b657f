using System.Collections.Generic;

namespace Gen.Build.Compat
{
    /// <summary>A version that a library requires and that the file the loader would take does not define.</summary>
    internal sealed class MissingVersion
    {
        public MissingVersion(string file, string version, string provider, bool alreadyWeak, IReadOnlyList<string> symbols, IReadOnlyList<string> relocatedSymbols)
        {
            File = file;
            Version = version;
            Provider = provider;
            AlreadyWeak = alreadyWeak;
            Symbols = symbols;
            RelocatedSymbols = relocatedSymbols;
        }

        /// <summary>The needed soname, e.g. <c>libstdc++.so.6</c>.</summary>
        public string File { get; }

        /// <summary>The missing version, e.g. <c>GLIBCXX_3.4.32</c>.</summary>
        public string Version { get; }

        /// <summary>The file the loader would take, which lacks the version.</summary>
        public string Provider { get; }

        /// <summary>The requirement is weak already (an earlier run marked it).</summary>
        public bool AlreadyWeak { get; }

        /// <summary>Every dynamic symbol bound to the version.</summary>
        public IReadOnlyList<string> Symbols { get; }

        /// <summary>Those of <see cref="Symbols"/> that a relocation uses: the library really calls or reads them.</summary>
        public IReadOnlyList<string> RelocatedSymbols { get; }

        /// <summary>True when nothing in the library can reach a symbol of this version.</summary>
        public bool IsUnused => RelocatedSymbols.Count == 0;
    }
}
