namespace Peregrine.Engine.Outputs;

/// <summary>
/// Writes alert lines to a stream with C stdio's buffering modes, which is what Falco's channels
/// get from <c>std::cout</c>, <c>std::ofstream</c> and <c>popen</c>: unbuffered (every line goes
/// out at once, as one write of line and newline), line-buffered (the same, for terminals), or
/// fully buffered (lines gather in a block and go out when it fills or on <see cref="Flush"/>).
/// </summary>
internal sealed class LineWriter
{
    /// <summary>The stdio block size Falco's buffered channels get.</summary>
    public const int BlockSize = 4096;

    private readonly Stream _stream;
    private readonly bool _fullyBuffered;
    private byte[] _buffer;
    private int _count;

    /// <param name="stream">Where the bytes go; not owned.</param>
    /// <param name="buffered">Falco's <c>buffered_outputs</c>.</param>
    /// <param name="lineBuffered">With <paramref name="buffered"/>: flush at each newline, as stdio does for a terminal.</param>
    public LineWriter(Stream stream, bool buffered, bool lineBuffered = false)
    {
        _stream = stream;
        _fullyBuffered = buffered && !lineBuffered;
        _buffer = new byte[BlockSize];
    }

    public Stream Stream => _stream;

    /// <summary>Bytes waiting in the buffer.</summary>
    public int Pending => _count;

    /// <summary>Writes the line and a newline.</summary>
    public void WriteLine(ReadOnlySpan<byte> line)
    {
        if (_fullyBuffered && _count > 0 && _count + line.Length + 1 > BlockSize)
        {
            Flush();
        }

        Append(line);
        Append("\n"u8);
        if (!_fullyBuffered || _count >= BlockSize)
        {
            Flush();
        }
    }

    /// <summary>Writes raw bytes (http's echo of a server answer), flushed as stdio would.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (_fullyBuffered && _count > 0 && _count + bytes.Length > BlockSize)
        {
            Flush();
        }

        Append(bytes);
        if (!_fullyBuffered || _count >= BlockSize)
        {
            Flush();
        }
    }

    /// <summary>Writes out what is buffered. On failure the buffered bytes are dropped, as a failed stdio flush leaves them.</summary>
    public void Flush()
    {
        if (_count == 0)
        {
            return;
        }

        var count = _count;
        _count = 0;
        _stream.Write(_buffer, 0, count);
        _stream.Flush();
        if (_buffer.Length > BlockSize * 16)
        {
            _buffer = new byte[BlockSize];
        }
    }

    /// <summary>Forgets buffered bytes (the stream is gone).</summary>
    public void Discard() => _count = 0;

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_count + bytes.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_count + bytes.Length, _buffer.Length * 2));
        }

        bytes.CopyTo(_buffer.AsSpan(_count));
        _count += bytes.Length;
    }
}
