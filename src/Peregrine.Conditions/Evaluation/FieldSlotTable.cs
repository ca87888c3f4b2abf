using Peregrine.Conditions.Fields;

namespace Peregrine.Conditions.Evaluation;

/// <summary>
/// The slots of one event source's field cache. Every distinct field reference (by canonical
/// text, e.g. <c>json.value[/a]</c>) and every distinct transformer expression gets one slot,
/// shared by all the rules and outputs of that source, so a value is extracted or computed at
/// most once per event however many rules use it.
/// </summary>
public sealed class FieldSlotTable
{
    private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);
    private readonly List<SlotSource> _sources = [];
    private readonly List<FieldReference?> _fields = [];
    private readonly List<string> _keys = [];

    public int Count => _sources.Count;

    /// <summary>The slot of a catalog field reference, added on first use.</summary>
    public int AddField(FieldReference field)
    {
        if (_byKey.TryGetValue(field.Text, out var slot)) return slot;
        return Add(field.Text, new ProvidedSlotSource(field), field);
    }

    /// <summary>The slot of a computed value identified by <paramref name="key"/>, added on first use.</summary>
    public int AddComputed(string key, Func<SlotSource> create)
    {
        if (_byKey.TryGetValue(key, out var slot)) return slot;
        return Add(key, create(), null);
    }

    /// <summary>The catalog field behind a slot, or null for computed slots.</summary>
    public FieldReference? FieldAt(int slot) => _fields[slot];

    /// <summary>The identity text of a slot.</summary>
    public string KeyAt(int slot) => _keys[slot];

    internal SlotSource SourceAt(int slot) => _sources[slot];

    private int Add(string key, SlotSource source, FieldReference? field)
    {
        var slot = _sources.Count;
        _byKey.Add(key, slot);
        _sources.Add(source);
        _fields.Add(field);
        _keys.Add(key);
        return slot;
    }
}

/// <summary>A slot filled by the engine's <see cref="IFieldValueProvider"/>.</summary>
internal sealed class ProvidedSlotSource(FieldReference field) : SlotSource
{
    public FieldReference Field { get; } = field;

    internal override void Fill(FieldCache cache, int slot) => cache.Provider.Fetch(cache, slot, Field);
}
