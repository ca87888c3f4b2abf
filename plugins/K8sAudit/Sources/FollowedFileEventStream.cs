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
/// </remarks>
internal sealed class FollowedFileEventStream : EventStream
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(50);

    /// <summary>Idle polls before an unterminated last line is taken as complete (upstream takes it at once).</summary>
    private const int QuietPollsBeforePartialLine = 2;

    private readonly string _path;
    private readonly LineBuffer _lines;
    private readonly AuditLineDecoder _decoder;
    private readonly Action<string> _log;
    private readonly FileChangeSignal _changes;
    private SafeFileHandle? _file;
    private long _offset;
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
            _offset = RandomAccess.GetLength(file);
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

    private void Fill(EventBatch batch)
    {
        var pending = _decoder.Pending;
        if (pending.Count == 0)
        {
            Poll();
        }

        while (!batch.IsFull && pending.TryDequeue(out var evt))
        {
            batch.TryAdd(evt.Payload, evt.Timestamp);
        }
    }

    /// <summary>Reads what was appended, following truncation and replacement of the file.</summary>
    private void Poll()
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

        if (_changes.TakeMaybeReplaced() || !File.Exists(_path) || IsReplaced())
        {
            // Drain the old file first: its last lines may have been written just before the rotation.
            ReadAppended();
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

        if (RandomAccess.GetLength(_file) < _offset)
        {
            _log($"{_path}: file truncated; reading it again from the start");
            Restart();
        }

        if (ReadAppended())
        {
            _quietPolls = 0;
        }
        else if (_lines.HasPartialLine && ++_quietPolls >= QuietPollsBeforePartialLine)
        {
            // A last line without its newline: take it once the writer has been quiet for a while.
            TakePartialLine();
        }
    }

    /// <summary>Reads from the offset to the current end; true when anything was read.</summary>
    private bool ReadAppended()
    {
        var any = false;
        while (_file is not null)
        {
            var read = RandomAccess.Read(_file, _lines.GetWritable().Span, _offset);
            if (read == 0)
            {
                break;
            }

            any = true;
            _offset += read;
            _lines.Advance(read);
            while (_lines.TryTakeLine(out var line, out var oversizedLength))
            {
                _decoder.Decode(line, oversizedLength, _path, ++_lineNumber);
            }
        }

        return any;
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
        _lineNumber = 0;
        _quietPolls = 0;
        _lines.Clear();
    }

    /// <summary>
    /// Whether the path now names another file than the one open, found without inode numbers: the
    /// file at the path is shorter than what was already read, while the open one is not.
    /// </summary>
    private bool IsReplaced()
    {
        try
        {
            return new FileInfo(_path).Length < _offset && RandomAccess.GetLength(_file!) >= _offset;
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
