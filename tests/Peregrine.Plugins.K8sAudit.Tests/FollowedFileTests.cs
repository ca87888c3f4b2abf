using System.Diagnostics;
using System.Text.Json;

namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>Following a file (<c>file://path</c>): appended lines, truncation, replacement, and a prompt close.</summary>
public sealed class FollowedFileTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly AuditTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void AppendedLines_AreRead_ButNotWhatWasThereBefore()
    {
        var path = _host.WriteFile(AuditJson.Event(auditId: "old"));
        using var stream = _host.Host.Plugin.Open("file://" + path);
        Assert.Empty(Poll(stream, TimeSpan.FromMilliseconds(200), 1));

        File.AppendAllText(path, AuditJson.Event(auditId: "new-1") + "\n" + AuditJson.Event(auditId: "new-2") + "\n");
        var events = Poll(stream, Patience, 2);
        Assert.Equal(["new-1", "new-2"], events);
    }

    [Fact]
    public void BadAppendedLine_IsLogged()
    {
        var path = _host.WriteFile();
        using var stream = _host.Host.Plugin.Open("file://" + path);
        File.AppendAllText(path, "SENTINEL\n" + AuditJson.Event(auditId: "ok") + "\n");
        var events = Poll(stream, Patience, 1);
        Assert.Equal(["ok"], events);
        Assert.Contains(_host.Host.Logs, l => l.Message.Contains("invalid JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void TruncatedFile_IsReadAgainFromTheStart()
    {
        var path = _host.WriteFile(AuditJson.Event(auditId: "old-1"), AuditJson.Event(auditId: "old-2"));
        using var stream = _host.Host.Plugin.Open("file://" + path);
        Poll(stream, TimeSpan.FromMilliseconds(100), 1);

        // logrotate copytruncate: the same file, cut to nothing, then written again.
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            file.SetLength(0);
        }

        File.AppendAllText(path, AuditJson.Event(auditId: "after") + "\n");
        var events = Poll(stream, Patience, 1);
        Assert.Equal(["after"], events);
    }

    [Fact]
    public void ReplacedFile_IsReadFromItsStart_AfterTheOldOneIsDrained()
    {
        var path = _host.WriteFile(AuditJson.Event(auditId: "history"));
        using var stream = _host.Host.Plugin.Open("file://" + path);
        Poll(stream, TimeSpan.FromMilliseconds(100), 1);

        // logrotate create: the old file moves away (with a last line), a new one takes its name.
        File.AppendAllText(path, AuditJson.Event(auditId: "last-of-old") + "\n");
        File.Move(path, path + ".1");
        File.WriteAllText(path, AuditJson.Event(auditId: "first-of-new") + "\n");
        var events = Poll(stream, Patience, 2);
        Assert.Equal(["last-of-old", "first-of-new"], events);
    }

    [Fact]
    public void FileCreatedLater_IsReadFromItsStart()
    {
        var path = Path.Combine(_host.Directory, "later.log");
        using var stream = _host.Host.Plugin.Open("file://" + path);
        Assert.Empty(Poll(stream, TimeSpan.FromMilliseconds(100), 1));
        File.WriteAllText(path, AuditJson.Event(auditId: "born") + "\n");
        var events = Poll(stream, Patience, 1);
        Assert.Equal(["born"], events);
    }

    [Fact]
    public void UnterminatedLine_IsTakenOnceTheWriterIsQuiet_AndWhatFollowsIsNotLost()
    {
        var path = _host.WriteFile();
        using var stream = _host.Host.Plugin.Open("file://" + path);
        File.AppendAllText(path, AuditJson.Event(auditId: "no-newline"));
        var first = Poll(stream, Patience, 1);
        Assert.Equal(["no-newline"], first);

        File.AppendAllText(path, "\n" + AuditJson.Event(auditId: "next") + "\n");
        var second = Poll(stream, Patience, 1);
        Assert.Equal(["next"], second);
    }

    [Fact]
    public void IdleCalls_ReturnPromptly_SoTheStreamClosesQuickly()
    {
        var path = _host.WriteFile();
        var stream = _host.Host.Plugin.Open("file://" + path);
        var clock = Stopwatch.StartNew();
        Assert.Equal(PluginBatchStatus.Timeout, stream.NextBatch(out _));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"an idle call took {clock.Elapsed}");
        clock.Restart();
        stream.Dispose();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"closing took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("file://{0}")]
    [InlineData("FILE://{0}")]
    [InlineData("file://localhost{0}")]
    public void FileUrls_NameThePath(string format)
    {
        var path = _host.WriteFile();
        using var stream = _host.Host.Plugin.Open(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, path));
        File.AppendAllText(path, AuditJson.Event(auditId: "x") + "\n");
        Assert.Single(Poll(stream, Patience, 1));
    }

    [Fact]
    public void MissingDirectory_FailsTheOpen()
    {
        var e = Assert.ThrowsAny<Exception>(() => _host.Host.Plugin.Open("file:///no/such/dir/audit.log"));
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Calls the stream until <paramref name="wanted"/> events came or <paramref name="limit"/>
    /// passed; returns their auditIDs (read from the payloads: the batch is only valid until the next call).
    /// </summary>
    private static List<string> Poll(IPluginStream stream, TimeSpan limit, int wanted)
    {
        var events = new List<string>();
        var clock = Stopwatch.StartNew();
        while (events.Count < wanted && clock.Elapsed < limit)
        {
            var status = stream.NextBatch(out var batch);
            Assert.NotEqual(PluginBatchStatus.Failure, status);
            Assert.NotEqual(PluginBatchStatus.Eof, status);
            foreach (var evt in batch)
            {
                using var payload = JsonDocument.Parse(evt.Payload.ToArray());
                events.Add(payload.RootElement.GetProperty("auditID").GetString()!);
            }
        }

        return events;
    }
}
