using System.Runtime.InteropServices;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Peregrine.TestSupport;

namespace Peregrine.Plugins.Tests;

/// <summary>Version strings are parsed exactly as C sscanf("%u.%u.%u") parses them in libs.</summary>
public unsafe class PluginVersionTests
{
    private static readonly Lazy<nint> Probe = new(() => NativeLibrary.GetExport(NativeLibrary.Load(NativeFixtures.VersionProbe), "probe_version"));

    private static (bool Ok, PluginVersion Version) ParseInC(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text + "\0");
        uint major, minor, patch;
        int count;
        fixed (byte* p = bytes)
        {
            count = ((delegate* unmanaged[Cdecl]<byte*, uint*, uint*, uint*, int>)Probe.Value)(p, &major, &minor, &patch);
        }

        return count == 3 ? (true, new PluginVersion(major, minor, patch)) : (false, default);
    }

    [Theory]
    [InlineData("3.12.0", 3u, 12u, 0u)]
    [InlineData("3.0.0-rc1", 3u, 0u, 0u)]
    [InlineData(" 3.\t1.\n2", 3u, 1u, 2u)]
    [InlineData("+3.+1.-0", 3u, 1u, 0u)]
    [InlineData("-1.0.0", 4294967295u, 0u, 0u)]
    [InlineData("4294967296.0.0", 0u, 0u, 0u)]
    [InlineData("99999999999999999999999.0.0", 4294967295u, 0u, 0u)]
    [InlineData("1.2.3.4", 1u, 2u, 3u)]
    public void Parses_like_sscanf(string text, uint major, uint minor, uint patch)
    {
        Assert.True(PluginVersion.TryParse(text, out var version));
        Assert.Equal(new PluginVersion(major, minor, patch), version);
        Assert.Equal((true, version), ParseInC(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("3.1")]
    [InlineData("3 .1.2")]
    [InlineData("3.1.")]
    [InlineData("v3.1.2")]
    [InlineData("3.x.2")]
    [InlineData("+.1.2")]
    [InlineData("3..2")]
    public void Rejects_like_sscanf(string text)
    {
        Assert.False(PluginVersion.TryParse(text, out _));
        Assert.False(ParseInC(text).Ok);
    }

    [Property(MaxTest = 3000)]
    public Property Agrees_with_the_C_library_on_version_like_text()
    {
        var piece = Gen.Elements("0", "1", "7", "09", "12", "4294967295", "4294967296", "18446744073709551616", ".", ".", ".", " ", "\t", "+", "-", "a", "-rc1", "x");
        var text = Gen.ArrayOf(piece).Select(parts => string.Concat(parts));
        return Prop.ForAll(text.ToArbitrary(), s =>
        {
            var ok = PluginVersion.TryParse(s, out var version);
            var c = ParseInC(s);
            return ok == c.Ok && (!ok || version == c.Version);
        });
    }

    [Fact]
    public void Compares_by_major_minor_patch()
    {
        Assert.True(new PluginVersion(3, 12, 0).CompareTo(new PluginVersion(3, 2, 9)) > 0);
        Assert.True(new PluginVersion(2, 99, 99).CompareTo(new PluginVersion(3, 0, 0)) < 0);
        Assert.Equal("3.12.0", new PluginVersion(3, 12, 0).ToString());
        Assert.False(PluginVersion.TryParse(null, out _));
    }
}
