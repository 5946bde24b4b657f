using System;
using System.Linq;
using Gen.Generator.Blocks;
using Xunit;

namespace Gen.Generator.Tests;

using Gen.Generator.Model;

/// <summary>The block catalog pairs each kind with its own definition, whatever the order it lists them in.</summary>
public class BlockCatalogTests
{
    [Fact]
    public void Every_block_kind_looks_up_the_definition_whose_Kind_it_is()
    {
        foreach (var kind in Enum.GetValues(typeof(BlockKind)).Cast<BlockKind>())
        {
            Assert.True(BlockCatalog.IsKnown(kind), kind + " has no definition");
            Assert.Equal(kind, BlockCatalog.For(kind).Kind);
        }
    }

    [Fact]
    public void A_kind_outside_the_enum_is_unknown_and_has_no_definition()
    {
        var stray = (BlockKind)99;

        Assert.False(BlockCatalog.IsKnown(stray));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockCatalog.For(stray));
    }
}
