using Microsoft.Win32.SafeHandles;
using Peregrine.Sdk;

namespace Peregrine.Plugins.K8sAudit.Sources;

/// <summary>
/// Follows an audit log as it grows (open parameters <c>file://path</c>), like <c>tail -F</c>:
/// reading starts at the current end of the file, each appended line becomes events, a truncated
/// file (logrotate copytruncate) is read again from its start, and a file replaced or created
/// anew (logrotate create) is read from its start once the old one is drained. It never ends on
/// its own; it runs until the host closes it.
/// </summary>
/// <remarks>
/// The file is polled on every call; a <see cref="FileChangeSignal"/> only wakes an idle call early.
/// An idle call waits at most <see cref="IdleWait"/> before reporting a timeout, which keeps closing prompt.
/// A poll decodes a bounded amount (<see cref="ReadAheadBatches"/> batches of events, or
/// <see cref="ReadAheadBytes"/>) and the next one resumes at the saved offset, so a backlog of any
/// size is read at the host's pace in constant memory.
/// </remarks>
internal sealed class FollowedFileEventStream : EventStream
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(50);

    /// <summary>Idle polls before an unterminated last line is taken as complete (upstream takes it at once).</summary>
    private const int QuietPollsBeforePartialLine = 2;

    /// <summary>
    /// File bytes one poll reads at most once it has events to hand out: with the batches' worth of
    /// events below, what a backlog costs in memory whatever its size. Upstream's reader is held back
    /// the same way, by an unbuffered channel to the host.
    /// </summary>
    private const int ReadAheadBytes = 1024 * 1024;

    /// <summary>Batches' worth of events one poll decodes at most.</summary>
    private const int ReadAheadBatches = 2;

    private readonly string _path;
    private readonly LineBuffer _lines;
    private readonly AuditLineDecoder _decoder;
    private readonly Action<string> _log;
    private readonly FileChangeSignal _changes;
    private SafeFileHandle? _file;
    private long _offset;

    /// <summary>The open file's length at the last poll (see <see cref="KnownLength"/>).</summary>
    private long _seenLength;

    /// <summary>The path names another file now: the open one is read to its end before switching.</summary>
    private bool _draining;

    private long _lineNumber;
    private int _quietPolls;
    private bool _disposed;

    public FollowedFileEventStream(string path, ulong maxEventSize, long maxLineLength, Action<string> log)
    {
        _path = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(_path) ?? "/";
        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException($"cannot follow k8s audit file '{_path}': directory '{directory}' does not exist");
        }

        _lines = new LineBuffer(maxLineLength);
        _decoder = new AuditLineDecoder(maxEventSize, maxLineLength, log);
        _log = log;

        // What is already in the file is history: only what is appended from now on is read.
        if (TryOpen() is { } file)
        {
            _file = file;
            _offset = _seenLength = RandomAccess.GetLength(file);
        }

        _changes = new FileChangeSignal(_path, log);
    }

    public override BatchResult NextBatch(EventBatch batch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Fill(batch);
        if (batch.Count == 0)
        {
            _changes.Wait(IdleWait);
            Fill(batch);
        }

        return batch.Count > 0 ? BatchResult.Success : BatchResult.Timeout;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _changes.Dispose();
            _file?.Dispose();
            _file = null;
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// How long the open file is known to be: as long as it was seen to be, and as what was read of
    /// it. Shorter means truncated, even while reading lags behind.
    /// </summary>
    private long KnownLength => Math.Max(_seenLength, _offset);

    /// <summary>Fills the batch from the decoded events, polling the file again whenever they run out.</summary>
    private void Fill(EventBatch batch)
    {
        var pending = _decoder.Pending;
        var readAheadEvents = ReadAheadBatches * batch.Capacity;
        while (!batch.IsFull)
        {
            if (pending.Count == 0)
            {
                // A poll stops with nothing decoded only at the end of what is there.
                Poll(readAheadEvents);
                if (pending.Count == 0)
                {
                    return;
                }
            }

            var evt = pending.Dequeue();
            batch.TryAdd(evt.Payload, evt.Timestamp);
        }
    }

    /// <summary>Reads on from the offset, a bounded amount, following truncation and replacement of the file.</summary>
    private void Poll(int readAheadEvents)
    {
        if (_file is null)
        {
            // Not there yet (or gone after a rotation): a file that appears is read from its start.
            if (TryOpen() is not { } created)
            {
                return;
            }

            _file = created;
            Restart();
        }

        if (!_draining && (_changes.TakeMaybeReplaced() || !File.Exists(_path) || IsReplaced()))
        {
            // The old file is drained first: its last lines may have been written just before the
            // rotation, and reading may lag behind by more than one poll reads.
            _draining = true;
        }

        if (_draining)
        {
            if (!ReadAppended(readAheadEvents, out _))
            {
                return;
            }

            _draining = false;
            TakePartialLine();
            var replacement = TryOpen();
            if (replacement is null || !IsSameFile(_file, replacement))
            {
                _file.Dispose();
                _file = replacement;
                Restart();
                if (_file is null)
                {
                    return;
                }
            }
            else
            {
                replacement.Dispose();
            }
        }

        var length = RandomAccess.GetLength(_file);
        if (length < KnownLength)
        {
            var unread = KnownLength - _offset;
            _log(unread > 0
                ? $"{_path}: file truncated; {unread} bytes not yet read were lost; reading it again from the start"
                : $"{_path}: file truncated; reading it again from the start");
            Restart();
        }

        _seenLength = length;
        ReadAppended(readAheadEvents, out var any);
        if (any)
        {
            _quietPolls = 0;
        }
        else if (_lines.HasPartialLine && ++_quietPolls >= QuietPollsBeforePartialLine)
        {
            // A last line without its newline: take it once the writer has been quiet for a while.
            TakePartialLine();
        }
    }

    /// <summary>
    /// Reads on from the offset until the end, or until enough is decoded (<paramref name="readAheadEvents"/>
    /// events, or <see cref="ReadAheadBytes"/> read with at least one event); the rest is read by a
    /// later poll. <paramref name="any"/> says whether anything was read.
    /// </summary>
    /// <returns>Whether the end of the file was reached.</returns>
    private bool ReadAppended(int readAheadEvents, out bool any)
    {
        any = false;
        var pending = _decoder.Pending;
        long readNow = 0;
        while (_file is not null)
        {
            if (pending.Count >= readAheadEvents || (pending.Count > 0 && readNow >= ReadAheadBytes))
            {
                return false;
            }

            var read = RandomAccess.Read(_file, _lines.GetWritable().Span, _offset);
            if (read == 0)
            {
                break;
            }

            any = true;
            readNow += read;
            _offset += read;
            _lines.Advance(read);
            while (_lines.TryTakeLine(out var line, out var oversizedLength))
            {
                _decoder.Decode(line, oversizedLength, _path, ++_lineNumber);
            }
        }

        return true;
    }

    private void TakePartialLine()
    {
        if (_lines.TryTakeRest(out var rest, out var oversizedLength))
        {
            _decoder.Decode(rest, oversizedLength, _path, ++_lineNumber);
        }

        _quietPolls = 0;
    }

    private void Restart()
    {
        _offset = 0;
        _seenLength = 0;
        _lineNumber = 0;
        _quietPolls = 0;
        _lines.Clear();
    }

    /// <summary>
    /// Whether the path now names another file than the one open, found without inode numbers: the
    /// file at the path is shorter than the open one was seen to be, while the open one is not.
    /// </summary>
    private bool IsReplaced()
    {
        try
        {
            return new FileInfo(_path).Length < KnownLength && RandomAccess.GetLength(_file!) >= KnownLength;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>
    /// Whether two handles are the same file, as far as can be told portably: the same length and
    /// the same last byte. Only used after a rename or delete was seen, to avoid re-reading a file that
    /// was not actually replaced.
    /// </summary>
    private bool IsSameFile(SafeFileHandle open, SafeFileHandle candidate)
    {
        var length = RandomAccess.GetLength(open);
        if (length != RandomAccess.GetLength(candidate) || !File.Exists(_path))
        {
            return false;
        }

        if (length == 0)
        {
            return true;
        }

        Span<byte> mine = stackalloc byte[1];
        Span<byte> theirs = stackalloc byte[1];
        RandomAccess.Read(open, mine, length - 1);
        RandomAccess.Read(candidate, theirs, length - 1);
        return mine[0] == theirs[0];
    }

    private SafeFileHandle? TryOpen()
    {
        try
        {
            return File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log($"{_path}: cannot open: {e.Message}");
            return null;
        }
    }
}
