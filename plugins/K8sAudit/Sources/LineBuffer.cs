namespace Peregrine.Plugins.K8sAudit.Sources;

/// <summary>
/// Splits bytes read in chunks into lines without holding more than the current line: the reader
/// writes into <see cref="GetWritable"/>, and complete lines are taken out in order. A line longer
/// than the limit is not buffered: it is dropped as it streams by and reported once it ends.
/// </summary>
internal sealed class LineBuffer(long maxLineLength)
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>The most one read is given room for, however large the buffer grew for a long line: readers bound what they decode ahead by reads.</summary>
    private const int MaxReadSize = 2 * ChunkSize;

    private byte[] _buffer = new byte[ChunkSize * 2];
    private int _start;
    private int _end;
    private int _scanned;
    private long _dropped;

    /// <summary>Whether an unterminated line (or the part of one) is waiting for its end.</summary>
    public bool HasPartialLine => _end > _start || _dropped > 0;

    /// <summary>Room for the next chunk (at most <see cref="MaxReadSize"/>); call <see cref="Advance"/> with the bytes written.</summary>
    public Memory<byte> GetWritable()
    {
        if (_start > 0 && _end - _start < _buffer.Length / 2)
        {
            // Move the partial line to the front rather than growing.
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _scanned -= _start;
            _start = 0;
        }

        if (_buffer.Length - _end < ChunkSize)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _end + ChunkSize));
        }

        return _buffer.AsMemory(_end, Math.Min(_buffer.Length - _end, MaxReadSize));
    }

    public void Advance(int count) => _end += count;

    /// <summary>
    /// Takes the next complete line (without its "\n" or "\r\n"). A line over the limit comes out as
    /// <paramref name="oversizedLength"/> (its length) with an empty line.
    /// </summary>
    /// <returns>False when no complete line is buffered.</returns>
    public bool TryTakeLine(out ReadOnlyMemory<byte> line, out long oversizedLength)
    {
        line = default;
        oversizedLength = 0;
        var newline = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
        if (newline < 0)
        {
            _scanned = _end;
            if (_end - _start > maxLineLength)
            {
                // Too long to keep: count it and forget the bytes.
                _dropped += _end - _start;
                _start = _end = _scanned = 0;
            }

            return false;
        }

        var end = _scanned + newline;
        var length = end - _start;
        if (_dropped > 0 || length > maxLineLength)
        {
            oversizedLength = _dropped + length;
            _dropped = 0;
        }
        else
        {
            line = TrimCarriageReturn(_buffer.AsMemory(_start, length));
        }

        _start = _scanned = end + 1;
        if (_start == _end)
        {
            _start = _end = _scanned = 0;
        }

        return true;
    }

    /// <summary>Takes the unterminated last line, at the end of the input (see <see cref="TryTakeLine"/>).</summary>
    public bool TryTakeRest(out ReadOnlyMemory<byte> line, out long oversizedLength)
    {
        line = default;
        oversizedLength = 0;
        if (!HasPartialLine)
        {
            return false;
        }

        var length = _end - _start;
        if (_dropped > 0 || length > maxLineLength)
        {
            oversizedLength = _dropped + length;
        }
        else
        {
            line = TrimCarriageReturn(_buffer.AsMemory(_start, length));
        }

        Clear();
        return true;
    }

    /// <summary>Forgets everything buffered (the input was truncated or replaced).</summary>
    public void Clear()
    {
        _start = _end = _scanned = 0;
        _dropped = 0;
    }

    private static ReadOnlyMemory<byte> TrimCarriageReturn(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == '\r' ? line[..^1] : line;
}
