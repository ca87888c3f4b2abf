using static Peregrine.Conditions.Tests.Support.ConditionHarness;

namespace Peregrine.Conditions.Tests.Semantics;

public sealed class TransformerTests
{
    [Theory]
    [InlineData("tolower(dt.name) = bash", "BaSh", true)]
    [InlineData("toupper(dt.name) = BASH", "bash", true)]
    [InlineData("toupper(dt.name) = ÜNÏCØDÉ", "ünïcødé", false)] // ASCII only
    [InlineData("toupper(dt.name) = ÜBASH", "Übash", true)]
    [InlineData("basename(dt.name) = ls", "/usr/bin/ls", true)]
    [InlineData("basename(dt.name) = ls", "ls", true)]
    [InlineData("basename(dt.name) = \"\"", "/usr/bin/", true)]
    [InlineData("len(dt.name) = 4", "bash", true)]
    [InlineData("len(dt.name) = 9", "日本語", true)] // bytes, not characters
    [InlineData("len(dt.name) > 3", "bash", true)]
    [InlineData("b64(dt.name) = hello", "aGVsbG8=", true)]
    [InlineData("b64(dt.name) = hello", "aGVsbG8", true)] // unpadded decodes too
    [InlineData("b64(dt.name) exists", "!!notb64", false)] // invalid base64: no value
    [InlineData("b64(dt.name) = \"\"", "", true)]
    [InlineData("b64(dt.name) exists", "aGVsbG9", false)] // non-zero unused bits
    [InlineData("b64(dt.name) exists", "aGVs bG8=", false)]
    [InlineData("toupper(tolower(dt.name)) = ABC", "aBc", true)]
    [InlineData("len(basename(dt.name)) = 2", "/bin/ls", true)]
    [InlineData("tolower(dt.name) in (bash, zsh)", "ZSH", true)]
    [InlineData("tolower(dt.name) contains as", "BASH", true)]
    public void Applies_transformers(string condition, string value, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.name", value)));

    [Fact]
    public void Transformers_on_both_sides()
    {
        Assert.True(Eval("tolower(dt.name) = tolower(dt.name2)", ("dt.name", "BASH"), ("dt.name2", "bash")));
        Assert.False(Eval("tolower(dt.name) = tolower(dt.name2)", ("dt.name", "BASH"), ("dt.name2", "zsh")));
    }

    [Fact]
    public void Join_and_concat()
    {
        Assert.True(Eval("join(\",\", dt.tags) = \"a,b\"", ("dt.tags", new[] { "a", "b" })));
        Assert.True(Eval("concat(dt.name, \"-\", dt.name2) = x-y", ("dt.name", "x"), ("dt.name2", "y")));
        Assert.False(Eval("concat(dt.name, dt.maybe) exists", ("dt.name", "x")));
        Assert.True(Eval("join(\"/\", (dt.name, dt.num)) = x/5", ("dt.name", "x"), ("dt.num", 5UL)));
    }

    [Theory]
    [InlineData("getopt(dt.tags, \"nt:\")[t] = value", true)]
    [InlineData("getopt(dt.tags, \"nt:\")[n] = n", true)]
    [InlineData("getopt(dt.tags, \"nt:\")[x] exists", false)]
    [InlineData("getopt(dt.tags, \"nt:\") intersects (t)", true)]
    [InlineData("getopt(dt.tags, \"nt:\") in (n, t, value, \"?\")", true)]
    public void Getopt_reads_short_options(string condition, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.tags", new[] { "-nzt", "value", "rest" })));

    [Fact]
    public void Getopt_stops_at_first_operand_and_double_dash()
    {
        Assert.False(Eval("getopt(dt.tags, \"t:\")[t] exists", ("dt.tags", new[] { "run", "-t", "x" })));
        Assert.False(Eval("getopt(dt.tags, \"t:\")[t] exists", ("dt.tags", new[] { "--", "-t", "x" })));
        Assert.True(Eval("getopt(dt.tags, \"t:\")[t] = x", ("dt.tags", new[] { "--long", "-tx" })));
        Assert.True(Eval("getopt(dt.tags, \"t:\")[t] = \"\"", ("dt.tags", new[] { "-t" })));
    }
}
