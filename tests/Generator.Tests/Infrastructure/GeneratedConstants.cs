using System.Globalization;
using System.Text.RegularExpressions;

namespace Gen.Generator.Tests.Infrastructure;

/// <summary>Reads the compile-time constants out of generated source text.</summary>
internal static class GeneratedConstants
{
    public static long? Read(string source, string name)
    {
        var match = Regex.Match(source, @"public const long " + name + @" = (\d+);");
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }
}
