using Peregrine.Rules.Compiling;

namespace Peregrine.Rules.Rulesets;

/// <summary>
/// The rules of one event source in evaluation order, with which of them are enabled. Rules
/// below the minimum priority are never enabled. Enabling or disabling by exact name, by name
/// with '*' wildcards, by substring, or by tag (any common tag) works on the current state, so
/// selections apply in the order they are given.
/// </summary>
public sealed class Ruleset
{
    private readonly CompiledRule[] _rules;
    private readonly bool[] _enabled;
    private readonly Priority _minimumPriority;
    private CompiledRule[] _enabledRules = [];

    public Ruleset(string source, IEnumerable<CompiledRule> rules, Priority minimumPriority)
    {
        Source = source;
        _minimumPriority = minimumPriority;
        _rules = rules.Where(r => r.Source == source).OrderBy(r => r.Order).ToArray();
        _enabled = _rules.Select(r => r.Enabled && r.Priority <= minimumPriority).ToArray();
        Refresh();
    }

    public string Source { get; }

    /// <summary>Every compiled rule of the source, enabled or not.</summary>
    public IReadOnlyList<CompiledRule> Rules => _rules;

    /// <summary>The enabled rules, in evaluation order (an array, for the per-event loop).</summary>
    public CompiledRule[] EnabledRules => _enabledRules;

    public bool IsEnabled(string name) => Array.FindIndex(_rules, r => r.Name == name) is var i and >= 0 && _enabled[i];

    public void SetByName(string pattern, bool enabled) => Set(r => FalcoWildcard.Matches(pattern, r.Name), enabled);

    public void SetBySubstring(string substring, bool enabled) => Set(r => substring.Length == 0 || r.Name.Contains(substring, StringComparison.Ordinal), enabled);

    public void SetByTags(IReadOnlySet<string> tags, bool enabled) => Set(r => r.Tags.Overlaps(tags), enabled);

    private void Set(Func<CompiledRule, bool> selects, bool enabled)
    {
        for (var i = 0; i < _rules.Length; i++)
        {
            if (_rules[i].Priority > _minimumPriority) continue;
            if (selects(_rules[i])) _enabled[i] = enabled;
        }
        Refresh();
    }

    private void Refresh() => _enabledRules = _rules.Where((_, i) => _enabled[i]).ToArray();
}
