using System.Text;
using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.CloudTrail.Tests;

/// <summary>Reading local log files: which files, in which order, what each event carries, and errors (content errors: <see cref="ContentErrorTests"/>).</summary>
public sealed class LocalReadingTests : IDisposable
{
    private readonly TempLogs _logs = new();
    private readonly PluginTestHost _host = PluginTestHost.Create<CloudTrailPlugin>();

    public void Dispose()
    {
        _host.Dispose();
        _logs.Dispose();
    }

    internal static string Record(string id, string time = "2024-01-01T00:00:00Z", string type = "AwsApiCall") =>
        $$"""{"eventID": "{{id}}", "eventTime": "{{time}}", "eventType": "{{type}}", "eventName": "N{{id}}"}""";

    [Fact]
    public void Directory_IsWalkedDepthFirst_InNameOrder_WithJsonAndGzipFilesOnly()
    {
        _logs.Write("b.json", Record("b1"), Record("b2"));
        _logs.Write("a/z.json", Record("az"));
        _logs.Write("a.json", Record("a"));
        _logs.Write("c.json.gz", Record("c1"), Record("c2"));
        _logs.Write("a/y/x.json.gz", Record("ayx"));
        _logs.Write("notes.txt", Record("ignored"));
        _logs.Write("old.json.bak", Record("ignored"));
        _logs.Write("UPPER.JSON", Record("ignored"));

        var ids = Ids(_host.ReadEvents(_logs.Root));

        Assert.Equal(["ayx", "az", "a", "b1", "b2", "c1", "c2"], ids);
    }

    [Fact]
    public void Records_KeepTheirFileOrder_AndTakeTheirEventTime()
    {
        // Upstream does not sort: a file's records come in file order, whatever their times.
        var path = _logs.Write("one.json", Record("late", "2024-01-01T00:00:10Z"), Record("early", "2024-01-01T00:00:01.5Z"));

        var events = _host.ReadEvents(path);

        Assert.Equal(["late", "early"], Ids(events));
        Assert.Equal(FieldTests.Nanoseconds("2024-01-01T00:00:10Z"), events[0].Timestamp);
        Assert.Equal(FieldTests.Nanoseconds("2024-01-01T00:00:01.5Z"), events[1].Timestamp);
    }

    [Fact]
    public void Payload_IsTheRecordsTextAsWritten()
    {
        const string record = "{ \"eventTime\" : \"2024-01-01T00:00:00Z\",\n  \"eventType\": \"AwsApiCall\", \"note\": \"caf\\u00e9\" }";
        var path = _logs.WriteText("f.json", "{\"Other\": {\"x\": [1, {\"y\": 2}]}, \"Records\": [" + record + "], \"Tail\": true}");

        var events = _host.ReadEvents(path);

        Assert.Equal(record, Encoding.UTF8.GetString(Assert.Single(events).Payload));
    }

    [Fact]
    public void RecordsThatAreNotEvents_AreSkipped_AndLogged()
    {
        var path = _logs.Write("mixed.json",
            Record("ok1"),
            """{"eventID": "no-time", "eventType": "AwsApiCall"}""",
            Record("bad-time", time: "yesterday"),
            """{"eventID": "no-type", "eventTime": "2024-01-01T00:00:00Z"}""",
            Record("insight", type: "AwsCloudTrailInsight"),
            Record("ok2"));

        var events = _host.ReadEvents(path);

        Assert.Equal(["ok1", "ok2"], Ids(events));
        Assert.Contains(_host.Logs, l => l.Severity == PluginLogSeverity.Warning
            && l.Message.Contains(path, StringComparison.Ordinal) && l.Message.Contains("skipped 3 record(s)", StringComparison.Ordinal)
            && l.Message.Contains("Records[1]", StringComparison.Ordinal));
        Assert.Contains(_host.Logs, l => l.Message.Contains("skipped 1 CloudTrail Insights record(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void LargeRecordsAndManyRecords_StreamThroughSmallBuffers()
    {
        var big = $$"""{"eventTime": "2024-01-01T00:00:00Z", "eventType": "AwsApiCall", "eventID": "big", "blob": "{{new string('x', 300_000)}}"}""";
        var records = Enumerable.Range(0, 3000).Select(i => Record("r" + i)).Prepend(big).Append(big).ToArray();
        var path = _logs.Write("many.json.gz", records);

        var events = _host.ReadEvents(path);

        Assert.Equal(3002, events.Count);
        Assert.Equal(big, Encoding.UTF8.GetString(events[0].Payload));
        Assert.Equal(big, Encoding.UTF8.GetString(events[^1].Payload));
        Assert.Equal("r2999", Ids(events)[^2]);
    }

    [Fact]
    public void ByteOrderMark_IsIgnored()
    {
        var path = _logs.WriteBytes("bom.json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(TempLogs.LogText(Record("x")))]);
        Assert.Equal(["x"], Ids(_host.ReadEvents(path)));
    }

    [Fact]
    public void EmptyRecordsArray_HasNoEvents()
    {
        Assert.Empty(_host.ReadEvents(_logs.WriteText("empty.json", """{"Records": []}""")));
    }

    [Theory]
    [InlineData("", "cloudtrail plugin error: missing input directory argument")]
    [InlineData("/nonexistent/ct-logs", "cloudtrail plugin error: cannot open /nonexistent/ct-logs")]
    public void OpenErrors(string openParams, string expected)
    {
        var error = Assert.Throws<PluginException>(() => _host.ReadEvents(openParams));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_WithoutLogFiles_FailsAtOpen()
    {
        _logs.WriteText("readme.txt", "hello");
        var error = Assert.Throws<PluginException>(() => _host.ReadEvents(_logs.Root));
        Assert.Contains($"no json files found in {_logs.Root}", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Ids(IReadOnlyList<CapturedEvent> events) =>
        [.. events.Select(e => System.Text.Json.JsonDocument.Parse(e.Payload).RootElement.GetProperty("eventID").GetString()!)];
}
