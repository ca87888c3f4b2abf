using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.CloudTrail.Tests;

/// <summary>
/// s3:// and sqs:// through the AWS SDK: against an endpoint where nothing listens (they must fail
/// fast and say so) and against a small in-test S3 server (the SDK path reads real objects).
/// </summary>
public sealed class AwsReadingTests : IDisposable
{
    private readonly TempLogs _files = new();
    private readonly string _credentials;

    public AwsReadingTests()
    {
        // Explicit static credentials in a file of our own: nothing from the machine is used.
        _credentials = _files.WriteText("credentials", "[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n");
    }

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("s3://bucket/AWSLogs/", "cannot list s3://bucket/AWSLogs/")]
    [InlineData("sqs://my-queue", "cannot find SQS queue my-queue")]
    public void UnreachableEndpoint_FailsFastWithAClearMessage(string openParams, string what)
    {
        var endpoint = $"http://127.0.0.1:{ClosedPort()}";
        using var host = PluginTestHost.Create<CloudTrailPlugin>(Config(endpoint));
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<PluginException>(() => host.ReadEvents(openParams));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Contains($"cloudtrail plugin error: {what}: cannot reach {endpoint}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidEndpoint_FailsAtOpen()
    {
        using var host = PluginTestHost.Create<CloudTrailPlugin>(Config("not a url"));
        var error = Assert.Throws<PluginException>(() => host.ReadEvents("s3://bucket"));
        Assert.Contains("the AWS endpoint 'not a url' is not an absolute URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingProfile_FailsAtOpen()
    {
        using var host = PluginTestHost.Create<CloudTrailPlugin>(
            $$$"""{"aws": {"profile": "nope", "region": "us-east-1", "credentials": "{{{_credentials}}}", "endpointUrl": "http://127.0.0.1:1"} }""");
        var error = Assert.Throws<PluginException>(() => host.ReadEvents("s3://bucket"));
        Assert.Contains("AWS profile 'nope' not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidS3Settings_FailAtOpen()
    {
        using var zero = PluginTestHost.Create<CloudTrailPlugin>(Config("http://127.0.0.1:1", """ "s3DownloadConcurrency": 0, """));
        Assert.Contains("cloudtrail invalid S3DownloadConcurrency: \"0\"", Assert.Throws<PluginException>(() => zero.ReadEvents("s3://b")).Message, StringComparison.Ordinal);

        using var interval = PluginTestHost.Create<CloudTrailPlugin>(Config("http://127.0.0.1:1", """ "s3Interval": "soon", """));
        Assert.Contains("cloudtrail invalid interval: \"soon\"", Assert.Throws<PluginException>(() => interval.ReadEvents("s3://b")).Message, StringComparison.Ordinal);

        using var accounts = PluginTestHost.Create<CloudTrailPlugin>(Config("http://127.0.0.1:1", """ "s3AccountList": "12,abc", """));
        Assert.Contains("cloudtrail invalid account list: \"12,abc\"", Assert.Throws<PluginException>(() => accounts.ReadEvents("s3://b")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void S3Bucket_IsListedAndRead_ThroughTheSdk()
    {
        using var s3 = new FakeAwsServer("trail-bucket");
        s3.Put("logs/2024/01/01/b.json.gz", TempLogs.Gzip(Encoding.UTF8.GetBytes(TempLogs.LogText(LocalReadingTests.Record("b1"), LocalReadingTests.Record("b2")))));
        s3.Put("logs/2024/01/01/a.json", Encoding.UTF8.GetBytes(TempLogs.LogText(LocalReadingTests.Record("a1"))));
        s3.Put("logs/2024/01/01/c.json", Encoding.UTF8.GetBytes(TempLogs.LogText(LocalReadingTests.Record("c1"))));
        s3.Put("logs/2024/01/01/digest.txt", Encoding.UTF8.GetBytes("not a log"));
        s3.Put("other/x.json", Encoding.UTF8.GetBytes(TempLogs.LogText(LocalReadingTests.Record("x"))));
        using var host = PluginTestHost.Create<CloudTrailPlugin>(Config(s3.Url, """ "s3DownloadConcurrency": 2, """));

        var events = host.ReadEvents("s3://trail-bucket/logs/");

        Assert.Equal(["a1", "b1", "b2", "c1"], Ids(events));
        Assert.DoesNotContain(s3.Requests, r => r.Contains("digest", StringComparison.Ordinal));
    }

    [Fact]
    public void S3AccountFolder_IsNarrowedToRegions_AndFilteredByInterval()
    {
        using var s3 = new FakeAwsServer("org-bucket");
        const string trail = "p/AWSLogs/111122223333/CloudTrail/";
        void Put(string region, string day, string stamp, string id) =>
            s3.Put($"{trail}{region}/{day}/111122223333_CloudTrail_{region}_{stamp}Z_u.json", Encoding.UTF8.GetBytes(TempLogs.LogText(LocalReadingTests.Record(id))));
        Put("us-east-1", "2023/12/31", "20231231T2355", "too-early");
        Put("us-east-1", "2024/01/01", "20240101T0005", "e1");
        Put("us-east-1", "2024/01/03", "20240103T0000", "too-late");
        Put("eu-west-1", "2024/01/01", "20240101T1200", "w1");
        using var host = PluginTestHost.Create<CloudTrailPlugin>(
            Config(s3.Url, """ "s3Interval": "2024-01-01T00:00:00Z-2024-01-02T00:00:00Z", """));

        var events = host.ReadEvents("s3://org-bucket/p/AWSLogs/111122223333");

        Assert.Equal(["w1", "e1"], Ids(events));
        Assert.Contains(s3.Requests, r => r.Contains("start-after=p%2FAWSLogs%2F111122223333%2FCloudTrail%2Fus-east-1%2F2024%2F01%2F01%2F", StringComparison.Ordinal));
    }

    [Fact]
    public void S3ObjectThatIsNotALogFile_IsReportedByName_AndTheNextIsRead()
    {
        // s3://bucket lists every *.json.gz, CloudTrail's digest files included, as upstream does.
        using var s3 = new FakeAwsServer("b");
        s3.Put("x/a.json", Encoding.UTF8.GetBytes("{\"Records\": 1}"));
        s3.Put("x/b/CloudTrail-Digest/d.json.gz", TempLogs.Gzip(Encoding.UTF8.GetBytes("""{"awsAccountId": "111122223333", "logFiles": []}""")));
        s3.Put("x/c.json", Encoding.UTF8.GetBytes(TempLogs.LogText(LocalReadingTests.Record("c1"))));
        using var host = PluginTestHost.Create<CloudTrailPlugin>(Config(s3.Url));

        var events = host.ReadEvents("s3://b/x/");

        Assert.Equal(["c1"], Ids(events));
        var warnings = host.Logs.Where(l => l.Severity == PluginLogSeverity.Warning).Select(l => l.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("s3://b/x/a.json: not a valid CloudTrail log file: Records is not an array (found a number)", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("s3://b/x/b/CloudTrail-Digest/d.json.gz: not a valid CloudTrail log file: the JSON object has no Records array", warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public void MissingBucket_FailsWithTheServiceError()
    {
        using var s3 = new FakeAwsServer("b");
        using var host = PluginTestHost.Create<CloudTrailPlugin>(Config(s3.Url));

        var error = Assert.Throws<PluginException>(() => host.ReadEvents("s3://missing/"));

        Assert.Contains("cannot list s3://missing/: NoSuchBucket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SqsNotifications_AnnounceS3LogFiles_ThatAreRead()
    {
        using var aws = new FakeAwsServer("trail-bucket");
        aws.Put("k/1.json", Encoding.UTF8.GetBytes(TempLogs.LogText(LocalReadingTests.Record("one"))));
        aws.Put("k/2.json.gz", TempLogs.Gzip(Encoding.UTF8.GetBytes(TempLogs.LogText(LocalReadingTests.Record("two"), LocalReadingTests.Record("three")))));
        aws.Send("trail-queue", Sns("""{"s3Bucket": "trail-bucket", "s3ObjectKey": ["k/1.json", "k/2.json.gz"]}"""));
        using var host = PluginTestHost.Create<CloudTrailPlugin>(Config(aws.Url));

        var events = host.ReadEvents("sqs://trail-queue", maxEvents: 3);

        Assert.Equal(["one", "two", "three"], Ids(events));
        Assert.Single(aws.Deleted);
    }

    [Fact]
    public void SqsS3EventNotifications_WithUseS3Sns_AndWithoutDeleting()
    {
        using var aws = new FakeAwsServer("b");
        aws.Put("x/1.json", Encoding.UTF8.GetBytes(TempLogs.LogText(LocalReadingTests.Record("s3event"))));
        aws.Send("q", Sns("""{"Records": [{"eventName": "ObjectCreated:Put", "s3": {"bucket": {"name": "b"}, "object": {"key": "x/1.json"}}}]}"""));
        using var host = PluginTestHost.Create<CloudTrailPlugin>(Config(aws.Url, """ "useS3SNS": true, "sqsDelete": false, """));

        Assert.Equal(["s3event"], Ids(host.ReadEvents("sqs://q", maxEvents: 1)));
        Assert.Empty(aws.Deleted);
    }

    [Fact]
    public void SqsMessageThatIsNotANotification_FailsTheStream()
    {
        using var aws = new FakeAwsServer("b");
        aws.Send("q", """{"hello": "world"}""");
        using var host = PluginTestHost.Create<CloudTrailPlugin>(Config(aws.Url));

        var error = Assert.Throws<PluginException>(() => host.ReadEvents("sqs://q", maxEvents: 1));

        Assert.Contains("a message of SQS queue q is not a log file notification: received SQS message that was not a SNS Notification", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingQueue_FailsWithTheServiceError()
    {
        using var aws = new FakeAwsServer("b");
        using var host = PluginTestHost.Create<CloudTrailPlugin>(Config(aws.Url));

        var error = Assert.Throws<PluginException>(() => host.ReadEvents("sqs://nope", maxEvents: 1));

        Assert.Contains("cannot find SQS queue nope: QueueDoesNotExist", error.Message, StringComparison.Ordinal);
    }

    private static string Sns(string message) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["Type"] = "Notification", ["MessageId"] = "m", ["Message"] = message });

    private string Config(string endpoint, string extra = "") =>
        $$$"""{ {{{extra}}} "aws": {"endpointUrl": "{{{endpoint}}}", "region": "us-east-1", "credentials": "{{{_credentials}}}"} }""";

    private static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static List<string> Ids(IReadOnlyList<CapturedEvent> events) =>
        [.. events.Select(e => System.Text.Json.JsonDocument.Parse(e.Payload).RootElement.GetProperty("eventID").GetString()!)];
}
