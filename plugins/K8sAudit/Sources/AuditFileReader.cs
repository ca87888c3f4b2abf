namespace Peregrine.Plugins.K8sAudit.Sources;

/// <summary>
/// Reads the audit events of a list of files, in order, a chunk at a time: however large a file,
/// only the current line is held. Each line is one Event, EventList or array of them; bad lines are
/// logged and skipped by the <see cref="AuditLineDecoder"/>. Single-threaded: one caller at a time.
/// </summary>
internal sealed class AuditFileReader(IReadOnlyList<string> files, ulong maxEventSize, long maxLineLength, Action<string> log) : IDisposable
{
    private readonly LineBuffer _lines = new(maxLineLength);
    private readonly AuditLineDecoder _decoder = new(maxEventSize, maxLineLength, log);
    private int _fileIndex = -1;
    private FileStream? _current;
    private FileStream? _opened;
    private long _lineNumber;
    private long _bytesRead;

    /// <summary>Events decoded and not yet taken, oldest first.</summary>
    public Queue<AuditEvent> Pending => _decoder.Pending;

    /// <summary>Bytes read so far, over all files.</summary>
    public long BytesRead => Volatile.Read(ref _bytesRead);

    /// <summary>Reads the next chunk and decodes its complete lines into <see cref="Pending"/>; false once every file is done.</summary>
    public bool ReadMore()
    {
        if (_current is null)
        {
            if (++_fileIndex >= files.Count)
            {
                return false;
            }

            _current = _fileIndex == 0 && _opened is not null ? _opened : Open(files[_fileIndex]);
            _opened = null;
            _lineNumber = 0;
        }

        var file = files[_fileIndex];
        var read = _current.Read(_lines.GetWritable().Span);
        if (read == 0)
        {
            // A file's last line needs no newline: files never run into each other.
            if (_lines.TryTakeRest(out var rest, out var oversized))
            {
                _decoder.Decode(rest, oversized, file, ++_lineNumber);
            }

            _current.Dispose();
            _current = null;
            return true;
        }

        Volatile.Write(ref _bytesRead, _bytesRead + read);
        _lines.Advance(read);
        while (_lines.TryTakeLine(out var line, out var oversizedLength))
        {
            _decoder.Decode(line, oversizedLength, file, ++_lineNumber);
        }

        return true;
    }

    /// <summary>Opens the first file now rather than when reading starts, so that failing to open it fails the caller.</summary>
    public void OpenFirst()
    {
        if (files.Count > 0)
        {
            _opened ??= Open(files[0]);
        }
    }

    public void Dispose()
    {
        _current?.Dispose();
        _current = null;
        _opened?.Dispose();
        _opened = null;
    }

    /// <summary>Opens a file for reading; throws with the path and the reason.</summary>
    public static FileStream Open(string path)
    {
        try
        {
            // Sequential reads through the line buffer: the FileStream needs no buffer of its own.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"cannot open k8s audit file '{path}': {e.Message}", e);
        }
    }
}
