using System.Text;
using Peregrine.Engine.Listing;

namespace Peregrine.Engine.Tests.Listing;

/// <summary>Expected values were produced by g++ 12 / libstdc++ (x86-64) from the same inserts.</summary>
public class CxxUnorderedSetTests
{
    [Theory]
    [InlineData("a", 4993892634952068459UL)]
    [InlineData("", 6142509188972423790UL)]
    [InlineData("evt.type", 17904403123943884455UL)]
    [InlineData("counter.value", 10706774859346524551UL)]
    [InlineData("pluginevent", 6017749153040073494UL)]
    [InlineData("asyncevent", 2443972111203906524UL)]
    [InlineData("日本語", 6421031525384408153UL)]
    public void Hashes_strings_like_std_hash(string text, ulong expected) =>
        Assert.Equal(expected, CxxUnorderedSet.Hash(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Enumerates_in_libstdcxx_order()
    {
        Assert.Equal(["asyncevent", "pluginevent"], new CxxUnorderedSet(["pluginevent", "asyncevent"]).ToArray());
        Assert.Equal(["contains", "startswith", "exists", "in", "="], new CxxUnorderedSet(["=", "in", "exists", "startswith", "contains"]).ToArray());
    }

    [Fact]
    public void Keeps_the_order_through_rehashes()
    {
        // 14 elements grow the buckets from 13 to 29, 30 elements from 29 to 59.
        Assert.Equal("f0 f2 f3 f13 f6 f1 f11 f4 f5 f7 f8 f12 f9 f10",
            string.Join(' ', new CxxUnorderedSet(Enumerable.Range(0, 14).Select(i => $"f{i}"))));
        Assert.Equal(
            "field.12 field.14 field.29 field.20 field.3 field.11 field.9 field.6 field.5 field.0 field.18 field.2 field.10 field.28 field.1 "
            + "field.7 field.15 field.26 field.19 field.4 field.13 field.22 field.8 field.16 field.17 field.21 field.23 field.24 field.25 field.27",
            string.Join(' ', new CxxUnorderedSet(Enumerable.Range(0, 30).Select(i => $"field.{i}"))));
    }

    [Fact]
    public void Ignores_repeated_inserts()
    {
        var set = new CxxUnorderedSet();
        Assert.True(set.Add("in"));
        Assert.True(set.Add("="));
        Assert.False(set.Add("in"));
        Assert.Equal(2, set.Count);
        Assert.True(set.Contains("="));
        Assert.Equal(["=", "in"], set.ToArray());
    }
}
