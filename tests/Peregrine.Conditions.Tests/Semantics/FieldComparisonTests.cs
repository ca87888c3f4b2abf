using static Peregrine.Conditions.Tests.Support.ConditionHarness;

namespace Peregrine.Conditions.Tests.Semantics;

/// <summary><c>val(field)</c> and transformers on the right-hand side.</summary>
public sealed class FieldComparisonTests
{
    [Theory]
    [InlineData("dt.name = val(dt.name2)", "abc", "abc", true)]
    [InlineData("dt.name = val(dt.name2)", "abc", "abd", false)]
    [InlineData("dt.name != val(dt.name2)", "abc", "abd", true)]
    [InlineData("dt.name contains val(dt.name2)", "abcdef", "cd", true)]
    [InlineData("dt.name startswith val(dt.name2)", "abcdef", "ab", true)]
    [InlineData("dt.name endswith val(dt.name2)", "abcdef", "ef", true)]
    [InlineData("dt.name icontains val(dt.name2)", "ABCDEF", "cd", true)]
    [InlineData("dt.name glob val(dt.name2)", "abcdef", "a*f", true)]
    [InlineData("dt.name < val(dt.name2)", "abc", "abd", true)]
    [InlineData("dt.name in val(dt.name2)", "abc", "abc", true)]
    public void Compares_two_string_fields(string condition, string left, string right, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.name", left), ("dt.name2", right)));

    [Theory]
    [InlineData("dt.num < val(dt.num2)", 1UL, 2UL, true)]
    [InlineData("dt.num >= val(dt.num2)", 1UL, 2UL, false)]
    [InlineData("dt.num = val(dt.num2)", 7UL, 7UL, true)]
    public void Compares_two_number_fields(string condition, ulong left, ulong right, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.num", left), ("dt.num2", right)));

    [Fact]
    public void Compares_a_length_with_a_number_field() =>
        Assert.True(Eval("dt.num = len(dt.name)", ("dt.num", 4UL), ("dt.name", "bash")));

    [Fact]
    public void A_field_written_without_val_is_a_string() =>
        Assert.True(Eval("dt.name = dt.name2", ("dt.name", "dt.name2"), ("dt.name2", "other")));

    [Theory]
    [InlineData("dt.ip = val(dt.ip2)", "10.0.0.1", "10.0.0.1", true)]
    [InlineData("dt.ip = val(dt.ip2)", "10.0.0.1", "::1", false)]
    [InlineData("dt.ip != val(dt.ip2)", "10.0.0.1", "::1", true)]
    public void Compares_two_address_fields(string condition, string left, string right, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.ip", left), ("dt.ip2", right)));
}
