using System.Collections.Concurrent;
using Peregrine.Plugins.Native;

namespace Peregrine.Plugins;

/// <summary>
/// An interned event source name ("syscall", "k8s_audit", ...). Interning gives every source one
/// object, so hot paths compare sources by reference, and a pinned NUL-terminated UTF-8 copy that
/// is handed to plugins as <c>ss_plugin_event_input.evtsrc</c> without encoding per event.
/// </summary>
public sealed class EventSourceName
{
    private static readonly ConcurrentDictionary<string, EventSourceName> Interned = new(StringComparer.Ordinal);

    private readonly byte[] _utf8Z;

    private EventSourceName(string value)
    {
        Value = value;
        _utf8Z = NativeText.PinnedUtf8Z(value);
    }

    /// <summary>The source of events that belong to no plugin source, and of ID-0 sourcing plugins.</summary>
    public static EventSourceName Syscall { get; } = Get("syscall");

    /// <summary>The name.</summary>
    public string Value { get; }

    /// <summary>The name as UTF-8, without the terminator.</summary>
    public ReadOnlySpan<byte> Utf8 => _utf8Z.AsSpan(0, _utf8Z.Length - 1);

    /// <summary>The name as a NUL-terminated UTF-8 string at a stable address.</summary>
    internal unsafe byte* Utf8Z => NativeText.PointerOf(_utf8Z);

    /// <summary>Returns the one instance for <paramref name="name"/>.</summary>
    public static EventSourceName Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Interned.TryGetValue(name, out var existing) ? existing : Interned.GetOrAdd(name, static n => new EventSourceName(n));
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
