using Peregrine.Engine.Configuration.Binding;

namespace Peregrine.Engine.Tests.Configuration;

/// <summary>Scalar conversions that give values the meaning yaml-cpp (and so Falco) gives them.</summary>
public sealed class YamlCppScalarTests
{
    [Theory]
    [InlineData("0", 0u)]
    [InlineData("+12", 12u)]
    [InlineData("0x1f", 31u)]
    [InlineData("0X1F", 31u)]
    [InlineData("017", 15u)]
    [InlineData("12  ", 12u)]
    [InlineData("4294967295", uint.MaxValue)]
    public void Unsigned_32_accepts(string text, uint expected)
    {
        Assert.True(YamlCppScalar.TryUInt32(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 12")]
    [InlineData("-1")]
    [InlineData("-0")]
    [InlineData("4294967296")]
    [InlineData("08")]
    [InlineData("0x")]
    [InlineData("12abc")]
    [InlineData("1e3")]
    [InlineData("1_000")]
    [InlineData("true")]
    public void Unsigned_32_refuses(string text) => Assert.False(YamlCppScalar.TryUInt32(text, out _));

    [Theory]
    [InlineData("-2147483648", int.MinValue)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("-0x10", -16)]
    public void Signed_32_range(string text, int expected)
    {
        Assert.True(YamlCppScalar.TryInt32(text, out var value));
        Assert.Equal(expected, value);
        Assert.False(YamlCppScalar.TryInt32(text.StartsWith('-') ? "-2147483649" : "2147483648", out _));
    }

    [Theory]
    [InlineData("255", true)]
    [InlineData("0", true)]
    [InlineData("256", false)]
    [InlineData("-1", false)]
    public void Unsigned_8_is_read_through_an_int(string text, bool ok) => Assert.Equal(ok, YamlCppScalar.TryUInt8(text, out _));

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5.0)]
    [InlineData("-1e-3", -0.001)]
    [InlineData("+.inf", double.PositiveInfinity)]
    [InlineData("-.INF", double.NegativeInfinity)]
    public void Doubles(string text, double expected)
    {
        Assert.True(YamlCppScalar.TryDouble(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1e")]
    [InlineData(".")]
    [InlineData("inf")]
    [InlineData("nan")]
    [InlineData("0x10")]
    [InlineData("1,5")]
    public void Not_doubles(string text) => Assert.False(YamlCppScalar.TryDouble(text, out _));

    [Theory]
    [InlineData("yes", true, true)]
    [InlineData("Yes", true, true)]
    [InlineData("YES", true, true)]
    [InlineData("yEs", false, false)]
    [InlineData("off", true, false)]
    [InlineData("N", true, false)]
    [InlineData("1", false, false)]
    [InlineData("", false, false)]
    public void Booleans(string text, bool ok, bool expected)
    {
        Assert.Equal(ok, YamlCppScalar.TryBool(text, out var value));
        Assert.Equal(expected, value);
    }
}
