using System.Collections.Concurrent;
using System.Text;
using Peregrine.Engine.Outputs;
using Peregrine.Rules;
using Peregrine.Engine.Logging;

namespace Peregrine.Engine.Tests.Outputs;

/// <summary>An <see cref="IOutputLog"/> that keeps every line.</summary>
internal sealed class RecordingLog : IOutputLog
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public void Log(LogLevel level, string message) => Entries.Enqueue((level, message));

    public bool Contains(LogLevel level, string fragment) =>
        Entries.Any(e => e.Level == level && e.Message.Contains(fragment, StringComparison.Ordinal));

    public int Count(string fragment) => Entries.Count(e => e.Message.Contains(fragment, StringComparison.Ordinal));

    public override string ToString() => string.Join("\n", Entries.Select(e => $"{e.Level}: {e.Message}"));
}

/// <summary>A private temporary folder, deleted afterwards.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = Directory.CreateTempSubdirectory("peregrine-outputs-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class Alerts
{
    public static readonly IReadOnlyCollection<string> Tags = new HashSet<string> { "filesystem", "mitre" };

    public static AlertHeader Header(Priority priority = Priority.Warning, string rule = "Test rule", string source = "syscall") =>
        new(priority, rule, source, 1_700_000_000_000_000_001UL, Tags);

    public static AlertMessage Message(string line, Priority priority = Priority.Warning) => new(Header(priority), line, "test-host");

    public static string[] Lines(string path) =>
        System.IO.File.Exists(path) ? System.IO.File.ReadAllLines(path) : [];

    /// <summary>Polls until the condition holds; false after the timeout.</summary>
    public static bool Eventually(Func<bool> condition, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (Environment.TickCount64 < deadline)
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(10);
        }

        return condition();
    }

    /// <summary>Options for tests; by default a full queue drops at once (Falco's behaviour) unless <paramref name="queueFullWaitMs"/> says otherwise.</summary>
    public static OutputsOptions Options(int capacity = 0, int outputTimeoutMs = 2000, int queueFullWaitMs = 0) => new()
    {
        QueueCapacity = capacity,
        OutputTimeout = TimeSpan.FromMilliseconds(outputTimeoutMs),
        QueueFullWait = TimeSpan.FromMilliseconds(queueFullWaitMs),
        Hostname = "test-host",
    };
}

/// <summary>A channel that records every line it is given, optionally slowly.</summary>
internal sealed class RecordingOutput(string name = "recording", int delayMs = 0) : IAlertOutput
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ConcurrentQueue<AlertMessage> Snapshots { get; } = new();

    public int Reopens;
    public int Closes;
    public int Disposes;

    public string Name => name;

    public void Write(AlertMessage alert, CancellationToken abort)
    {
        if (delayMs > 0)
        {
            Thread.Sleep(delayMs);
        }

        Lines.Enqueue(Encoding.UTF8.GetString(alert.Line));
        Snapshots.Enqueue(new AlertMessage(new AlertHeader(alert.Priority, alert.Rule, alert.Source, alert.TimeNs, alert.Tags), alert.Line, alert.Hostname));
    }

    public void Reopen(CancellationToken abort) => Interlocked.Increment(ref Reopens);

    public void Close(CancellationToken abort) => Interlocked.Increment(ref Closes);

    public void Dispose() => Interlocked.Increment(ref Disposes);
}

/// <summary>
/// A channel that blocks in <see cref="Write"/> until released. With <c>honourAbort</c> it gives
/// up when the abort signal is raised (as real channels do); without, it ignores it.
/// </summary>
internal sealed class GatedOutput(bool honourAbort = true, string name = "gated") : IAlertOutput
{
    private readonly ManualResetEventSlim _gate = new();

    public ConcurrentQueue<string> Lines { get; } = new();

    public ManualResetEventSlim Entered { get; } = new();

    public string Name => name;

    public void Release() => _gate.Set();

    public void Write(AlertMessage alert, CancellationToken abort)
    {
        Entered.Set();
        if (honourAbort)
        {
            try
            {
                _gate.Wait(abort);
            }
            catch (OperationCanceledException)
            {
                throw new OutputException("aborted");
            }
        }
        else
        {
            _gate.Wait();
        }

        Lines.Enqueue(Encoding.UTF8.GetString(alert.Line));
    }

    public void Close(CancellationToken abort)
    {
    }

    public void Dispose()
    {
    }
}

/// <summary>A channel that always fails.</summary>
internal sealed class ThrowingOutput(string name = "boom") : IAlertOutput
{
    public string Name => name;

    public void Write(AlertMessage alert, CancellationToken abort) => throw new IOException("disk on fire");

    public void Close(CancellationToken abort)
    {
    }

    public void Dispose()
    {
    }
}

/// <summary>A stream that records each Write and Flush call (what reached "the file descriptor").</summary>
internal sealed class RecordingStream : Stream
{
    private readonly MemoryStream _data = new();

    public List<byte[]> Writes { get; } = [];

    public int Flushes { get; private set; }

    public string Text
    {
        get
        {
            lock (_data)
            {
                return Encoding.UTF8.GetString(_data.ToArray());
            }
        }
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => Flushes++;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        lock (_data)
        {
            Writes.Add(buffer.AsSpan(offset, count).ToArray());
            _data.Write(buffer, offset, count);
        }
    }
}
