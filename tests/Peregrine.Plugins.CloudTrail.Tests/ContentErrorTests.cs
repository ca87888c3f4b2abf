using System.Text;
using Peregrine.Plugins;
using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.CloudTrail.Tests;

/// <summary>
/// Files whose content is not a CloudTrail log file's. As upstream, content never ends the stream:
/// the complete records found are delivered, the file is reported in a warning (what is wrong and
/// where), and the next file is read. Only a file that cannot be read ends it.
/// </summary>
public sealed class ContentErrorTests : IDisposable
{
    // A CloudTrail digest file: in the same bucket as the logs (CloudTrail-Digest/), but no Records.
    private const string Digest = """
        {"awsAccountId": "111122223333", "digestStartTime": "2024-01-01T00:00:00Z", "digestEndTime": "2024-01-01T01:00:00Z",
         "digestS3Bucket": "b", "digestSignatureAlgorithm": "SHA256withRSA",
         "logFiles": [{"s3Bucket": "b", "s3Object": "x.json.gz", "hashValue": "00", "oldestEventTime": "2024-01-01T00:00:00Z"}]}
        """;

    private readonly TempLogs _logs = new();
    private readonly PluginTestHost _host = PluginTestHost.Create<CloudTrailPlugin>();

    public void Dispose()
    {
        _host.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public void DigestFile_IsReportedAndSkipped_AndTheNextFileIsRead()
    {
        _logs.Write("a.json", Record("a"));
        var digest = _logs.WriteText("b-digest.json", Digest);
        _logs.Write("c.json", Record("c"));

        Assert.Equal(["a", "c"], Ids(_host.ReadEvents(_logs.Root)));
        var warning = Assert.Single(Warnings());
        Assert.StartsWith($"{digest}: not a valid CloudTrail log file: the JSON object has no Records array (at byte ", warning, StringComparison.Ordinal);
        Assert.EndsWith("stopped reading the file there, after 0 record(s)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedFile_KeepsItsCompleteRecords_AndTheNextFileIsRead()
    {
        // Upstream's splitter hands out every complete object: so is everything before the cut.
        var text = TempLogs.LogText(Record("a1"), Record("a2"), Record("a3"));
        var cut = text.IndexOf("\"a3\"", StringComparison.Ordinal);
        var truncated = _logs.WriteText("a.json", text[..cut]);
        _logs.Write("b.json", Record("b"));

        Assert.Equal(["a1", "a2", "b"], Ids(_host.ReadEvents(_logs.Root)));
        var warning = Assert.Single(Warnings());
        Assert.StartsWith($"{truncated}: not a valid CloudTrail log file: the file ends inside the record at byte {text.LastIndexOf('{', cut)} (at byte {cut})", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void FileCutBetweenRecords_KeepsThemAll()
    {
        var text = TempLogs.LogText(Record("a1"), Record("a2"));
        var cut = text[..text.LastIndexOf("\n]}", StringComparison.Ordinal)] + ",\n";
        var path = _logs.WriteText("a.json", cut);

        Assert.Equal(["a1", "a2"], Ids(_host.ReadEvents(path)));
        Assert.Equal($"{path}: not a valid CloudTrail log file: the file ends inside the Records array (at byte {cut.Length}); stopped reading the file there, after 2 record(s)", Assert.Single(Warnings()));
    }

    [Fact]
    public void JunkAfterTheLog_KeepsAllItsRecords()
    {
        var path = _logs.WriteText("a.json", TempLogs.LogText(Record("a1"), Record("a2")) + ",");

        Assert.Equal(["a1", "a2"], Ids(_host.ReadEvents(path)));
        Assert.Equal($"{path}: not a valid CloudTrail log file: not valid JSON at line 4, byte 3: ',' is invalid after a single JSON value. Expected end of data; stopped reading the file there, after 2 record(s)", Assert.Single(Warnings()));
    }

    [Fact]
    public void CorruptGzip_IsReportedAndSkipped_AndTheNextFileIsRead()
    {
        _logs.Write("a.json", Record("a"));
        var bad = _logs.WriteBytes("b.json.gz.raw", Encoding.UTF8.GetBytes("this is not gzip data"));
        File.Move(bad, bad = Path.Join(_logs.Root, "b.json.gz"));
        _logs.Write("c.json.gz", Record("c"));

        Assert.Equal(["a", "c"], Ids(_host.ReadEvents(_logs.Root)));
        Assert.StartsWith($"{bad}: not a valid CloudTrail log file: cannot be decompressed: ", Assert.Single(Warnings()), StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedGzip_KeepsTheRecordsItHolds()
    {
        var records = Enumerable.Range(0, 2000).Select(i => Record($"r{i}")).ToArray();
        var gzip = TempLogs.Gzip(Encoding.UTF8.GetBytes(TempLogs.LogText(records)));
        var path = Path.Join(_logs.Root, "a.json.gz");
        File.WriteAllBytes(path, gzip[..(gzip.Length / 2)]);

        var ids = Ids(_host.ReadEvents(path));

        Assert.InRange(ids.Count, 1, records.Length - 1);
        Assert.Equal(Enumerable.Range(0, ids.Count).Select(i => $"r{i}"), ids);
        Assert.Contains($"{path}: not a valid CloudTrail log file: ", Assert.Single(Warnings()), StringComparison.Ordinal);
    }

    [Fact]
    public void RecordThatIsNotJson_IsSkipped_AndTheRecordsAfterItAreRead()
    {
        // Upstream drops a record it cannot parse and goes on with the next.
        var path = _logs.WriteText("a.json", TempLogs.LogText(Record("a1"), """{"eventTime": oops, "x": {"y": 1}}""", Record("a3")));
        _logs.Write("b.json", Record("b"));

        Assert.Equal(["a1", "a3", "b"], Ids(_host.ReadEvents(_logs.Root)));
        var warning = Assert.Single(Warnings());
        var at = File.ReadAllText(path).IndexOf("{\"eventTime\": oops", StringComparison.Ordinal);
        Assert.Equal($"{path}: skipped 1 record(s) that are not CloudTrail events (the first, the record at byte {at}, is not valid JSON)", warning);
    }

    [Fact]
    public void SomethingElseInTheRecordsArray_IsReported_AndTheRecordsAfterItAreRead()
    {
        var path = _logs.WriteText("a.json", TempLogs.LogText(Record("a1"), "3", "[{\"n\": 1}]", Record("a2")));

        Assert.Equal(["a1", "a2"], Ids(_host.ReadEvents(path)));
        var warnings = Warnings();
        Assert.Equal(2, warnings.Count);
        Assert.StartsWith($"{path}: not a valid CloudTrail log file: Records[1] is not an object (found a number) (at byte ", warnings[0], StringComparison.Ordinal);
        Assert.EndsWith("; the records after it are read by matching braces, as upstream does", warnings[0], StringComparison.Ordinal);

        // Upstream's splitter takes the object in the nested array as a record; it is not an event.
        Assert.Contains("skipped 1 record(s) that are not CloudTrail events", warnings[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("not json at all", "not valid JSON at line 1, byte ")]
    [InlineData("[1, 2]", "a CloudTrail log file is a JSON object with a Records array, but this one does not start with an object (at byte 0)")]
    [InlineData("""{"records": []}""", "the JSON object has no Records array (at byte 14)")]
    [InlineData("""{"Records": {"a": 1}}""", "Records is not an array (found an object) (at byte 12)")]
    [InlineData("""{"Records": []} trailing""", "not valid JSON at line 1, byte ")]
    public void FileThatIsNotALogFile_IsReported_AndTheNextFileIsRead(string content, string expected)
    {
        var bad = _logs.WriteText("a.json", content);
        _logs.Write("b.json", Record("b"));

        Assert.Equal(["b"], Ids(_host.ReadEvents(_logs.Root)));
        Assert.Contains($"{bad}: not a valid CloudTrail log file: {expected}", Assert.Single(Warnings()), StringComparison.Ordinal);
    }

    [Fact]
    public void Positions_CountFromTheStartOfTheFile()
    {
        // Far enough in that the reader has moved its buffer on several times.
        var records = Enumerable.Range(0, 3000).Select(i => Record($"r{i}")).ToList();
        var junk = _logs.WriteText("a.json", TempLogs.LogText([.. records]) + " junk");
        records.Add("{\"eventTime\": \"2024-01-01T00:00:00Z\" \"eventType\": \"x\"}");
        records.Add(Record("last"));
        var broken = _logs.WriteText("b.json", TempLogs.LogText([.. records]));

        Assert.Equal(6001, _host.ReadEvents(_logs.Root).Count);
        var warnings = Warnings();
        Assert.Equal(2, warnings.Count);

        // One record a line after the opening line: the junk is on line 3002, after "]} ".
        Assert.StartsWith($"{junk}: not a valid CloudTrail log file: not valid JSON at line 3002, byte 4: ", warnings[0], StringComparison.Ordinal);
        var at = File.ReadAllText(broken).IndexOf("{\"eventTime\": \"2024-01-01T00:00:00Z\" ", StringComparison.Ordinal);
        Assert.Equal($"{broken}: skipped 1 record(s) that are not CloudTrail events (the first, the record at byte {at}, is not valid JSON)", warnings[1]);
    }

    [Fact]
    public void FileThatCannotBeRead_StillEndsTheStream_AfterTheEventsBeforeIt()
    {
        // As upstream, whose ReadFile error ends the stream: a dangling link is listed but cannot be opened.
        _logs.Write("a.json", Record("a"));
        var dangling = Path.Join(_logs.Root, "b.json");
        File.CreateSymbolicLink(dangling, Path.Join(_logs.Root, "missing-target.json"));

        using var stream = _host.Plugin.Open(_logs.Root);
        var delivered = 0;
        PluginBatchStatus status;
        while ((status = stream.NextBatch(out var batch)) is PluginBatchStatus.Success or PluginBatchStatus.Timeout)
        {
            delivered += status == PluginBatchStatus.Success ? batch.Count : 0;
        }

        Assert.Equal(1, delivered);
        Assert.Equal(PluginBatchStatus.Failure, status);
        Assert.Contains($"cannot open {dangling}", stream.LastError, StringComparison.Ordinal);
    }

    private static string Record(string id) => LocalReadingTests.Record(id);

    private List<string> Warnings() =>
        [.. _host.Logs.Where(l => l.Severity == PluginLogSeverity.Warning).Select(l => l.Message)];

    private static List<string> Ids(IReadOnlyList<CapturedEvent> events) =>
        [.. events.Select(e => System.Text.Json.JsonDocument.Parse(e.Payload).RootElement.GetProperty("eventID").GetString()!)];
}
