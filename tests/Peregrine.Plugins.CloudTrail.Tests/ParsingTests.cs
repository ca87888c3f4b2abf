using System.Text;
using Peregrine.Plugins.CloudTrail.Aws;
using Peregrine.Plugins.CloudTrail.Reading;
using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.CloudTrail.Tests;

/// <summary>The small parsers: eventTime, s3Interval, the shared config file's region.</summary>
public sealed class ParsingTests
{
    [Theory]
    [InlineData("2024-03-01T12:00:00Z", "2024-03-01T12:00:00Z")]
    [InlineData("2024-03-01T12:00:00.123456789Z", "2024-03-01T12:00:00Z", 123_456_789UL)]
    [InlineData("2024-03-01T12:00:00.5+02:00", "2024-03-01T10:00:00Z", 500_000_000UL)]
    [InlineData("2024-02-29T23:59:59-00:30", "2024-03-01T00:29:59Z")]
    public void EventTime_ParsesRfc3339(string text, string utc, ulong extraNanoseconds = 0)
    {
        Assert.True(EventTime.TryParse(Encoding.UTF8.GetBytes(text), out var nanoseconds));
        Assert.Equal(FieldTests.Nanoseconds(utc) + extraNanoseconds, nanoseconds);
    }

    [Theory]
    [InlineData("2024-03-01 12:00:00Z")]
    [InlineData("2024-03-01T12:00:00")]
    [InlineData("2023-02-29T12:00:00Z")]
    [InlineData("2024-03-01T24:00:00Z")]
    [InlineData("2024-03-01T12:00:00.Z")]
    [InlineData("1969-12-31T23:59:59Z")]
    [InlineData("")]
    public void EventTime_RejectsOtherTexts(string text) => Assert.False(EventTime.TryParse(Encoding.UTF8.GetBytes(text), out _));

    [Fact]
    public void S3Interval_Forms()
    {
        var now = new DateTime(2024, 5, 10, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal((null, null), S3Interval.Parse("", now));
        Assert.Equal((now.AddDays(-5), null), S3Interval.Parse("5d", now));
        Assert.Equal((now.AddDays(-3), now.AddDays(-1)), S3Interval.Parse("3d-1d", now));
        Assert.Equal((now.AddDays(-14), null), S3Interval.Parse("2w", now));
        Assert.Equal(
            (new DateTime(2023, 4, 5, 6, 0, 0, DateTimeKind.Utc), new DateTime(2023, 4, 5, 12, 0, 10, DateTimeKind.Utc)),
            S3Interval.Parse("2023-04-05T06:00:00Z-2023-04-05T12:00:10Z", now));
        Assert.Equal((new DateTime(2023, 4, 5, 6, 0, 0, DateTimeKind.Utc), now.AddMinutes(-30)), S3Interval.Parse("2023-04-05T06:00:00Z-30m", now));
        Assert.Throws<FormatException>(() => S3Interval.Parse("yesterday", now));
        Assert.Throws<FormatException>(() => S3Interval.Parse("5y", now));
    }

    [Fact]
    public void SharedConfigFile_RegionOfAProfile()
    {
        using var files = new TempLogs();
        var path = files.WriteText("config", "[default]\nregion = eu-central-1\n\n[profile ops]\noutput=json\nregion=ap-south-1\n[profile empty]\n");
        Assert.Equal("eu-central-1", SharedConfigFile.Region(path, "default"));
        Assert.Equal("ap-south-1", SharedConfigFile.Region(path, "ops"));
        Assert.Null(SharedConfigFile.Region(path, "empty"));
        Assert.Null(SharedConfigFile.Region(Path.Join(files.Root, "missing"), "default"));
    }

    [Fact]
    public void NoRegionAnywhere_FailsAtOpenSayingWhatToSet()
    {
        if (Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } || Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL") is { Length: > 0 })
        {
            return; // the environment provides one: nothing to check here
        }

        using var files = new TempLogs();
        var config = files.WriteText("config", "[default]\noutput = json\n");
        var credentials = files.WriteText("credentials", "[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n");
        using var host = PluginTestHost.Create<CloudTrailPlugin>($$$"""{"aws": {"config": "{{{config}}}", "credentials": "{{{credentials}}}"} }""");

        var error = Assert.Throws<PluginException>(() => host.ReadEvents("s3://bucket"));

        Assert.Contains("cloudtrail plugin error: no AWS region: set aws.region", error.Message, StringComparison.Ordinal);
    }
}
