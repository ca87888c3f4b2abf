using static Peregrine.Conditions.Tests.Support.ConditionHarness;

namespace Peregrine.Conditions.Tests.Semantics;

/// <summary>The 0.44 modifiers: the operator holds for exactly one, at least one, or every element.</summary>
public sealed class ModifierTests
{
    [Theory]
    [InlineData("dt.cmd contains allof (curl, bash)", "curl | bash", true)]
    [InlineData("dt.cmd contains allof (curl, bash)", "curl | sh", false)]
    [InlineData("dt.cmd contains anyof (wget, bash)", "curl | bash", true)]
    [InlineData("dt.cmd contains oneof (curl, bash)", "curl | bash", false)]
    [InlineData("dt.cmd contains oneof (curl, wget)", "curl | bash", true)]
    [InlineData("dt.cmd startswith anyof (cu, wg)", "curl", true)]
    [InlineData("dt.cmd = anyof (a, curl)", "curl", true)]
    [InlineData("dt.cmd != allof (a, b)", "curl", true)]
    [InlineData("dt.cmd != allof (a, curl)", "curl", false)]
    [InlineData("dt.cmd glob anyof (c*, x*)", "curl", true)]
    [InlineData("dt.cmd regex anyof ('c.*', 'x.*')", "curl", true)]
    [InlineData("dt.cmd icontains allof (CURL, URL)", "curl", true)]
    [InlineData("dt.cmd endswith oneof (rl, url)", "curl", false)]
    [InlineData("dt.cmd = anyof ()", "curl", false)]
    public void Applies_modifiers(string condition, string value, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.cmd", value)));

    [Fact]
    public void A_modifier_word_without_a_list_is_a_plain_value() =>
        Assert.True(Eval("dt.cmd = oneof", ("dt.cmd", "oneof")));

    [Fact]
    public void Ipnet_equal_anyof_never_matches_as_upstream() =>
        Assert.False(Eval("dt.net = anyof (10.0.0.0/8)", ("dt.net", "10.0.0.1")));

    [Fact]
    public void Ipnet_oneof_tests_containment() =>
        Assert.True(Eval("dt.net = oneof (10.0.0.0/8, 192.168.0.0/16)", ("dt.net", "10.0.0.1")));
}
