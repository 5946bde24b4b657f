using System;
using System.Linq;
using Xunit;

namespace Gen.Generator.Tests;

/// <summary>The generator's mirrors of the runtime enums must agree name for name and value for value.</summary>
public class EnumMirrorTests
{
    [Theory]
    [InlineData(typeof(Gen.BlockKind), typeof(Gen.Generator.Model.BlockKind))]
    [InlineData(typeof(Gen.AttentionKind), typeof(Gen.Generator.Model.AttentionKind))]
    [InlineData(typeof(Gen.HeadKind), typeof(Gen.Generator.Model.HeadKind))]
    public void Generator_enum_mirrors_the_runtime_enum(Type runtime, Type mirror)
    {
        var expected = Enum.GetNames(runtime).Select(name => (name, Convert.ToInt32(Enum.Parse(runtime, name))));
        var actual = Enum.GetNames(mirror).Select(name => (name, Convert.ToInt32(Enum.Parse(mirror, name))));

        Assert.Equal(expected, actual);
    }
}
