using System.Collections.Concurrent;
using System.Globalization;
using Peregrine.Sdk;

namespace Peregrine.Plugins.K8sAudit.Sources;

/// <summary>
/// Reads audit events from a file, or from every file of a directory (oldest modification first),
/// once to the end. The files are read and decoded on a thread of the stream's own, a bounded
/// number of chunks ahead of the host, so decoding overlaps with rule evaluation while memory stays
/// small whatever the file size: a chunk is closed at <see cref="EventsPerChunk"/> events or
/// <see cref="BytesPerChunk"/> bytes of payload, so what is decoded ahead is about 8 MiB at most
/// (each chunk can pass its bound by one event), however large the events.
/// </summary>
internal sealed class FileEventStream : EventStream
{
    private const int EventsPerChunk = 256;

    /// <summary>Payload bytes that close a chunk before it has <see cref="EventsPerChunk"/> events: large events make small chunks.</summary>
    private const int BytesPerChunk = 512 * 1024;

    /// <summary>Chunks decoded ahead of the host: a few batches' worth.</summary>
    private const int ChunksAhead = 16;

    /// <summary>How long a call waits for the reader before reporting a timeout, so closing stays prompt.</summary>
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(100);

    /// <summary>How long closing waits for the reader thread to stop.</summary>
    private static readonly TimeSpan JoinWait = TimeSpan.FromSeconds(2);

    private readonly AuditFileReader _reader;
    private readonly long _totalBytes;
    private readonly BlockingCollection<AuditEvent[]> _chunks = new(ChunksAhead);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private AuditEvent[] _chunk = [];
    private int _next;
    private volatile Exception? _failure;

    private FileEventStream(IReadOnlyList<string> files, ulong maxEventSize, long maxLineLength, Action<string> log)
    {
        _totalBytes = files.Sum(f => new FileInfo(f).Length);
        _reader = new AuditFileReader(files, maxEventSize, maxLineLength, log);
        _reader.OpenFirst();
        _thread = new Thread(ReadAll) { IsBackground = true, Name = "k8saudit file reader" };
        _thread.Start();
    }

    /// <summary>
    /// Opens <paramref name="path"/>, a file or a directory. Throws when it does not exist or a file
    /// cannot be read, as upstream fails the open then.
    /// </summary>
    public static FileEventStream Open(string path, ulong maxEventSize, long maxLineLength, Action<string> log)
    {
        string[] files;
        if (File.Exists(path))
        {
            files = [path];
        }
        else if (Directory.Exists(path))
        {
            // Oldest first, as audit logs are rotated; the name decides between equal times.
            files = [.. new DirectoryInfo(path).EnumerateFiles()
                .OrderBy(f => f.LastWriteTimeUtc)
                .ThenBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => f.FullName)];
        }
        else
        {
            throw new InvalidOperationException($"cannot open k8s audit events '{path}': no such file or directory");
        }

        // As upstream, a file that cannot be opened fails the open. The first is opened for good
        // (a pipe such as /dev/stdin can be opened only once); the others are tried and closed.
        foreach (var file in files.Skip(1))
        {
            AuditFileReader.Open(file).Dispose();
        }

        return new FileEventStream(files, maxEventSize, maxLineLength, log);
    }

    public override PluginProgress Progress
    {
        get
        {
            // Nothing to measure against for empty files and pipes.
            if (_totalBytes == 0)
            {
                return PluginProgress.None;
            }

            var hundredths = (uint)Math.Min(10000, _reader.BytesRead * 10000 / _totalBytes);
            return new PluginProgress(string.Create(CultureInfo.InvariantCulture, $"{hundredths / 100.0:0.00}"), hundredths);
        }
    }

    public override BatchResult NextBatch(EventBatch batch)
    {
        while (!batch.IsFull)
        {
            if (_next < _chunk.Length)
            {
                var evt = _chunk[_next++];
                batch.TryAdd(evt.Payload, evt.Timestamp);
                continue;
            }

            // Take what is ready without waiting; wait only when there is nothing to hand out.
            if (_chunks.TryTake(out var ready) || (batch.Count == 0 && _chunks.TryTake(out ready, IdleWait)))
            {
                _chunk = ready;
                _next = 0;
                continue;
            }

            if (batch.Count > 0)
            {
                break;
            }

            if (!_chunks.IsCompleted)
            {
                return BatchResult.Timeout;
            }

            // Everything before a failure was delivered; the failure ends the stream.
            if (_failure is { } failure)
            {
                throw new InvalidOperationException(failure.Message, failure);
            }

            return BatchResult.Eof;
        }

        return BatchResult.Success;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Cancel();

            // A read blocked on a pipe cannot be cancelled: then the (background) thread is left to
            // end with the process, and what it uses is left to it.
            if (_thread.Join(JoinWait))
            {
                _reader.Dispose();
                _chunks.Dispose();
                _stop.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>The reader thread: decodes every file and queues the events in chunks.</summary>
    private void ReadAll()
    {
        var chunk = new List<AuditEvent>(EventsPerChunk);
        var chunkBytes = 0L;
        try
        {
            var pending = _reader.Pending;
            while (_reader.ReadMore())
            {
                while (pending.TryDequeue(out var evt))
                {
                    chunk.Add(evt);
                    chunkBytes += evt.Payload.Length;
                    if (chunk.Count == EventsPerChunk || chunkBytes >= BytesPerChunk)
                    {
                        _chunks.Add([.. chunk], _stop.Token);
                        chunk.Clear();
                        chunkBytes = 0;
                    }
                }
            }

            if (chunk.Count > 0)
            {
                _chunks.Add([.. chunk], _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Closed by the host: nobody waits for the rest.
        }
        catch (Exception e)
        {
            _failure = e;
        }
        finally
        {
            _chunks.CompleteAdding();
        }
    }
}
