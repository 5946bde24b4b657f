using System;
using System.IO;

namespace Gen.Architectures.Tests.Infrastructure
{
    /// <summary>
    /// The data files the csproj copies next to the test assembly: <c>reference/</c> (the reference
    /// state-dict listings) and <c>parity/</c> (linked from tests/fixtures/parity).
    /// </summary>
    internal static class TestData
    {
        public static string ReferenceDir => Existing(Path.Combine(AppContext.BaseDirectory, "reference"));

        public static string ParityDir => Existing(Path.Combine(AppContext.BaseDirectory, "parity"));

        public static string Reference(string name) => ExistingFile(Path.Combine(ReferenceDir, name + ".state_dict.txt"));

        public static string Parity(string file) => ExistingFile(Path.Combine(ParityDir, file));

        private static string Existing(string dir) =>
            Directory.Exists(dir) ? dir : throw new DirectoryNotFoundException($"{dir} is missing: the csproj copies it to the test output.");

        private static string ExistingFile(string file) =>
            File.Exists(file) ? file : throw new FileNotFoundException($"{file} is missing: the csproj copies it to the test output.", file);
    }
}
