namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>stageTimestamp, the event time, read to the nanosecond as Go's RFC 3339 parser reads it.</summary>
public sealed class StageTimestampTests
{
    [Theory]
    [InlineData("2024-01-02T03:04:05Z", 1_704_164_645_000_000_000UL)]
    [InlineData("2024-01-02T03:04:05.5Z", 1_704_164_645_500_000_000UL)]
    [InlineData("2024-01-02T03:04:05.123456Z", 1_704_164_645_123_456_000UL)]
    [InlineData("2024-01-02T03:04:05.123456789Z", 1_704_164_645_123_456_789UL)]
    [InlineData("2024-01-02T03:04:05.999999999Z", 1_704_164_645_999_999_999UL)]
    [InlineData("2024-01-02T05:04:05.25+02:00", 1_704_164_645_250_000_000UL)]
    [InlineData("2024-01-01T22:04:05-05:00", 1_704_164_645_000_000_000UL)]
    public void ValidTimes_AreReadToTheNanosecond(string text, ulong expected)
    {
        Assert.True(AuditEventParser.TryParseTimestamp(text, out var nanoseconds));
        Assert.Equal(expected, nanoseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-01-02T03:04:05")]
    [InlineData("2024-01-02 03:04:05Z")]
    [InlineData("2024-01-02T03:04:05.Z")]
    [InlineData("2024-13-02T03:04:05Z")]
    [InlineData("1960-01-02T03:04:05Z")]
    public void InvalidTimes_AreRefused(string text)
    {
        Assert.False(AuditEventParser.TryParseTimestamp(text, out _));
    }
}
