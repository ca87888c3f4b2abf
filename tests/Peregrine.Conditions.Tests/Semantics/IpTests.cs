using static Peregrine.Conditions.Tests.Support.ConditionHarness;

namespace Peregrine.Conditions.Tests.Semantics;

/// <summary>IPv4 and IPv6 addresses and networks, and their family rules.</summary>
public sealed class IpTests
{
    [Theory]
    [InlineData("dt.ip = 10.0.0.1", "10.0.0.1", true)]
    [InlineData("dt.ip = 10.0.0.1", "10.0.0.2", false)]
    [InlineData("dt.ip != 10.0.0.1", "10.0.0.2", true)]
    [InlineData("dt.ip = ::1", "::1", true)]
    [InlineData("dt.ip = ::ffff:a00:1", "::ffff:a00:1", true)]
    [InlineData("dt.ip = 10.0.0.1", "::1", false)] // another family is never equal
    [InlineData("dt.ip != 10.0.0.1", "::1", true)] // ...and always different
    [InlineData("dt.ip in (10.0.0.1, ::1)", "::1", true)]
    [InlineData("dt.ip in (10.0.0.1, ::1)", "10.0.0.3", false)]
    [InlineData("dt.ip = anyof (10.0.0.1, ::1)", "::1", true)] // modifiers load on IP fields
    [InlineData("dt.ip = anyof (10.0.0.1, ::1)", "::2", false)]
    [InlineData("dt.ip = 2001:db8::1", "2001:db8:0:0:0:0:0:1", true)]
    public void Compares_addresses(string condition, string value, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.ip", value)));

    [Theory]
    [InlineData("dt.net = 10.0.0.0/8", "10.1.2.3", true)] // = is "inside the network"
    [InlineData("dt.net = 10.0.0.0/8", "11.1.2.3", false)]
    [InlineData("dt.net != 10.0.0.0/8", "11.1.2.3", true)]
    [InlineData("dt.net != 10.0.0.0/8", "10.1.2.3", false)]
    [InlineData("dt.net in (192.168.0.0/16, 10.0.0.0/8)", "10.9.9.9", true)]
    [InlineData("dt.net in (192.168.0.0/16, 10.0.0.0/8)", "172.16.0.1", false)]
    [InlineData("dt.net = 0.0.0.0/0", "1.2.3.4", true)]
    [InlineData("dt.net = 10.0.0.0/8", "::1", false)]
    [InlineData("dt.net != 10.0.0.0/8", "::1", true)]
    [InlineData("dt.net = 2001:db8::/32", "2001:db8:1::1", true)]
    [InlineData("dt.net = 2001:db8::/32", "2001:db9::1", false)]
    [InlineData("dt.net = ::/1", "::5", true)]
    [InlineData("dt.net = 10.0.0.0/256", "99.0.0.1", true)] // the prefix is read as a byte: 256 is /0
    [InlineData("dt.net = 10.0.0.1/32", "10.0.0.1", true)]
    [InlineData("dt.net = 10.0.0.0/31", "10.0.0.1", true)]
    [InlineData("dt.net = 10.0.0.0/31", "10.0.0.2", false)]
    public void Tests_network_membership(string condition, string value, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.net", value)));

    [Theory]
    [InlineData("dt.ips in (10.0.0.1, 10.0.0.2)", true)]
    [InlineData("dt.ips intersects (10.0.0.2)", true)]
    [InlineData("dt.ips in (10.0.0.1)", false)]
    public void List_of_addresses(string condition, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.ips", new[] { "10.0.0.1", "10.0.0.2" })));

    [Theory]
    [InlineData("dt.nets in (10.0.0.0/8)", true)]
    [InlineData("dt.nets in (10.0.0.0/16)", false)]
    [InlineData("dt.nets intersects (10.0.0.0/16)", true)]
    public void List_of_network_addresses(string condition, bool expected) =>
        Assert.Equal(expected, Eval(condition, ("dt.nets", new[] { "10.0.1.1", "10.1.0.1" })));
}
