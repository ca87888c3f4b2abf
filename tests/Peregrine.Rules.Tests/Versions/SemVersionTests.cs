using Peregrine.Rules.Versions;

namespace Peregrine.Rules.Tests.Versions;

/// <summary>
/// Versions are read with sscanf("%u.%u.%u"); the expectations for out-of-range numbers come
/// from running that call with glibc 2.36 on x86-64.
/// </summary>
public sealed class SemVersionTests
{
    [Theory]
    [InlineData("1.2.3", "1.2.3")]
    [InlineData(" 1. 2. 3x", "1.2.3")]
    [InlineData("0.+5.0", "0.5.0")]
    [InlineData("0.4294967295.0", "0.4294967295.0")]
    [InlineData("0.4294967296.0", "0.0.0")] // narrowed to the low 32 bits
    [InlineData("0.4294967297.0", "0.1.0")]
    [InlineData("0.8589934593.0", "0.1.0")]
    [InlineData("0.18446744073709551615.0", "0.4294967295.0")]
    [InlineData("0.18446744073709551616.0", "0.4294967295.0")] // strtoul saturates first
    [InlineData("0.99999999999999999999999.0", "0.4294967295.0")]
    [InlineData("0.-1.0", "0.4294967295.0")] // negated modulo 2^64
    [InlineData("0.-4294967297.0", "0.4294967295.0")]
    [InlineData("0.-18446744073709551615.0", "0.1.0")]
    [InlineData("0.-18446744073709551616.0", "0.4294967295.0")]
    public void Reads_numbers_as_glibc_sscanf_does(string text, string expected)
    {
        Assert.True(SemVersion.TryParse(text, out var version));
        Assert.Equal(expected, version.ToString());
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("a.b.c")]
    [InlineData("1..2")]
    [InlineData("")]
    public void Rejects_text_without_three_numbers(string text) => Assert.False(SemVersion.TryParse(text, out _));
}
