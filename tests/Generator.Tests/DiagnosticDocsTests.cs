using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Gen.Generator.Diagnostics;
using Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace Gen.Generator.Tests;

/// <summary>The README's and docs/diagnostics.md's tables say what the catalog says, and every help link lands on a row.</summary>
public class DiagnosticDocsTests
{
    [Fact]
    public void Docs_table_has_one_anchored_row_per_catalog_entry_with_its_severity_and_title()
    {
        var rows = Rows(Path.Combine(RepoPaths.Root, "docs", "diagnostics.md"), @"^\| <a id=""(?<anchor>gen\d{4})""></a>(?<id>GEN\d{4}) \| (?<severity>\w+) \| (?<title>[^|]+) \|");

        Assert.Equal(Expected(), rows.Select(r => (r.Id, r.Severity, r.Title)));
        Assert.All(rows, r => Assert.Equal(r.Id.ToLowerInvariant(), r.Anchor));
    }

    [Fact]
    public void Readme_table_lists_every_catalog_entry_with_its_severity_title_and_help_link()
    {
        var rows = Rows(Path.Combine(RepoPaths.Root, "README.md"), @"^\| \[(?<id>GEN\d{4})\]\((?<anchor>[^)]+)\) \| (?<severity>\w+) \| (?<title>[^|]+) \|");

        Assert.Equal(Expected(), rows.Select(r => (r.Id, r.Severity, r.Title)));
        Assert.All(rows, r => Assert.Equal(DiagnosticCatalog.HelpLink(r.Id), r.Anchor));
    }

    [Fact]
    public void Every_descriptor_links_to_its_anchor_in_docs_diagnostics()
    {
        Assert.All(DiagnosticCatalog.All, d => Assert.Equal("docs/diagnostics.md#" + d.Id.ToLowerInvariant(), d.HelpLinkUri));
    }

    private static List<(string Id, string Severity, string Title)> Expected() => DiagnosticCatalog.All
        .Select(d => (d.Id, d.DefaultSeverity.ToString().ToLowerInvariant(), d.Title.ToString()))
        .ToList();

    private static List<(string Id, string Anchor, string Severity, string Title)> Rows(string path, string pattern) => File.ReadAllLines(path)
        .Select(line => Regex.Match(line, pattern))
        .Where(match => match.Success)
        .Select(match => (match.Groups["id"].Value, match.Groups["anchor"].Value, match.Groups["severity"].Value, match.Groups["title"].Value.Trim().Replace("`", string.Empty)))
        .ToList();
}
