using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace Gen.Packaging.Tests.Infrastructure;

/// <summary>
/// One temporary workspace per test run: the packages of Gen.sln packed into
/// <c>artifacts/packages</c> (where samples/nuget.config looks, relative to each copy of samples/),
/// an isolated package folder for every restore, and copies of samples/ to build.
///
/// The package folder: restores use a fresh <c>NUGET_PACKAGES</c>, so the Gen packages are
/// extracted from this run's .nupkg files and no stale copy in a cache can stand in for them.
/// TorchSharp-cpu's libtorch (about 1.7 GB extracted) is not extracted again: a fallback folder
/// (RestoreFallbackFolders) holds a symbolic link to each package of the machine's normal cache
/// except Gen's own, so NuGet uses those in place, and the samples' outputs hard-link them.
/// </summary>
public sealed class PackagingWorkspace : IDisposable
{
    /// <summary>The ids of the packages Gen.sln packs (lower case, as NuGet's folders name them).</summary>
    public static readonly string[] GenPackageIds = { "gen", "gen.architectures", "gen.cli", "gen.templates" };

    public PackagingWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "gen-packaging-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "artifacts", "packages");
        Packages = Path.Combine(Root, "nuget-packages");
        Fallback = Path.Combine(Root, "nuget-fallback");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Packages);
        LinkFallbackFolder();
        Version = Regex.Match(File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props")), @"<Version>([^<]+)</Version>").Groups[1].Value;
        var started = DateTime.UtcNow;
        Pack = DotNet.Run(RepoPaths.Root, NoEnvironment, "pack", "Gen.sln", "-c", "Release", "--no-build", "-o", Feed);
        PackSeconds = (DateTime.UtcNow - started).TotalSeconds;
    }

    public static IReadOnlyDictionary<string, string> NoEnvironment { get; } = new Dictionary<string, string>();

    public string Root { get; }

    /// <summary>The folder the packages are packed into.</summary>
    public string Feed { get; }

    /// <summary>The isolated NuGet package folder of every restore in this workspace.</summary>
    public string Packages { get; }

    /// <summary>Links to the normal cache's packages, Gen's excepted.</summary>
    public string Fallback { get; }

    /// <summary>The repository's version (Directory.Build.props), which every package must carry.</summary>
    public string Version { get; }

    /// <summary>The result of <c>dotnet pack Gen.sln</c>.</summary>
    public CommandResult Pack { get; }

    public double PackSeconds { get; }

    /// <summary>The path of a packed .nupkg.</summary>
    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <summary>A fresh copy of samples/ (without build outputs or received snapshots), at <c>&lt;root&gt;/&lt;name&gt;</c>.</summary>
    public string CopySamples(string name)
    {
        var source = Path.Combine(RepoPaths.Root, "samples");
        var target = Path.Combine(Root, name);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj") || relative.EndsWith(".received.cs", StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    /// <summary>Builds a project of a samples copy the way a user would, restoring into the isolated folder.</summary>
    public CommandResult Build(string project, IReadOnlyDictionary<string, string>? environment = null, params string[] properties)
    {
        var variables = new Dictionary<string, string>(environment ?? NoEnvironment) { ["NUGET_PACKAGES"] = Packages };
        var arguments = new List<string> { "build", project, "-c", "Release", "-nodeReuse:false", "-p:RestoreFallbackFolders=" + Fallback };
        arguments.AddRange(properties);
        return DotNet.Run(Path.GetDirectoryName(project)!, variables, arguments.ToArray());
    }

    private void LinkFallbackFolder()
    {
        Directory.CreateDirectory(Fallback);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        if (!Directory.Exists(cache))
        {
            return;
        }

        foreach (var package in Directory.GetDirectories(cache))
        {
            var id = Path.GetFileName(package);
            if (!GenPackageIds.Contains(id, StringComparer.OrdinalIgnoreCase))
            {
                Directory.CreateSymbolicLink(Path.Combine(Fallback, id), package);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            // Links first, so that deleting the workspace never follows one into the real cache.
            foreach (var link in Directory.GetDirectories(Fallback))
            {
                Directory.Delete(link);
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>The packaging tests share one workspace and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackagingCollection : ICollectionFixture<PackagingWorkspace>
{
    public const string Name = "packaging";
}
