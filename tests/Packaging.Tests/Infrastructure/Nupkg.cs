using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace Gen.Packaging.Tests.Infrastructure;

/// <summary>A packed .nupkg as a user's restore sees it: its files (less NuGet's own bookkeeping) and its nuspec.</summary>
internal sealed class Nupkg
{
    private readonly string _path;

    private Nupkg(string path, IReadOnlyList<string> files, XElement metadata)
    {
        _path = path;
        Files = files;
        Metadata = metadata;
    }

    /// <summary>Every entry except the OPC parts NuGet writes into every package and the nuspec.</summary>
    public IReadOnlyList<string> Files { get; }

    public XElement Metadata { get; }

    public static Nupkg Open(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var nuspec = zip.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        XElement metadata;
        using (var stream = nuspec.Open())
        {
            metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        }

        var files = zip.Entries
            .Select(e => e.FullName)
            .Where(name => name != nuspec.FullName && name != "[Content_Types].xml" && !name.StartsWith("_rels/", StringComparison.Ordinal)
                && !name.StartsWith("package/services/metadata/", StringComparison.Ordinal))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
        return new Nupkg(path, files, metadata);
    }

    /// <summary>The text of one file of the package.</summary>
    public string Text(string entry)
    {
        using var zip = ZipFile.OpenRead(_path);
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    public string Value(string element) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == element)?.Value ?? string.Empty;

    public XElement? Element(string element) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == element);

    /// <summary>Every dependency as <c>id version</c>, over all target-framework groups.</summary>
    public IReadOnlyList<string> Dependencies => Metadata.Descendants()
        .Where(e => e.Name.LocalName == "dependency")
        .Select(e => $"{e.Attribute("id")!.Value} {e.Attribute("version")!.Value}")
        .OrderBy(d => d, StringComparer.Ordinal)
        .ToList();

    /// <summary>The package types (e.g. DotnetTool), if any.</summary>
    public IReadOnlyList<string> PackageTypes => Metadata.Descendants()
        .Where(e => e.Name.LocalName == "packageType")
        .Select(e => e.Attribute("name")!.Value)
        .ToList();

    public static long Size(string path) => new FileInfo(path).Length;
}
