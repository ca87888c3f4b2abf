using static Peregrine.Conditions.Tests.Support.ConditionHarness;

namespace Peregrine.Conditions.Tests.Semantics;

/// <summary>Every check on a missing field is false, so its negation is true.</summary>
public sealed class MissingValueTests
{
    [Theory]
    [InlineData("dt.maybe = x")]
    [InlineData("dt.maybe != x")]
    [InlineData("dt.maybe contains x")]
    [InlineData("dt.maybe icontains x")]
    [InlineData("dt.maybe startswith x")]
    [InlineData("dt.maybe endswith x")]
    [InlineData("dt.maybe glob *")]
    [InlineData("dt.maybe regex '.*'")]
    [InlineData("dt.maybe in (x)")]
    [InlineData("dt.maybe pmatch (/)")]
    [InlineData("dt.maybe exists")]
    [InlineData("dt.maybe < 5")]
    [InlineData("dt.maybe = anyof (a, b)")]
    [InlineData("dt.maybe != allof (a, b)")]
    [InlineData("dt.name != val(dt.maybe)")] // a missing right-hand side too
    [InlineData("dt.maybe = val(dt.name)")]
    [InlineData("tolower(dt.maybe) = x")]
    [InlineData("len(dt.maybe) > 0")]
    public void Check_on_missing_field_is_false(string condition)
    {
        Assert.False(Eval(condition, ("dt.name", "x")));
        Assert.True(Eval("not " + condition.Replace(" and ", " and not "), ("dt.name", "x")));
    }

    [Theory]
    [InlineData("dt.tags exists")]
    [InlineData("dt.tags in (a)")]
    [InlineData("dt.tags intersects (a)")]
    [InlineData("len(dt.tags) = 0")] // the transformer never sees a value
    public void Empty_list_is_missing(string condition) =>
        Assert.False(Eval(condition, ("dt.tags", Array.Empty<string>())));

    [Fact]
    public void Numeric_checks_on_missing_are_false()
    {
        Assert.False(Eval("dt.num = 0"));
        Assert.False(Eval("dt.num != 0"));
        Assert.True(Eval("not dt.num != 0"));
    }
}
