using Peregrine.Rules.Compiling;

namespace Peregrine.Engine.Processing;

/// <summary>The outcome of running the enabled sources: per-source results and the alert counts.</summary>
public sealed class RunSummary(IReadOnlyList<SourceRunResult> sources, IReadOnlyList<CompiledRule> rules, IReadOnlyList<DetectionCounters> counters)
{
    public IReadOnlyList<SourceRunResult> Sources { get; } = sources;

    /// <summary>The first source error, or null when every source ended normally.</summary>
    public string? Error => Sources.FirstOrDefault(s => s.Error is not null)?.Error;

    public ulong Events => (ulong)Sources.Sum(s => (decimal)s.Events);

    public long AlertCount(CompiledRule rule) => counters.Sum(c => c.CountOf(rule.Order));

    /// <summary>Falco's closing summary (<c>Events detected: …</c>).</summary>
    public string DetectionText() => DetectionCounters.Summary(rules, counters);
}
