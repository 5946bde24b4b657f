namespace Gen.Build.Elf
{
    /// <summary>
    /// One entry of <c>.gnu.version_r</c>: the object needs version <see cref="Version"/> of
    /// <see cref="File"/> (a Vernaux record), under version index <see cref="Index"/>.
    /// </summary>
    internal sealed class VersionRequirement
    {
        /// <summary>VER_FLG_WEAK: the loader does not fail when the version is missing.</summary>
        public const ushort WeakFlag = 0x2;

        public VersionRequirement(string file, string version, ushort index, ushort flags, long flagsOffset)
        {
            File = file;
            Version = version;
            Index = index;
            Flags = flags;
            FlagsOffset = flagsOffset;
        }

        /// <summary>The needed file's soname, e.g. <c>libstdc++.so.6</c>.</summary>
        public string File { get; }

        /// <summary>The version name, e.g. <c>GLIBCXX_3.4.32</c>.</summary>
        public string Version { get; }

        /// <summary>The index that <c>.gnu.version</c> uses for symbols bound to this requirement.</summary>
        public ushort Index { get; }

        /// <summary><c>vna_flags</c>.</summary>
        public ushort Flags { get; }

        /// <summary>Where <c>vna_flags</c> lies in the file.</summary>
        public long FlagsOffset { get; }

        /// <summary>True when the requirement is already weak.</summary>
        public bool IsWeak => (Flags & WeakFlag) != 0;
    }
}
