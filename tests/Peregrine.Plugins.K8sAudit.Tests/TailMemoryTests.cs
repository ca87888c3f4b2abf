using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>
/// Memory stays bounded whatever the backlog: a followed file with megabytes appended at once is
/// read a little ahead of the host, not decoded whole, and the plain file reader stops a bounded
/// amount ahead of a host that does not call. Nothing is lost on the way.
/// </summary>
public sealed class TailMemoryTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly AuditTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void LargeAppend_IsDecodedAFewBatchesAtATime_AndEveryEventComes()
    {
        const int count = 4000;
        var path = _host.WriteFile();
        using var stream = _host.Host.Plugin.Open("file://" + path);
        var appended = Append(path, 0, count, padding: 5000);

        var retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out var first));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var ids = AuditIds(first);
        var retained = GC.GetTotalMemory(forceFullCollection: true) - retainedBefore;
        output.WriteLine($"appended {appended / 1e6:0.0} MB; first call: {ids.Count} events, {allocated / 1e6:0.0} MB allocated, {retained / 1e6:0.0} MB retained");

        // The first call decodes about what it hands out, not the whole backlog.
        Assert.True(allocated < appended / 4, $"the first call allocated {allocated} bytes of a {appended}-byte backlog");

        ids.AddRange(ReadIds(stream, count - ids.Count));
        Assert.Equal(Enumerable.Range(0, count).Select(Id), ids);
    }

    [Fact]
    public void TruncationWhileBehind_IsSeen_AndTheUnreadBytesAreReported()
    {
        var path = _host.WriteFile();
        using var stream = _host.Host.Plugin.Open("file://" + path);
        Append(path, 0, 2000, padding: 5000);
        Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out _));

        // copytruncate while most of the backlog is unread, then a line shorter than what was seen.
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            file.SetLength(0);
        }

        File.AppendAllText(path, AuditJson.Event(auditId: "after") + "\n");
        var ids = ReadIds(stream, until: "after");
        Assert.Equal("after", ids[^1]);
        Assert.Contains(_host.Host.Logs, l => l.Message.Contains("truncated", StringComparison.Ordinal)
            && l.Message.Contains("not yet read", StringComparison.Ordinal));
    }

    [Fact]
    public void ReplacementWhileBehind_DrainsTheOldFileFirst()
    {
        const int count = 2000;
        var path = _host.WriteFile();
        using var stream = _host.Host.Plugin.Open("file://" + path);
        Append(path, 0, count, padding: 5000);
        Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out var first));
        var ids = AuditIds(first);

        // logrotate create while most of the backlog is unread: all of it still comes, then the new file.
        File.Move(path, path + ".1");
        File.WriteAllText(path, AuditJson.Event(auditId: "first-of-new") + "\n");
        ids.AddRange(ReadIds(stream, until: "first-of-new"));
        Assert.Equal([.. Enumerable.Range(0, count).Select(Id), "first-of-new"], ids);
    }

    [Fact]
    public void FileReader_StopsABoundedAmountAhead_OfAHostThatDoesNotCall()
    {
        // 1000 events of about 64 KB: before the bound by bytes, the reader ran the whole file ahead.
        var path = _host.WriteFile();
        var size = Append(path, 0, 1000, padding: 64 * 1024);
        using var stream = _host.Host.Plugin.Open(path);

        // Wait for the reader thread to stall on the full queue.
        var read = WaitForSteadyProgress(stream);
        output.WriteLine($"file of {size / 1e6:0.0} MB; the reader stopped at {read / 100.0:0.00}%");
        Assert.True(read < 5000, $"the reader ran {read / 100.0}% of the file ahead");

        var ids = ReadIds(stream, 1000);
        Assert.Equal(Enumerable.Range(0, 1000).Select(Id), ids);
    }

    private static string Id(int i) => "e" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Appends events <paramref name="first"/>.. with a padding annotation; returns the bytes written.</summary>
    private static long Append(string path, int first, int count, int padding)
    {
        var pad = new string('x', padding);
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        using var writer = new StreamWriter(file, new UTF8Encoding(false));
        for (var i = first; i < first + count; i++)
        {
            writer.Write(AuditJson.Event($$"""
                "annotations":{"pad":"{{pad}}"}
                """, auditId: Id(i)));
            writer.Write('\n');
        }

        writer.Flush();
        return file.Length;
    }

    private static List<string> AuditIds(PluginEventBatch batch)
    {
        var ids = new List<string>(batch.Count);
        foreach (var evt in batch)
        {
            using var payload = JsonDocument.Parse(evt.Payload.ToArray());
            ids.Add(payload.RootElement.GetProperty("auditID").GetString()!);
        }

        return ids;
    }

    /// <summary>Reads until <paramref name="wanted"/> events came, or one with auditID <paramref name="until"/>.</summary>
    private static List<string> ReadIds(IPluginStream stream, int wanted = int.MaxValue, string? until = null)
    {
        var ids = new List<string>();
        var clock = Stopwatch.StartNew();
        while (ids.Count < wanted && (until is null || ids.Count == 0 || ids[^1] != until) && clock.Elapsed < Patience)
        {
            var status = stream.NextBatch(out var batch);
            Assert.True(status is PluginBatchStatus.Success or PluginBatchStatus.Timeout, $"status {status}: {stream.LastError}");
            ids.AddRange(AuditIds(batch));
        }

        return ids;
    }

    /// <summary>The progress (hundredths of a percent) once it stopped moving for a while.</summary>
    private static uint WaitForSteadyProgress(IPluginStream stream)
    {
        var clock = Stopwatch.StartNew();
        var last = uint.MaxValue;
        var steadySince = clock.Elapsed;
        while (clock.Elapsed < Patience)
        {
            var now = stream.GetProgress().Hundredths;
            if (now != last)
            {
                last = now;
                steadySince = clock.Elapsed;
            }
            else if (clock.Elapsed - steadySince > TimeSpan.FromMilliseconds(500))
            {
                break;
            }

            Thread.Sleep(20);
        }

        return last;
    }
}
