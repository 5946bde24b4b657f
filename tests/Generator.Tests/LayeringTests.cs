using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace Gen.Generator.Tests;

/// <summary>The generator's folders depend on each other one way: no two folders use each other, directly or around a cycle.</summary>
public class LayeringTests
{
    [Fact]
    public void Generator_folders_form_no_dependency_cycle()
    {
        var root = Path.Combine(RepoPaths.Root, "src", "Generator");
        var uses = new Dictionary<string, HashSet<string>>();
        foreach (var file in Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")))
        {
            var folder = Path.GetRelativePath(root, Path.GetDirectoryName(file)!);
            var used = Regex.Matches(File.ReadAllText(file), @"^using Gen\.Generator\.(\w+);", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
            uses.TryAdd(folder, new HashSet<string>());
            uses[folder].UnionWith(used.Where(u => u != folder));
        }

        Assert.Contains("Planning", uses["Validation"]);
        foreach (var start in uses.Keys)
        {
            var path = Cycle(start, start, uses, new List<string> { start }, new HashSet<string>());
            Assert.True(path is null, "dependency cycle: " + string.Join(" -> ", path ?? new List<string>()));
        }
    }

    private static List<string>? Cycle(string start, string at, Dictionary<string, HashSet<string>> uses, List<string> path, HashSet<string> seen)
    {
        foreach (var next in uses.GetValueOrDefault(at) ?? new HashSet<string>())
        {
            if (next == start)
            {
                return path.Append(next).ToList();
            }

            if (seen.Add(next) && Cycle(start, next, uses, path.Append(next).ToList(), seen) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
