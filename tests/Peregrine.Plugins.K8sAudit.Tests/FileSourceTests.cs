using System.Text;
using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>Reading audit events from a file or a directory: one Event, EventList or array a line.</summary>
public sealed class FileSourceTests : IDisposable
{
    private readonly AuditTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void SingleEvent_IsReadWithItsStageTimestamp()
    {
        var evt = Assert.Single(_host.ReadLines(AuditJson.Event()));
        Assert.Equal(AuditJson.StageNanoseconds, evt.Timestamp);
        Assert.Equal(1u, evt.PluginId);
        Assert.Equal([AuditJson.AuditId], _host.Extract(evt, "ka.auditid"));
    }

    [Fact]
    public void SampleFile_IsReadAsUpstreamReadsIt()
    {
        var evt = Assert.Single(_host.ReadSample("create_clusterrolebinding.json"));

        // stageTimestamp 2018-10-26T13:25:18.286399Z
        Assert.Equal(1_540_560_318_286_399_000UL, evt.Timestamp);
    }

    [Fact]
    public void EventList_GivesEachItem()
    {
        var list = $$"""{"kind":"EventList","apiVersion":"audit.k8s.io/v1","items":[{{AuditJson.Event(auditId: "a")}},{{AuditJson.Event(auditId: "b")}}]}""";
        var events = _host.ReadLines(list);
        Assert.Equal(["a", "b"], events.Select(e => _host.Extract(e, "ka.auditid").Single()));
    }

    [Fact]
    public void Array_OfEventsAndEventLists_GivesEveryEvent()
    {
        var array = $$"""[{{AuditJson.Event(auditId: "a")}},{"kind":"EventList","items":[{{AuditJson.Event(auditId: "b")}}]},{{AuditJson.Event(auditId: "c")}}]""";
        var events = _host.ReadLines(array);
        Assert.Equal(["a", "b", "c"], events.Select(e => _host.Extract(e, "ka.auditid").Single()));
    }

    [Fact]
    public void EmptyLines_AreSkipped_AndCrLfEndingsAccepted()
    {
        var path = Path.Combine(_host.Directory, "crlf.log");
        File.WriteAllText(path, "\n\r\n" + AuditJson.Event(auditId: "a") + "\r\n\n" + AuditJson.Event(auditId: "b"));
        var events = _host.Host.ReadEvents(path);
        Assert.Equal(["a", "b"], events.Select(e => _host.Extract(e, "ka.auditid").Single()));
        Assert.Empty(_host.Host.Logs);
    }

    [Fact]
    public void BadLines_AreLoggedAndSkipped()
    {
        var events = _host.ReadLines(
            AuditJson.Event(auditId: "a"),
            "not json at all",
            """{"kind": 0}""",
            """{"kind":"Event","auditID":"no-time"}""",
            """{"kind":"Event","auditID":"bad-time","stageTimestamp":"yesterday"}""",
            AuditJson.Event(auditId: "b"));
        Assert.Equal(["a", "b"], events.Select(e => _host.Extract(e, "ka.auditid").Single()));
        var logs = _host.Host.Logs.Select(l => l.Message).ToArray();
        Assert.Equal(4, logs.Length);
        Assert.Contains(":2: invalid JSON", logs[0], StringComparison.Ordinal);
        Assert.Contains(":3: data not recognized as a k8s audit event", logs[1], StringComparison.Ordinal);
        Assert.Contains(":4: can't read stageTimestamp", logs[2], StringComparison.Ordinal);
        Assert.Contains(":5: can't parse stageTimestamp", logs[3], StringComparison.Ordinal);
        Assert.All(_host.Host.Logs, l => Assert.Equal("k8saudit", l.Component));
    }

    [Fact]
    public void UpstreamsBadSample_IsLoggedAndSkipped()
    {
        Assert.Empty(_host.ReadSample("fal_01_003.json"));
        Assert.Contains(_host.Host.Logs, l => l.Message.Contains("data not recognized as a k8s audit event", StringComparison.Ordinal));
    }

    [Fact]
    public void BadItemOfAnEventList_IsSkipped_TheOthersKept()
    {
        var list = $$"""{"kind":"EventList","items":[{{AuditJson.Event(auditId: "a")}},{"kind":"Event"},{{AuditJson.Event(auditId: "b")}}]}""";
        var events = _host.ReadLines(list);
        Assert.Equal(["a", "b"], events.Select(e => _host.Extract(e, "ka.auditid").Single()));
        Assert.Contains(_host.Host.Logs, l => l.Message.Contains("can't read stageTimestamp", StringComparison.Ordinal));
    }

    [Fact]
    public void ArrayWithAnUnrecognizedPart_GivesNothing_AsUpstream()
    {
        var array = $"[{AuditJson.Event(auditId: "a")}, 42]";
        Assert.Empty(_host.ReadLines(array));
        Assert.Contains(_host.Host.Logs, l => l.Message.Contains("data not recognized", StringComparison.Ordinal));
    }

    [Fact]
    public void EventsLargerThanMaxEventSize_AreLoggedAndDropped()
    {
        using var host = new AuditTestHost("""{"maxEventSize": 400}""");
        var big = AuditJson.Event($"\"requestURI\":\"/{new string('x', 500)}\"", auditId: "big");
        var events = host.ReadLines(AuditJson.Event(auditId: "small"), big);
        Assert.Equal(["small"], events.Select(e => host.Extract(e, "ka.auditid").Single()));
        Assert.Contains(host.Host.Logs, l => l.Message.Contains("event larger than maxEventSize", StringComparison.Ordinal));
    }

    [Fact]
    public void LinesLongerThanEveryLimit_AreLoggedAndSkipped_WithoutBufferingThem()
    {
        // A line over max(maxEventSize, webhookMaxBatchSize) is dropped as it streams by.
        using var host = new AuditTestHost("""{"maxEventSize": 1000, "webhookMaxBatchSize": 1000}""");
        var huge = AuditJson.Event($"\"requestURI\":\"/{new string('x', 300_000)}\"", auditId: "huge");
        var events = host.ReadLines(AuditJson.Event(auditId: "a"), huge, AuditJson.Event(auditId: "b"));
        Assert.Equal(["a", "b"], events.Select(e => host.Extract(e, "ka.auditid").Single()));
        Assert.Contains(host.Host.Logs, l => l.Message.Contains(":2: line of", StringComparison.Ordinal) && l.Message.Contains("skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void LastLine_WithoutNewline_IsRead()
    {
        var path = Path.Combine(_host.Directory, "no-newline.log");
        File.WriteAllText(path, AuditJson.Event(auditId: "a") + "\n" + AuditJson.Event(auditId: "b"));
        Assert.Equal(["a", "b"], _host.Host.ReadEvents(path).Select(e => _host.Extract(e, "ka.auditid").Single()));
    }

    [Fact]
    public void ManyEvents_SpanManyBatchesAndChunks()
    {
        var path = Path.Combine(_host.Directory, "many.log");
        var builder = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            builder.Append(AuditJson.Event($"\"verb\":\"v{i}\"", auditId: $"id-{i}")).Append('\n');
        }

        File.WriteAllText(path, builder.ToString());
        var events = _host.Host.ReadEvents(path);
        Assert.Equal(5000, events.Count);
        Assert.Equal(["id-0"], _host.Extract(events[0], "ka.auditid"));
        Assert.Equal(["v4999"], _host.Extract(events[4999], "ka.verb"));
        Assert.Equal(Enumerable.Range(1, 5000).Select(i => (ulong)i), events.Select(e => e.Number));
    }

    [Fact]
    public void Directory_IsReadFileByFile_OldestFirst()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_host.Directory, "logs")).FullName;
        var now = DateTime.UtcNow;
        WriteWithTime(Path.Combine(dir, "a-newest.log"), AuditJson.Event(auditId: "3"), now);
        WriteWithTime(Path.Combine(dir, "b-oldest.log"), AuditJson.Event(auditId: "1") + "\n" + AuditJson.Event(auditId: "2"), now.AddMinutes(-10));

        // A file without a final newline does not run into the next file.
        WriteWithTime(Path.Combine(dir, "c-middle.log"), AuditJson.Event(auditId: "2b"), now.AddMinutes(-5));
        Directory.CreateDirectory(Path.Combine(dir, "subdirectory-ignored"));

        var events = _host.Host.ReadEvents(dir);
        Assert.Equal(["1", "2", "2b", "3"], events.Select(e => _host.Extract(e, "ka.auditid").Single()));
    }

    [Fact]
    public void EmptyDirectory_GivesNoEvents()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_host.Directory, "empty")).FullName;
        Assert.Empty(_host.Host.ReadEvents(dir));
    }

    [Fact]
    public void PathWithSurroundingSpaces_IsTrimmed()
    {
        var path = _host.WriteFile(AuditJson.Event());
        Assert.Single(_host.Host.ReadEvents("  " + path + "  "));
    }

    [Fact]
    public void MissingPath_FailsTheOpen()
    {
        var e = Assert.ThrowsAny<Exception>(() => _host.Host.ReadEvents(Path.Combine(_host.Directory, "missing.log")));
        Assert.Contains("no such file or directory", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://example.com/audit.log", "scheme \"ftp\" is not supported")]
    [InlineData("s3://bucket/key", "scheme \"s3\" is not supported")]
    [InlineData("", "no open parameters")]
    [InlineData(":9765", "missing protocol scheme")]
    public void UnsupportedOpenParams_AreRefused(string parameters, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => _host.Host.ReadEvents(parameters));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_ReachesTheEnd()
    {
        var path = _host.WriteFile(AuditJson.Event(), AuditJson.Event());
        using var stream = _host.Host.Plugin.Open(path);
        while (stream.NextBatch(out _) == PluginBatchStatus.Success)
        {
        }

        Assert.Equal(10000u, stream.GetProgress().Hundredths);
    }

    [Fact]
    public void ClosingMidFile_IsPrompt()
    {
        var path = Path.Combine(_host.Directory, "long.log");
        File.WriteAllLines(path, Enumerable.Range(0, 20_000).Select(i => AuditJson.Event(auditId: $"id-{i}")));
        var stream = _host.Host.Plugin.Open(path);
        Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out _));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        stream.Dispose();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"closing took {clock.Elapsed}");
    }

    [Fact]
    public void EventsKeepTheFileOrder_AcrossTheReaderThread()
    {
        var path = Path.Combine(_host.Directory, "ordered.log");
        File.WriteAllLines(path, Enumerable.Range(0, 3000).Select(i => AuditJson.Event(auditId: $"{i}")));
        var ids = _host.Host.ReadEvents(path).Select(e => int.Parse(_host.Extract(e, "ka.auditid").Single(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(0, 3000), ids);
    }

    [Fact]
    public async Task Pipe_IsReadAsItIsWritten()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var path = Path.Combine(_host.Directory, "pipe");
        Assert.Equal(0, MakeFifo(path, Convert.ToUInt32("600", 8)));
        var writer = Task.Run(() => File.WriteAllLines(path, [AuditJson.Event(auditId: "a"), AuditJson.Event(auditId: "b")]));
        var events = _host.Host.ReadEvents(path);
        await writer.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["a", "b"], events.Select(e => _host.Extract(e, "ka.auditid").Single()));
    }

    [Fact]
    public void EmptyFile_HasNoProgressToReport()
    {
        var path = Path.Combine(_host.Directory, "empty.log");
        File.WriteAllText(path, string.Empty);
        using var stream = _host.Host.Plugin.Open(path);
        Assert.Equal(PluginProgress.None, stream.GetProgress());
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, uint mode);

    private static void WriteWithTime(string path, string text, DateTime time)
    {
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, time);
    }
}
