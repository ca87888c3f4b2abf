using System.Runtime.CompilerServices;
using Peregrine.Plugins.Abi;

namespace Peregrine.Plugins;

/// <summary>
/// A view of one event in the libscap layout (26-byte packed header, parameter lengths, data),
/// plus the number the host assigned to it and its source. The bytes belong to whoever produced
/// the event (normally the sourcing plugin) and stay valid only until that producer's next
/// <c>next_batch</c>; never keep a <see cref="PluginEvent"/> or a span from it past that.
/// </summary>
public readonly unsafe struct PluginEvent
{
    private readonly byte* _data;

    /// <summary>Wraps the event at <paramref name="data"/>.</summary>
    /// <param name="data">Start of the event header; at least <see cref="PluginEventLayout.HeaderSize"/> readable bytes, and <see cref="Length"/> in total.</param>
    /// <param name="number">The event number the host assigned.</param>
    /// <param name="source">The event's source.</param>
    public PluginEvent(byte* data, ulong number, EventSourceName source)
    {
        _data = data;
        Number = number;
        Source = source;
    }

    /// <summary>Start of the event (its header).</summary>
    public byte* Pointer => _data;

    /// <summary>Event number assigned by the host (increasing per stream, starting at 1).</summary>
    public ulong Number { get; }

    /// <summary>The event's source.</summary>
    public EventSourceName Source { get; }

    /// <summary>Timestamp in nanoseconds since the epoch.</summary>
    public ulong Timestamp => Unsafe.ReadUnaligned<ulong>(_data);

    /// <summary>Thread id (<see cref="PluginEventLayout.NoThread"/> for plugin events).</summary>
    public ulong ThreadId => Unsafe.ReadUnaligned<ulong>(_data + 8);

    /// <summary>Total length in bytes, header included.</summary>
    public uint Length => Unsafe.ReadUnaligned<uint>(_data + 16);

    /// <summary>libscap event code (<see cref="PluginEventLayout.PluginEventType"/> for plugin events).</summary>
    public ushort Type => Unsafe.ReadUnaligned<ushort>(_data + 20);

    /// <summary>Number of parameters.</summary>
    public uint ParameterCount => Unsafe.ReadUnaligned<uint>(_data + 22);

    /// <summary>Whether this is a well-formed plugin event (type 322, two parameters, long enough for its ID).</summary>
    public bool IsPluginEvent => Type == PluginEventLayout.PluginEventType
        && ParameterCount == PluginEventLayout.PluginEventParameterCount
        && Length >= PluginEventLayout.PayloadOffset;

    /// <summary>The plugin ID of a plugin event (0 for any other event).</summary>
    public uint PluginId => IsPluginEvent ? Unsafe.ReadUnaligned<uint>(_data + PluginEventLayout.PluginIdOffset) : 0;

    /// <summary>The payload of a plugin event (empty for any other event), clamped to <see cref="Length"/>.</summary>
    public ReadOnlySpan<byte> Payload
    {
        get
        {
            if (!IsPluginEvent)
            {
                return default;
            }

            var declared = Unsafe.ReadUnaligned<uint>(_data + PluginEventLayout.PayloadLengthOffset);
            var available = Length - (uint)PluginEventLayout.PayloadOffset;
            return new ReadOnlySpan<byte>(_data + PluginEventLayout.PayloadOffset, (int)Math.Min(declared, available));
        }
    }

    /// <summary>The whole event.</summary>
    public ReadOnlySpan<byte> Span => new(_data, (int)Length);
}
