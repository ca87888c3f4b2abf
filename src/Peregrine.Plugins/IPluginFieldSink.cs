namespace Peregrine.Plugins;

/// <summary>
/// Receives extracted values. For each request that has values, the plugin calls one method per
/// value, in list order: <c>element</c> is the value's position and <c>count</c> the number of
/// values of that request (1 for a non-list field). A request without values (the field is absent,
/// or an empty list) gets no call. Spans point into plugin memory and are valid only during the
/// call: copy what you keep. The plugin's lock is held during the calls, so a sink must not call
/// back into the same plugin.
/// </summary>
public interface IPluginFieldSink
{
    /// <summary>A <c>uint64</c>, <c>reltime</c> or <c>abstime</c> value.</summary>
    void OnUInt64(int request, int element, int count, ulong value);

    /// <summary>A <c>string</c> value, as UTF-8 without terminator.</summary>
    void OnString(int request, int element, int count, ReadOnlySpan<byte> utf8);

    /// <summary>A <c>bool</c> value.</summary>
    void OnBool(int request, int element, int count, bool value);

    /// <summary>An <c>ipaddr</c> or <c>ipnet</c> value: 4 (IPv4) or 16 (IPv6) address bytes.</summary>
    void OnBytes(int request, int element, int count, ReadOnlySpan<byte> value);
}
