using System;
using System.Collections.Generic;
using System.Text;

namespace Gen.Build.Elf
{
    /// <summary>
    /// A read-only view of a 64-bit little-endian ELF shared object: its sections, dynamic symbols,
    /// symbol versions, version requirements (<c>.gnu.version_r</c>), version definitions
    /// (<c>.gnu.version_d</c>), relocations and run path. Only what the compatibility check needs.
    /// </summary>
    /// <remarks>
    /// Written by hand because no library in the feed reads GNU symbol versioning, and the task must
    /// run inside MSBuild with no external tool (readelf, patchelf). Layouts are those of the System V
    /// ABI and the LSB's "Symbol Versioning" chapter.
    /// </remarks>
    internal sealed class ElfImage
    {
        private const uint ShtRela = 4;
        private const uint ShtDynamic = 6;
        private const uint ShtRel = 9;
        private const uint ShtDynsym = 11;
        private const uint ShtGnuVerdef = 0x6ffffffd;
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const uint ShtGnuVersym = 0x6fffffff;
        private const long DtRpath = 15;
        private const long DtRunpath = 29;

        private readonly byte[] bytes;
        private readonly List<Section> sections = new List<Section>();

        private ElfImage(byte[] bytes, string path)
        {
            this.bytes = bytes;
            Path = path;
            ReadSections();
        }

        /// <summary>Where the image was read from (for messages).</summary>
        public string Path { get; }

        /// <summary>Reads <paramref name="bytes"/> as an ELF image, or explains why it is not one this class reads.</summary>
        public static ElfImage Parse(byte[] bytes, string path)
        {
            if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            {
                throw new ElfFormatException($"{path} is not an ELF file.");
            }

            if (bytes[4] != 2 || bytes[5] != 1)
            {
                throw new ElfFormatException($"{path} is not a 64-bit little-endian ELF file (class {bytes[4]}, data {bytes[5]}).");
            }

            return new ElfImage(bytes, path);
        }

        /// <summary>True when <paramref name="bytes"/> starts like a 64-bit little-endian ELF file.</summary>
        public static bool IsElf64(byte[] bytes) =>
            bytes.Length >= 64 && bytes[0] == 0x7f && bytes[1] == (byte)'E' && bytes[2] == (byte)'L' && bytes[3] == (byte)'F' && bytes[4] == 2 && bytes[5] == 1;

        /// <summary>The machine (<c>e_machine</c>), so a library for another architecture is never taken as a dependency.</summary>
        public ushort Machine => U16(18);

        /// <summary>The version requirements, one per (file, version) pair, with the offset of their flags field.</summary>
        public IReadOnlyList<VersionRequirement> VersionRequirements()
        {
            var result = new List<VersionRequirement>();
            var verneed = Find(ShtGnuVerneed);
            if (verneed == null)
            {
                return result;
            }

            var strings = Linked(verneed);
            long entry = verneed.Offset;
            for (var i = 0; i < verneed.Info; i++)
            {
                ushort count = U16(entry + 2);
                string file = String(strings, U32(entry + 4));
                long aux = entry + U32(entry + 8);
                for (var j = 0; j < count; j++)
                {
                    ushort flags = U16(aux + 4);
                    ushort index = U16(aux + 6);
                    string name = String(strings, U32(aux + 8));
                    result.Add(new VersionRequirement(file, name, index, flags, aux + 4));
                    uint nextAux = U32(aux + 12);
                    if (nextAux == 0)
                    {
                        break;
                    }

                    aux += nextAux;
                }

                uint next = U32(entry + 12);
                if (next == 0)
                {
                    break;
                }

                entry += next;
            }

            return result;
        }

        /// <summary>The version names this object defines (<c>.gnu.version_d</c>), or null when it has no version definitions.</summary>
        public ISet<string>? DefinedVersions()
        {
            var verdef = Find(ShtGnuVerdef);
            if (verdef == null)
            {
                return null;
            }

            var strings = Linked(verdef);
            var result = new HashSet<string>(StringComparer.Ordinal);
            long entry = verdef.Offset;
            for (var i = 0; i < verdef.Info; i++)
            {
                long aux = entry + U32(entry + 12);
                result.Add(String(strings, U32(aux)));
                uint next = U32(entry + 16);
                if (next == 0)
                {
                    break;
                }

                entry += next;
            }

            return result;
        }

        /// <summary>The dynamic symbols whose version index (<c>.gnu.version</c>, hidden bit cleared) is <paramref name="versionIndex"/>, by symbol table index.</summary>
        public IReadOnlyList<(int Index, string Name)> SymbolsWithVersion(ushort versionIndex)
        {
            var result = new List<(int, string)>();
            var versym = Find(ShtGnuVersym);
            var dynsym = Find(ShtDynsym);
            if (versym == null || dynsym == null)
            {
                return result;
            }

            var strings = Linked(dynsym);
            long count = dynsym.Size / 24;
            for (var i = 0; i < count && i * 2 < versym.Size; i++)
            {
                if ((U16(versym.Offset + (i * 2)) & 0x7fff) == versionIndex)
                {
                    result.Add((i, String(strings, U32(dynsym.Offset + (i * 24)))));
                }
            }

            return result;
        }

        /// <summary>Every dynamic-symbol index that some relocation (REL or RELA, any section linked to the dynamic symbol table) refers to.</summary>
        public ISet<int> RelocatedSymbols()
        {
            var result = new HashSet<int>();
            for (var s = 0; s < sections.Count; s++)
            {
                var section = sections[s];
                if (section.Type != ShtRela && section.Type != ShtRel)
                {
                    continue;
                }

                if (section.Link >= sections.Count || sections[(int)section.Link].Type != ShtDynsym)
                {
                    continue;
                }

                long size = section.Type == ShtRela ? 24 : 16;
                for (long at = section.Offset; at + size <= section.Offset + section.Size; at += size)
                {
                    result.Add((int)(U64(at + 8) >> 32));
                }
            }

            return result;
        }

        /// <summary>The directories of DT_RUNPATH (or DT_RPATH), as written, <c>$ORIGIN</c> unexpanded.</summary>
        public IReadOnlyList<string> RunPath()
        {
            var dynamic = Find(ShtDynamic);
            if (dynamic == null)
            {
                return Array.Empty<string>();
            }

            var strings = Linked(dynamic);
            string? runpath = null;
            string? rpath = null;
            for (long at = dynamic.Offset; at + 16 <= dynamic.Offset + dynamic.Size; at += 16)
            {
                long tag = (long)U64(at);
                if (tag == 0)
                {
                    break;
                }

                if (tag == DtRunpath)
                {
                    runpath = String(strings, (uint)U64(at + 8));
                }
                else if (tag == DtRpath)
                {
                    rpath = String(strings, (uint)U64(at + 8));
                }
            }

            return (runpath ?? rpath ?? string.Empty).Split(new[] { ':' }, StringSplitOptions.RemoveEmptyEntries);
        }

        private Section Linked(Section section) =>
            section.Link < sections.Count ? sections[(int)section.Link] : throw new ElfFormatException($"{Path}: a section links to section {section.Link}, which does not exist.");

        private Section? Find(uint type)
        {
            foreach (var section in sections)
            {
                if (section.Type == type)
                {
                    return section;
                }
            }

            return null;
        }

        private void ReadSections()
        {
            long offset = (long)U64(40);
            int size = U16(58);
            int count = U16(60);
            if (offset == 0 || count == 0)
            {
                throw new ElfFormatException($"{Path} has no section headers, so its symbol versions cannot be checked.");
            }

            if (size != 64 || offset + ((long)count * size) > bytes.Length)
            {
                throw new ElfFormatException($"{Path} has a malformed section header table.");
            }

            for (var i = 0; i < count; i++)
            {
                long at = offset + (i * size);
                var section = new Section(U32(at + 4), (long)U64(at + 24), (long)U64(at + 32), U32(at + 40), U32(at + 44));
                // SHT_NOBITS (8) occupies no file bytes; every other section must lie inside the file.
                if (section.Type != 8 && section.Offset + section.Size > bytes.Length)
                {
                    throw new ElfFormatException($"{Path}: section {i} lies outside the file.");
                }

                sections.Add(section);
            }
        }

        private string String(Section table, uint offset)
        {
            long start = table.Offset + offset;
            long end = start;
            while (end < bytes.Length && bytes[end] != 0)
            {
                end++;
            }

            return Encoding.UTF8.GetString(bytes, (int)start, (int)(end - start));
        }

        private ushort U16(long at) => Check(at, 2) ? (ushort)(bytes[at] | (bytes[at + 1] << 8)) : (ushort)0;

        private uint U32(long at) => Check(at, 4) ? (uint)(bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) : 0;

        private ulong U64(long at) => U32(at) | ((ulong)U32(at + 4) << 32);

        private bool Check(long at, int length) =>
            at >= 0 && at + length <= bytes.Length ? true : throw new ElfFormatException($"{Path}: a read at offset {at} runs past the end of the file.");

        private sealed class Section
        {
            public Section(uint type, long offset, long size, uint link, uint info)
            {
                Type = type;
                Offset = offset;
                Size = size;
                Link = link;
                Info = info;
            }

            public uint Type { get; }

            public long Offset { get; }

            public long Size { get; }

            public uint Link { get; }

            public uint Info { get; }
        }
    }
}
