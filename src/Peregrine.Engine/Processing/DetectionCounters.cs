using System.Text;
using Peregrine.Rules;
using Peregrine.Rules.Compiling;

namespace Peregrine.Engine.Processing;

/// <summary>
/// Alerts counted by rule, for Falco's closing summary. Each source thread counts into its own
/// array (no sharing on the hot path); the summary adds them up after the threads are done.
/// </summary>
public sealed class DetectionCounters
{
    private readonly long[] _byRule;

    /// <param name="ruleCount">One more than the highest rule <see cref="CompiledRule.Order"/>.</param>
    public DetectionCounters(int ruleCount) => _byRule = new long[ruleCount];

    internal void Count(int ruleOrder) => _byRule[ruleOrder]++;

    public long CountOf(int ruleOrder) => _byRule[ruleOrder];

    /// <summary>
    /// Falco's summary (printed on stdout at exit): total, then counts by priority (short upper-case
    /// names, most severe first), then by rule in definition order; zero counts are left out.
    /// </summary>
    public static string Summary(IReadOnlyList<CompiledRule> rules, IEnumerable<DetectionCounters> counters)
    {
        var all = counters.ToList();
        var byRule = rules.Select(r => (Rule: r, Count: all.Sum(c => r.Order < c._byRule.Length ? c._byRule[r.Order] : 0)))
            .Where(x => x.Count > 0)
            .OrderBy(x => x.Rule.Order)
            .ToList();
        var text = new StringBuilder();
        text.Append("Events detected: ").Append(byRule.Sum(x => x.Count)).Append('\n');
        text.Append("Rule counts by severity:\n");
        foreach (var priority in Enum.GetValues<Priority>())
        {
            var count = byRule.Where(x => x.Rule.Priority == priority).Sum(x => x.Count);
            if (count > 0) text.Append("   ").Append(ShortName(priority)).Append(": ").Append(count).Append('\n');
        }
        text.Append("Triggered rules by rule name:\n");
        foreach (var (rule, count) in byRule) text.Append("   ").Append(rule.Name).Append(": ").Append(count).Append('\n');
        return text.ToString();
    }

    /// <summary>Falco's short priority names, upper-cased as its summary prints them.</summary>
    private static string ShortName(Priority priority) => priority == Priority.Informational ? "INFO" : priority.Name().ToUpperInvariant();
}
