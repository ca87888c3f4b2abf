using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Common;

/// <summary>
/// Which event a per-event cache (a parsed payload) belongs to, told in constant time. Upstream
/// plugins key such caches on the event number alone, which is unique within a stream (and the host
/// gives each source its own plugin instance); the payload's address, length and timestamp also
/// tell apart the events of a reopened stream, or of a test host, that number events again.
/// Comparing the payload bytes instead would cost a pass over the payload for every field.
/// </summary>
public struct EventIdentity
{
    private bool _known;
    private ulong _number;
    private ulong _timestamp;
    private nint _address;
    private int _length;

    /// <summary>Whether the event is the one last remembered.</summary>
    public readonly bool Is(ulong number, ulong timestamp, ReadOnlySpan<byte> payload) =>
        _known && _number == number && _timestamp == timestamp && _length == payload.Length && _address == AddressOf(payload);

    /// <summary>Remembers the event as the one the cache now holds.</summary>
    public void Remember(ulong number, ulong timestamp, ReadOnlySpan<byte> payload)
    {
        _known = true;
        _number = number;
        _timestamp = timestamp;
        _length = payload.Length;
        _address = AddressOf(payload);
    }

    // The payload's offset from address zero: only compared, never read through.
    private static nint AddressOf(ReadOnlySpan<byte> payload) =>
        Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref MemoryMarshal.GetReference(payload));
}
