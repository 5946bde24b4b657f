using System;
using System.IO;
using System.Text;
using Xunit.Sdk;

namespace Gen.Generator.Tests.Infrastructure;

/// <summary>
/// A small stand-in for Verify with its file conventions: <c>snapshots/&lt;Name&gt;.verified.cs</c> is
/// committed (<c>.verified.py</c> for PyTorch twins); a mismatch writes <c>&lt;Name&gt;.received.cs</c> beside it (git-ignored) and fails with
/// a unified diff; <c>GEN_ACCEPT_SNAPSHOTS=1</c> accepts (the received text becomes the verified one).
/// Files are UTF-8 without BOM, LF line endings.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "GEN_ACCEPT_SNAPSHOTS";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Verify(string name, string actual, string? directory = null, string extension = "cs")
    {
        directory ??= RepoPaths.Snapshots;
        Directory.CreateDirectory(directory);
        var verified = Path.Combine(directory, name + ".verified." + extension);
        var received = Path.Combine(directory, name + ".received." + extension);
        actual = actual.Replace("\r\n", "\n");
        var expected = File.Exists(verified) ? File.ReadAllText(verified, Utf8).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verified, actual, Utf8);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual, Utf8);
        var diff = UnifiedDiff.Create(expected ?? string.Empty, actual, name + ".verified." + extension, name + ".received." + extension);
        throw new XunitException(
            (expected is null ? $"No snapshot {verified} yet." : $"Snapshot {name} changed.")
            + $" Review {received}; accept with {AcceptVariable}=1 dotnet test.\n" + diff);
    }
}
