namespace Peregrine.Sdk;

/// <summary>
/// The buffer strings are encoded into before they reach the host's sink: one per plugin object,
/// grown to the longest value seen and then reused, so string fields cost no allocation.
/// </summary>
internal sealed class Utf8Scratch
{
    private byte[] _buffer = new byte[256];

    public Span<byte> Get(int size)
    {
        if (_buffer.Length < size)
        {
            _buffer = new byte[Math.Max(size, _buffer.Length * 2)];
        }

        return _buffer;
    }
}
