using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Peregrine.Plugins.Tests;

/// <summary>How the text between brackets becomes the ABI's arg_index / arg_key / arg_present.</summary>
public class PluginFieldArgumentTests
{
    private static readonly PluginField Index = new(0, "f.idx", PluginFieldType.String, "d", argIsIndex: true, argIsRequired: true);
    private static readonly PluginField Key = new(1, "f.key", PluginFieldType.String, "d", argIsKey: true);
    private static readonly PluginField Both = new(2, "f.both", PluginFieldType.String, "d", argIsIndex: true, argIsKey: true);
    private static readonly PluginField None = new(3, "f.none", PluginFieldType.String, "d");

    [Fact]
    public void No_argument()
    {
        var none = PluginFieldArgument.None;
        Assert.False(none.IsPresent);
        Assert.False(none.HasIndex);
        Assert.Equal(ulong.MaxValue, none.Index);
        Assert.Null(none.Key);
        Assert.Equal("", none.ToString());
    }

    [Theory]
    [InlineData("0", 0UL)]
    [InlineData("7", 7UL)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    public void Index_argument(string text, ulong index)
    {
        Assert.True(PluginFieldArgument.TryCreate(Index, text, out var arg, out _));
        Assert.True(arg.IsPresent && arg.HasIndex);
        Assert.Equal(index, arg.Index);
        Assert.Null(arg.Key);
        Assert.Equal($"[{text}]", arg.ToString());
    }

    [Theory]
    [InlineData("01", "has an invalid index argument starting with 0: 01")]
    [InlineData("", "has an invalid index argument starting with 0: ")]
    [InlineData("x", "has an invalid index argument not composed only by digits: x")]
    [InlineData("1a", "has an invalid index argument not composed only by digits: 1a")]
    [InlineData("-1", "has an invalid index argument not composed only by digits: -1")]
    [InlineData("18446744073709551616", "has an invalid index argument not representable on 64 bit: 18446744073709551616")]
    public void Invalid_index(string text, string error)
    {
        Assert.False(PluginFieldArgument.TryCreate(Index, text, out var arg, out var message));
        Assert.Equal(error, message);
        Assert.Same(PluginFieldArgument.None, arg);
    }

    [Theory]
    [InlineData("HOME")]
    [InlineData("01")]
    [InlineData("")]
    [InlineData("with space")]
    public void Key_argument(string text)
    {
        Assert.True(PluginFieldArgument.TryCreate(Key, text, out var arg, out _));
        Assert.True(arg.IsPresent);
        Assert.False(arg.HasIndex);
        Assert.Equal(ulong.MaxValue, arg.Index);
        Assert.Equal(text, arg.Key);
    }

    [Theory]
    [InlineData("12", true, 12UL)]
    [InlineData("012", false, ulong.MaxValue)]
    [InlineData("name", false, ulong.MaxValue)]
    public void Index_or_key(string text, bool hasIndex, ulong index)
    {
        Assert.True(PluginFieldArgument.TryCreate(Both, text, out var arg, out _));
        Assert.Equal(hasIndex, arg.HasIndex);
        Assert.Equal(index, arg.Index);
        Assert.Equal(text, arg.Key);
    }

    [Fact]
    public void Field_without_argument()
    {
        Assert.False(PluginFieldArgument.TryCreate(None, "x", out _, out var error));
        Assert.Equal("does not allow nor require an argument but one is provided: x", error);
    }

    [Fact]
    public void Factories()
    {
        Assert.Equal(5UL, PluginFieldArgument.ForIndex(5).Index);
        Assert.Equal("5", PluginFieldArgument.ForIndex(5).Text);
        Assert.Equal("k", PluginFieldArgument.ForKey("k").Key);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PluginFieldRequest(-1));
    }

    [Property(MaxTest = 500)]
    public Property Canonical_decimal_indexes_round_trip(ulong value) =>
        Prop.ToProperty(PluginFieldArgument.TryCreate(Index, value.ToString(CultureInfo.InvariantCulture), out var arg, out _) && arg.Index == value && arg.HasIndex);

    [Property(MaxTest = 500)]
    public Property Any_text_is_a_valid_key(NonNull<string> text) =>
        Prop.ToProperty(PluginFieldArgument.TryCreate(Key, text.Get, out var arg, out _) && arg.Key == text.Get);
}
