using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.CloudTrail.Tests;

/// <summary>The init config: upstream's keys, defaults and leniency, checked by the host's schema.</summary>
public sealed class ConfigTests : IDisposable
{
    private readonly TempLogs _logs = new();

    public void Dispose() => _logs.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"sqsDelete": false, "s3DownloadConcurrency": 64, "useS3SNS": true, "useAsync": false}""")]
    [InlineData("""{"s3Interval": "5d-2d", "s3AccountList": "012345678912, 987654321012", "sqsOwnerAccount": "012345678912"}""")]
    [InlineData("""{"aws": {"profile": "p", "region": "eu-west-1", "config": "/x/config", "credentials": "/x/credentials", "endpointUrl": "http://localhost:4566"}}""")]
    [InlineData("""{"somethingNew": 1}""")] // upstream's schema allows unknown keys
    [InlineData("""{"s3Interval": null, "aws": null}""")]
    public void UpstreamConfigs_AreAccepted(string config)
    {
        using var host = PluginTestHost.Create<CloudTrailPlugin>(config);
        var path = _logs.Write("one.json", LocalReadingTests.Record("x"));
        Assert.Single(host.ReadEvents(path));
    }

    [Theory]
    [InlineData("""{"s3DownloadConcurrency": "many"}""")]
    [InlineData("""{"sqsDelete": "yes"}""")]
    [InlineData("""{"aws": {"region": 5}}""")]
    [InlineData("[]")]
    public void WronglyTypedConfigs_AreRejectedAtLoad(string config)
    {
        var error = Assert.Throws<PluginLoadException>(() => PluginTestHost.Create<CloudTrailPlugin>(config));
        Assert.Contains("cloudtrail", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyCase_IsIgnored_AsByUpstreamsDecoder()
    {
        // Upstream's README spells the keys S3AccountList and S3Interval; Go matches them anyway.
        using var host = PluginTestHost.Create<CloudTrailPlugin>("""{"S3DownloadConcurrency": 0}""");
        var error = Assert.Throws<PluginException>(() => host.ReadEvents("s3://bucket"));
        Assert.Contains("cloudtrail invalid S3DownloadConcurrency: \"0\"", error.Message, StringComparison.Ordinal);
    }
}
