using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Peregrine.Sdk.Testing;

/// <summary>
/// A copy of one event (read by <see cref="PluginTestHost.ReadEvents"/>, made by
/// <see cref="PluginTestHost.CreateEvent(string, ulong, ulong?, string?)"/> or read back from a batch by
/// <see cref="EventBatchReader"/>), kept in pinned memory so that it can be given back to the
/// plugin for extraction at any time (unlike the host's borrowed views).
/// </summary>
public sealed unsafe class CapturedEvent
{
    private readonly byte[] _bytes;

    internal CapturedEvent(in PluginEvent evt)
    {
        _bytes = GC.AllocateArray<byte>(evt.Span.Length, pinned: true);
        evt.Span.CopyTo(_bytes);
        Number = evt.Number;
        Source = evt.Source;
    }

    /// <summary>The number the host gave the event (1, 2, ... per stream, or as made).</summary>
    public ulong Number { get; }

    /// <summary>The event's source.</summary>
    public EventSourceName Source { get; }

    /// <summary>A view of the copy, as the host hands events to extraction.</summary>
    public PluginEvent View => new((byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_bytes)), Number, Source);

    /// <summary>Timestamp in nanoseconds since the epoch.</summary>
    public ulong Timestamp => View.Timestamp;

    /// <summary>The plugin ID the host set.</summary>
    public uint PluginId => View.PluginId;

    /// <summary>The payload bytes.</summary>
    public byte[] Payload => View.Payload.ToArray();

    /// <summary>The whole event (libscap layout).</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;
}
