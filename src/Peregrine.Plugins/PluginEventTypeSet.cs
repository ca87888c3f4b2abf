using System.Collections;

namespace Peregrine.Plugins;

/// <summary>
/// The event types a plugin wants to see (from <c>get_extract_event_types</c>, resolved once after
/// init). An empty answer means every type when the plugin's sources include "syscall", otherwise
/// only plugin events (322), as in libsinsp.
/// </summary>
public sealed class PluginEventTypeSet
{
    private readonly BitArray? _codes;

    private PluginEventTypeSet(BitArray? codes, IReadOnlyList<ushort> list)
    {
        _codes = codes;
        Codes = list;
    }

    /// <summary>Every event type.</summary>
    public static PluginEventTypeSet All { get; } = new(null, Array.Empty<ushort>());

    /// <summary>Whether every type is accepted.</summary>
    public bool IsAll => _codes is null;

    /// <summary>The accepted codes, in ascending order (empty when <see cref="IsAll"/>).</summary>
    public IReadOnlyList<ushort> Codes { get; }

    /// <summary>A set of explicit codes.</summary>
    public static PluginEventTypeSet Of(IEnumerable<ushort> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var sorted = new SortedSet<ushort>(codes);
        var bits = new BitArray(ushort.MaxValue + 1);
        foreach (var code in sorted)
        {
            bits[code] = true;
        }

        return new PluginEventTypeSet(bits, sorted.ToArray());
    }

    /// <summary>Whether events of type <paramref name="code"/> are accepted.</summary>
    public bool Contains(ushort code) => _codes is null || _codes[code];
}
