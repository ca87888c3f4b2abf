using System.Text;

namespace Peregrine.Rules.Outputs;

/// <summary>
/// A reusable, growable UTF-8 byte buffer for building output lines without allocating per
/// alert once it has grown to the size of the longest line.
/// </summary>
public sealed class Utf8Builder
{
    private byte[] _buffer = new byte[512];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    public void Append(byte b)
    {
        Ensure(1);
        _buffer[Length++] = b;
    }

    public void Append(string text)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        Length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(Length));
    }

    /// <summary>Room to format into; call <see cref="Advance"/> with what was written.</summary>
    public Span<byte> GetSpan(int sizeHint)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    /// <summary>Cuts or pads (with spaces) everything written since <paramref name="start"/> to exactly <paramref name="width"/> bytes.</summary>
    public void Resize(int start, int width)
    {
        var current = Length - start;
        if (current > width)
        {
            Length = start + width;
            return;
        }
        Ensure(width - current);
        _buffer.AsSpan(Length, width - current).Fill((byte)' ');
        Length = start + width;
    }

    /// <summary>Keeps at most <paramref name="max"/> bytes written since <paramref name="start"/>.</summary>
    public void Truncate(int start, int max)
    {
        if (Length - start > max) Length = start + max;
    }

    public override string ToString() => Encoding.UTF8.GetString(Written);

    private void Ensure(int extra)
    {
        if (Length + extra <= _buffer.Length) return;
        Array.Resize(ref _buffer, Math.Max(Length + extra, _buffer.Length * 2));
    }
}
