using static Peregrine.Conditions.Tests.Support.ConditionHarness;

namespace Peregrine.Conditions.Tests.Semantics;

/// <summary>String operators against constants, one behaviour per case.</summary>
public sealed class StringOperatorTests
{
    [Theory]
    [InlineData("dt.name = bash", "bash", true)]
    [InlineData("dt.name = bash", "bashx", false)]
    [InlineData("dt.name == bash", "bash", true)]
    [InlineData("dt.name = \"with space\"", "with space", true)]
    [InlineData("dt.name = 'sq'", "sq", true)]
    [InlineData("dt.name != bash", "zsh", true)]
    [InlineData("dt.name != bash", "bash", false)]
    [InlineData("dt.name contains as", "bash", true)]
    [InlineData("dt.name contains sa", "bash", false)]
    [InlineData("dt.name contains \"\"", "bash", true)]
    [InlineData("dt.name icontains AS", "bAsh", true)]
    [InlineData("dt.name icontains ASX", "bash", false)]
    [InlineData("dt.name startswith ba", "bash", true)]
    [InlineData("dt.name startswith as", "bash", false)]
    [InlineData("dt.name endswith sh", "bash", true)]
    [InlineData("dt.name endswith bash1", "bash", false)]
    [InlineData("dt.name in (zsh, bash)", "bash", true)]
    [InlineData("dt.name in (zsh, ksh)", "bash", false)]
    [InlineData("dt.name in ()", "bash", false)]
    [InlineData("dt.name intersects (zsh, bash)", "bash", true)]
    [InlineData("dt.name in bash", "bash", true)]
    [InlineData("dt.name in (a,b,c,d,e,f,g,h,i,j,bash,k)", "bash", true)]
    [InlineData("dt.name in (a,b,c,d,e,f,g,h,i,j,k)", "bash", false)]
    public void Compares_strings(string condition, string value, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.name", value)));

    [Theory]
    [InlineData("dt.path < 0", "/a", true)] // byte-wise strcmp with the text "0"
    [InlineData("dt.path > 0", "/a", false)]
    [InlineData("dt.path >= 5", "5", true)]
    [InlineData("dt.path <= 5", "50", false)]
    [InlineData("dt.path < -1", "-0", true)]
    public void Orders_strings_bytewise(string condition, string value, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.path", value)));

    [Theory]
    [InlineData("dt.path glob /usr/*", "/usr/bin/ls", true)] // '*' crosses '/'
    [InlineData("dt.path glob /**", "/a/b/c", true)]
    [InlineData("dt.path glob /usr/?in", "/usr/bin", true)]
    [InlineData("dt.path glob /usr/?in", "/usr/sbin", false)]
    [InlineData("dt.path glob /usr/[bs]in", "/usr/sin", true)]
    [InlineData("dt.path glob /usr/[!bs]in", "/usr/sin", false)]
    [InlineData("dt.path glob /usr/[a-c]in", "/usr/bin", true)]
    [InlineData("dt.path glob *[[:digit:]]", "file9", true)]
    [InlineData("dt.path glob a\\*b\\?c", "a*b?c", true)]
    [InlineData("dt.path glob a\\*b\\?c", "axbyc", false)]
    [InlineData("dt.path glob .hidden", ".hidden", true)]
    [InlineData("dt.path glob *.conf", ".conf", true)]
    [InlineData("dt.path glob /ETC/*", "/etc/passwd", false)]
    [InlineData("dt.path iglob /ETC/*", "/etc/passwd", true)]
    [InlineData("dt.path glob [abc", "[abc", true)] // unterminated bracket is literal
    public void Globs_like_fnmatch(string condition, string value, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.path", value)));

    [Theory]
    [InlineData("dt.name regex sh", "bash", false)] // full match, not search
    [InlineData("dt.name regex .*sh", "bash", true)]
    [InlineData("dt.name regex 'ba(s|t)h'", "bath", true)]
    [InlineData("dt.name regex '[[:space:]]x'", " x", true)]
    [InlineData("dt.name regex '[0-9]+'", "123", true)]
    [InlineData("dt.name regex '[0-9]+'", "12a", false)]
    [InlineData("dt.name regex 'a{2,3}'", "aaa", true)]
    [InlineData("dt.name regex 'a{2,3}'", "aaaa", false)]
    [InlineData("dt.name regex '^ab$'", "ab", true)]
    [InlineData("dt.name regex 'a.c'", "a\u00e9c", true)] // '.' is one code point
    [InlineData("dt.name regex 'a.c'", "a\U0001F600c", true)]
    [InlineData("dt.name regex '[^x]'", "\U0001F600", true)]
    [InlineData("dt.name regex a\\.b", "a.b", true)] // bare: a quoted "\." would be an escape error
    [InlineData("dt.name regex a\\.b", "axb", false)]
    public void Matches_regex_fully(string condition, string value, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.name", value)));

    [Theory]
    [InlineData("dt.path pmatch (/opt/dir)", "/opt/dir", true)]
    [InlineData("dt.path pmatch (/opt/dir)", "/opt/dir/x", true)]
    [InlineData("dt.path pmatch (/opt/dir)", "/opt/dirx", false)]
    [InlineData("dt.path pmatch (/opt/dir)", "/opt", false)]
    [InlineData("dt.path pmatch (/)", "/anything/at/all", true)]
    [InlineData("dt.path pmatch (/var/*)", "/var/run/x", true)]
    [InlineData("dt.path pmatch (/var/*/log)", "/var/a/log/b", true)]
    [InlineData("dt.path pmatch (/var/*/log)", "/var/a/x", false)]
    [InlineData("dt.path pmatch (//opt//dir/)", "/opt/dir/y", true)]
    [InlineData("dt.path pmatch (/a/b, /a)", "/a/c", true)] // the shorter entry wins
    [InlineData("dt.path pmatch (/a, /a/b)", "/a/c", true)]
    [InlineData("dt.path pmatch (/usr/bin, /etc)", "/etc/passwd", true)]
    [InlineData("dt.path pmatch ()", "/etc", false)]
    public void Path_matches_by_components(string condition, string value, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.path", value)));

    [Fact]
    public void Icontains_is_ascii_only() =>
        Assert.False(Eval("dt.name icontains ÜNÏ", ("dt.name", "ünï")));

    [Fact]
    public void Icontains_keeps_non_ascii_exact() =>
        Assert.True(Eval("dt.name icontains ÜN", ("dt.name", "XÜNY")));
}
