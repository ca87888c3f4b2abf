using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Peregrine.Plugins.Abi;

namespace Peregrine.Sdk;

/// <summary>
/// The reusable buffer a stream fills with events. Each added payload becomes one complete libscap
/// plugin event (type 322: header, two parameter lengths, the plugin ID and the payload), written
/// into unmanaged memory the batch owns, so the host reads the events in place and adding an
/// event allocates nothing once the buffer has grown to the stream's usual batch size.
/// </summary>
public sealed unsafe class EventBatch : IDisposable
{
    /// <summary>The default largest number of events in one batch.</summary>
    public const int DefaultCapacity = 256;

    private const int InitialBytes = 64 * 1024;

    private readonly uint _pluginId;
    private readonly int[] _offsets;
    private readonly byte** _pointers;
    private byte* _buffer;
    private int _bufferSize;
    private int _used;
    private int _pending = -1;

    /// <summary>Creates an empty batch for the events of plugin <paramref name="pluginId"/>.</summary>
    /// <param name="pluginId">Written into every event (0 lets the host fill in the plugin's ID).</param>
    /// <param name="capacity">The largest number of events in one batch.</param>
    public EventBatch(uint pluginId = 0, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _pluginId = pluginId;
        Capacity = capacity;
        _offsets = new int[capacity];
        _pointers = (byte**)NativeMemory.Alloc((nuint)capacity, (nuint)sizeof(byte*));
        _bufferSize = InitialBytes;
        _buffer = (byte*)NativeMemory.Alloc((nuint)_bufferSize);
    }

    /// <summary>The largest number of events in one batch.</summary>
    public int Capacity { get; }

    /// <summary>Events added so far.</summary>
    public int Count { get; private set; }

    /// <summary>Whether no more events fit; return from <see cref="EventStream.NextBatch"/> then.</summary>
    public bool IsFull => Count >= Capacity;

    /// <summary>
    /// Adds an event carrying a copy of <paramref name="payload"/>. Returns false, adding nothing,
    /// when the batch is full.
    /// </summary>
    /// <param name="payload">The event's data, in the plugin's own format.</param>
    /// <param name="timestamp">Nanoseconds since the epoch; the default asks the host to stamp it with the current time.</param>
    public bool TryAdd(ReadOnlySpan<byte> payload, ulong timestamp = PluginEventLayout.TimestampNow)
    {
        if (IsFull)
        {
            return false;
        }

        payload.CopyTo(Reserve(payload.Length));
        Commit(payload.Length, timestamp);
        return true;
    }

    /// <summary>
    /// Returns room for a payload of up to <paramref name="maxLength"/> bytes, to be written in
    /// place and then added with <see cref="Commit"/>; avoids a copy for payloads built on the fly.
    /// The span is valid until <see cref="Commit"/>. Throws when the batch is full.
    /// </summary>
    public Span<byte> Reserve(int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (IsFull)
        {
            throw new InvalidOperationException("the batch is full");
        }

        EnsureRoom(PluginEventLayout.PayloadOffset + (long)maxLength);
        _pending = maxLength;
        return new Span<byte>(_buffer + _used + PluginEventLayout.PayloadOffset, maxLength);
    }

    /// <summary>Adds the event whose first <paramref name="length"/> payload bytes were written into the span from <see cref="Reserve"/>.</summary>
    public void Commit(int length, ulong timestamp = PluginEventLayout.TimestampNow)
    {
        if (_pending < 0 || (uint)length > (uint)_pending)
        {
            throw new InvalidOperationException("Commit needs a preceding Reserve of at least the committed length");
        }

        _pending = -1;
        var evt = _buffer + _used;
        var total = PluginEventLayout.PayloadOffset + length;
        Unsafe.WriteUnaligned(evt, timestamp);
        Unsafe.WriteUnaligned(evt + 8, PluginEventLayout.NoThread);
        Unsafe.WriteUnaligned(evt + 16, (uint)total);
        Unsafe.WriteUnaligned(evt + 20, PluginEventLayout.PluginEventType);
        Unsafe.WriteUnaligned(evt + 22, PluginEventLayout.PluginEventParameterCount);
        Unsafe.WriteUnaligned(evt + PluginEventLayout.PluginIdLengthOffset, (uint)sizeof(uint));
        Unsafe.WriteUnaligned(evt + PluginEventLayout.PayloadLengthOffset, (uint)length);
        Unsafe.WriteUnaligned(evt + PluginEventLayout.PluginIdOffset, _pluginId);
        _offsets[Count++] = _used;
        _used += total;
    }

    /// <summary>Empties the batch for the next call; the memory is kept.</summary>
    internal void Reset()
    {
        Count = 0;
        _used = 0;
        _pending = -1;
    }

    /// <summary>The event pointers, valid until the next <see cref="Reset"/>.</summary>
    internal byte** Publish()
    {
        // Offsets, not pointers, are kept while filling: the buffer may move when it grows.
        for (var i = 0; i < Count; i++)
        {
            _pointers[i] = _buffer + _offsets[i];
        }

        return _pointers;
    }

    private void EnsureRoom(long needed)
    {
        if (_used + needed <= _bufferSize)
        {
            return;
        }

        var size = (long)_bufferSize;
        while (size < _used + needed)
        {
            size *= 2;
        }

        if (size > int.MaxValue)
        {
            throw new InvalidOperationException("event batch larger than 2 GiB");
        }

        _buffer = (byte*)NativeMemory.Realloc(_buffer, (nuint)size);
        _bufferSize = (int)size;
    }

    /// <summary>Frees the memory.</summary>
    public void Dispose()
    {
        if (_buffer != null)
        {
            NativeMemory.Free(_buffer);
            NativeMemory.Free(_pointers);
            _buffer = null;
        }

        GC.SuppressFinalize(this);
    }
}
