using static Peregrine.Conditions.Tests.Support.ConditionHarness;

namespace Peregrine.Conditions.Tests.Semantics;

public sealed class NumericAndBoolTests
{
    [Theory]
    [InlineData("dt.num = 5", 5UL, true)]
    [InlineData("dt.num = 5", 6UL, false)]
    [InlineData("dt.num != 5", 6UL, true)]
    [InlineData("dt.num < 5", 4UL, true)]
    [InlineData("dt.num < 5", 5UL, false)]
    [InlineData("dt.num <= 5", 5UL, true)]
    [InlineData("dt.num > 5", 6UL, true)]
    [InlineData("dt.num >= 5", 4UL, false)]
    [InlineData("dt.num in (1, 2, 3)", 2UL, true)]
    [InlineData("dt.num in (1, 2, 3)", 4UL, false)]
    [InlineData("dt.num intersects (1, 2, 3)", 3UL, true)]
    [InlineData("dt.num in (1,2,3,4,5,6,7,8,9,10,11)", 11UL, true)]
    [InlineData("dt.num = -1", ulong.MaxValue, true)] // a negative constant wraps like sscanf("%lu")
    [InlineData("dt.num > 18446744073709551615", ulong.MaxValue, false)]
    [InlineData("dt.num = 99999999999999999999", ulong.MaxValue, true)] // overflow saturates
    [InlineData("dt.num = +7", 7UL, true)]
    [InlineData("dt.num = anyof (1, 7)", 7UL, true)]
    [InlineData("dt.num = oneof (5, 7)", 7UL, true)]
    [InlineData("dt.num != oneof (5, 7)", 7UL, true)]
    [InlineData("dt.num != oneof (5, 9)", 7UL, false)]
    [InlineData("dt.num != allof (5, 10)", 7UL, true)]
    public void Compares_unsigned(string condition, ulong value, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.num", value)));

    [Theory]
    [InlineData("dt.rel > 100", 101UL, true)]
    [InlineData("dt.abs = 1700000000000000000", 1700000000000000000UL, true)]
    public void Time_types_are_unsigned_numbers(string condition, ulong value, bool expected)
    {
        var field = condition.Split(' ')[0];
        Assert.Equal(expected, Eval(condition, (field, value)));
    }

    [Theory]
    [InlineData("dt.i64 < 0", -5L, true)]
    [InlineData("dt.i64 > -10", -5L, true)]
    [InlineData("dt.i64 = -5", -5L, true)]
    [InlineData("dt.i64 in (-5, 3)", -5L, true)]
    public void Compares_signed(string condition, long value, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.i64", value)));

    [Theory]
    [InlineData("dt.flag = true", true, true)]
    [InlineData("dt.flag = true", false, false)]
    [InlineData("dt.flag = false", false, true)]
    [InlineData("dt.flag != true", false, true)]
    [InlineData("dt.flag in (true)", true, true)]
    [InlineData("dt.flag intersects (false)", true, false)]
    public void Compares_booleans(string condition, bool value, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.flag", value)));
}
