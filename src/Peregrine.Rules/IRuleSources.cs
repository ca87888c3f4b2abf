using Peregrine.Conditions.Evaluation;
using Peregrine.Conditions.Fields;

namespace Peregrine.Rules;

/// <summary>The event sources known to the loader and, for each, its fields.</summary>
public interface IRuleSources
{
    /// <summary>The source of that name, or null when it is not loaded.</summary>
    RuleSource? Find(string name);

    IEnumerable<RuleSource> All { get; }
}

/// <summary>
/// A loaded event source as the rules loader sees it: the fields its conditions and outputs may
/// use, and the slot table its compiled rules share (one per source, so one field cache per event).
/// </summary>
public sealed class RuleSource(string name, IFieldCatalog catalog)
{
    public string Name { get; } = name;
    public IFieldCatalog Catalog { get; } = catalog;
    public FieldSlotTable Slots { get; private set; } = new();

    /// <summary>A fresh slot table, used each time everything is recompiled.</summary>
    internal void ResetSlots() => Slots = new FieldSlotTable();
}

/// <summary>A fixed set of sources.</summary>
public sealed class RuleSources(IEnumerable<RuleSource> sources) : IRuleSources
{
    private readonly Dictionary<string, RuleSource> _byName = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public RuleSource? Find(string name) => _byName.GetValueOrDefault(name);

    public IEnumerable<RuleSource> All => _byName.Values;
}
