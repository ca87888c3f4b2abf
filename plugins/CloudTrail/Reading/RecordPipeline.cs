using System.Collections.Concurrent;
using Peregrine.Plugins;

namespace Peregrine.Plugins.CloudTrail.Reading;

/// <summary>
/// Reads the log files of a source on a background thread, ahead of the engine: decompressing,
/// splitting and checking records overlaps with rule evaluation on the host's thread. Memory is
/// bounded by a few <see cref="RecordChunk"/>s: when the engine falls behind, reading waits.
/// Records upstream drops are counted per file and reported through the chunks' log messages, and
/// so is a file whose content is not a log file's: as upstream, that never ends the stream (the
/// records found in it are delivered and the next file is read). Only a file that cannot be read
/// or downloaded does, after the events before it.
/// </summary>
internal sealed class RecordPipeline : IDisposable
{
    private const int ReadyChunks = 4;
    private static readonly TimeSpan PendingPause = TimeSpan.FromMilliseconds(50);

    private readonly LogFileSource _files;
    private readonly BlockingCollection<RecordChunk> _ready = new(ReadyChunks);
    private readonly ConcurrentQueue<RecordChunk> _free = new();
    private readonly CancellationTokenSource _stop = new();
    private RecordChunk _filling = new();
    private int _opened;
    private int _known;

    // The consumer (Dispose) and the reader thread (on exit) each release the synchronisation
    // objects once; the last one disposes them.
    private int _holders = 2;
    private int _disposed;

    public RecordPipeline(LogFileSource files)
    {
        _files = files;
        var reader = new Thread(Run) { IsBackground = true, Name = "cloudtrail reader" };
        reader.Start();
    }

    /// <summary>Files handed out so far and files known, for progress.</summary>
    public (int Opened, int Known) Files => (Volatile.Read(ref _opened), Volatile.Read(ref _known));

    /// <summary>The next chunk, waiting up to <paramref name="wait"/> for it.</summary>
    public bool TryTake(out RecordChunk chunk, TimeSpan wait) => _ready.TryTake(out chunk!, wait);

    /// <summary>Gives a consumed chunk back for reuse.</summary>
    public void Return(RecordChunk chunk)
    {
        chunk.Clear();
        _free.Enqueue(chunk);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // The reader thread notices, stops at its next step and closes the source itself: it may
        // be inside a download, which is bounded by the AWS timeouts.
        _stop.Cancel();
        Release();
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _holders) == 0)
        {
            _stop.Dispose();
            _ready.Dispose();
        }
    }

    private void Run()
    {
        try
        {
            Read();
        }
        finally
        {
            Release();
        }
    }

    private void Read()
    {
        LogFileReader? reader = null;
        var dropped = new DroppedRecords();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (reader is null)
                {
                    var status = _files.TryOpenNext(out var file);
                    UpdateProgress();
                    if (status == LogFileStatus.Pending)
                    {
                        // Let the engine have what is read so far while the next file is on its way,
                        // and do not spin on a source that has nothing (an idle queue).
                        Publish(force: false);
                        _stop.Token.WaitHandle.WaitOne(PendingPause);
                        continue;
                    }

                    if (status == LogFileStatus.End)
                    {
                        _filling.IsLast = true;
                        break;
                    }

                    reader = new LogFileReader(file!.Content, file.Name);
                    dropped = new DroppedRecords { File = file.Name };
                }

                if (!reader.TryReadRecord(out var record))
                {
                    if (reader.Problem is { } problem)
                    {
                        _filling.Logs.Add((PluginLogSeverity.Warning, $"{dropped.File}: not a valid CloudTrail log file: {problem}"));
                    }

                    reader.Dispose();
                    reader = null;
                    dropped.Report(_filling.Logs);
                    continue;
                }

                var check = reader.LastCheck;
                var timestamp = check.Timestamp;
                switch (check.Kind)
                {
                    case RecordKind.Event:
                        if (!_filling.TryAdd(record, timestamp))
                        {
                            Publish(force: true);
                            _filling.TryAdd(record, timestamp);
                        }

                        break;
                    case RecordKind.Insight:
                        dropped.Insights++;
                        break;
                    case var kind:
                        dropped.Invalid++;
                        dropped.FirstInvalid ??= (reader.LastRecordName, kind);
                        break;
                }

                if (_filling.IsFull)
                {
                    Publish(force: true);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            _filling.Failure = e;
        }
        finally
        {
            reader?.Dispose();
            _files.Dispose();
        }

        try
        {
            _ready.Add(_filling, _stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Publish(bool force)
    {
        if (_filling.IsEmpty || (!force && _ready.Count > 0))
        {
            return;
        }

        _ready.Add(_filling, _stop.Token);
        _filling = _free.TryDequeue(out var recycled) ? recycled : new RecordChunk();
    }

    private void UpdateProgress()
    {
        Volatile.Write(ref _opened, _files.Opened);
        Volatile.Write(ref _known, _files.Known);
    }

    /// <summary>The records of one file that were not delivered, for the warning at its end.</summary>
    private struct DroppedRecords
    {
        public string File;
        public int Invalid;
        public int Insights;
        public (string Name, RecordKind Kind)? FirstInvalid;

        public readonly void Report(List<(PluginLogSeverity, string)> logs)
        {
            if (Invalid > 0 && FirstInvalid is var (name, kind))
            {
                var reason = kind switch
                {
                    RecordKind.BadTime => "has no valid eventTime",
                    RecordKind.NoType => "has no eventType",
                    _ => "is not valid JSON",
                };
                logs.Add((PluginLogSeverity.Warning,
                    $"{File}: skipped {Invalid} record(s) that are not CloudTrail events (the first, {name}, {reason})"));
            }

            if (Insights > 0)
            {
                logs.Add((PluginLogSeverity.Debug, $"{File}: skipped {Insights} CloudTrail Insights record(s)"));
            }
        }
    }
}
