using static Peregrine.Conditions.Tests.Support.ConditionHarness;

namespace Peregrine.Conditions.Tests.Semantics;

/// <summary>List fields: <c>in</c> is "every value is in the set", <c>intersects</c> is "some value is".</summary>
public sealed class ListFieldTests
{
    private static readonly string[] Tags = ["a", "b", "c"];

    [Theory]
    [InlineData("dt.tags in (a, b, c, d)", true)]
    [InlineData("dt.tags in (a, b)", false)]
    [InlineData("not dt.tags in (a, b)", true)] // true as soon as one element is outside
    [InlineData("dt.tags intersects (c, x)", true)]
    [InlineData("dt.tags intersects (x, y)", false)]
    [InlineData("dt.tags exists", true)]
    [InlineData("dt.tags in ()", false)]
    [InlineData("len(dt.tags) = 3", true)]
    [InlineData("toupper(dt.tags) intersects (B)", true)]
    [InlineData("toupper(dt.tags) in (A, B, C)", true)]
    [InlineData("dt.tags in (a,b,c,d,e,f,g,h,i,j)", true)]
    public void Tests_string_lists(string condition, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.tags", Tags)));

    [Theory]
    [InlineData("dt.nums in (1, 2, 3)", true)]
    [InlineData("dt.nums in (1, 2)", false)]
    [InlineData("dt.nums intersects (3)", true)]
    [InlineData("dt.nums intersects (4)", false)]
    public void Tests_number_lists(string condition, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.nums", new ulong[] { 1, 2, 3 })));

    [Theory]
    [InlineData("dt.flags intersects (true)", true)]
    [InlineData("dt.flags in (true)", false)]
    [InlineData("dt.flags in (true, false)", true)]
    public void Tests_bool_lists(string condition, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.flags", new[] { true, false })));

    [Fact]
    public void List_in_list_field_comparison_is_a_subset_test()
    {
        Assert.True(Eval("dt.tags in val(dt.tags2)", ("dt.tags", new[] { "a" }), ("dt.tags2", new[] { "a", "b" })));
        Assert.False(Eval("dt.tags in val(dt.tags2)", ("dt.tags", new[] { "a", "z" }), ("dt.tags2", new[] { "a", "b" })));
        Assert.True(Eval("dt.tags intersects val(dt.tags2)", ("dt.tags", new[] { "a", "z" }), ("dt.tags2", new[] { "a", "b" })));
    }
}
