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
    public void Layout_tokens_come_from_the_definitions_and_name_one_kind_each_whatever_the_case()
    {
        var tokens = BlockCatalog.All.SelectMany(d => d.LayoutTokens.Select(t => (Token: t, d.Kind))).ToList();

        Assert.Equal(tokens.Count, tokens.Select(t => t.Token.ToUpperInvariant()).Distinct().Count());
        Assert.All(tokens, t => Assert.True(BlockCatalog.TryParseToken(t.Token.ToLowerInvariant(), out var kind) && kind == t.Kind, t.Token));
        Assert.All(BlockCatalog.All.Where(d => d.Kind != BlockKind.Custom), d => Assert.NotEmpty(d.LayoutTokens));
        Assert.False(BlockCatalog.TryParseToken("Q", out _));
    }

    [Fact]
    public void Every_option_a_definition_reads_is_a_StageAttribute_property()
    {
        var properties = typeof(StageAttribute).GetProperties().Select(p => p.Name).ToHashSet();

        Assert.All(BlockCatalog.All, d => Assert.All(d.Options, option => Assert.Contains(option, properties)));
        Assert.Contains(nameof(StageAttribute.Heads), BlockCatalog.For(BlockKind.Transformer).Options);
        Assert.DoesNotContain(nameof(StageAttribute.Heads), BlockCatalog.For(BlockKind.Bottleneck).Options);
    }

    [Fact]
    public void A_kind_outside_the_enum_is_unknown_and_has_no_definition()
    {
        var stray = (BlockKind)99;

        Assert.False(BlockCatalog.IsKnown(stray));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockCatalog.For(stray));
    }
}
