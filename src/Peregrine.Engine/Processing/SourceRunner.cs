using System.Diagnostics;
using Peregrine.Conditions.Evaluation;
using Peregrine.Engine.Events;
using Peregrine.Plugins;

using Peregrine.Engine.Configuration;

namespace Peregrine.Engine.Processing;

/// <summary>What one source's event loop did.</summary>
public sealed record SourceRunResult(string Source, ulong Events, TimeSpan Elapsed, string? Error);

/// <summary>
/// The event loop of one plugin source, on its own thread: pull a batch from the sourcing plugin,
/// and for each event run the enabled rules of the source in order against a fresh field cache,
/// stopping at the first match or not (<c>rule_matching</c>), handing every alert to the sink.
/// Plugin memory is only read while its batch is current: alerts are formatted before the next
/// <c>next_batch</c>.
/// </summary>
internal sealed class SourceRunner
{
    private readonly string _source;
    private readonly RuleRuntime[] _rules;
    private readonly FieldCache _cache;
    private readonly EventFieldProvider _provider;
    private readonly AlertFormatter _formatter;
    private readonly IAlertSink _sink;
    private readonly bool _firstMatchOnly;

    public SourceRunner(string source, RuleRuntime[] rules, FieldCache cache, EventFieldProvider provider,
        AlertFormatter formatter, IAlertSink sink, RuleMatching matching, DetectionCounters counters)
    {
        _source = source;
        _rules = rules;
        _cache = cache;
        _provider = provider;
        _formatter = formatter;
        _sink = sink;
        _firstMatchOnly = matching == RuleMatching.First;
        Counters = counters;
    }

    public DetectionCounters Counters { get; }

    /// <summary>Runs until the stream ends, fails, or <paramref name="stop"/> is signalled (checked between batches).</summary>
    public SourceRunResult Run(IPluginStream stream, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        ulong events = 0;
        string? error = null;
        while (!stop.IsCancellationRequested)
        {
            var status = stream.NextBatch(out var batch);
            if (status == PluginBatchStatus.Success)
            {
                for (var i = 0; i < batch.Count; i++) Process(batch[i]);
                events += (ulong)batch.Count;
            }
            else if (status == PluginBatchStatus.Eof)
            {
                break;
            }
            else if (status == PluginBatchStatus.Failure)
            {
                error = stream.LastError;
                break;
            }
            // Timeout: nothing ready yet, ask again.
        }
        return new SourceRunResult(_source, events, clock.Elapsed, error);
    }

    private void Process(in PluginEvent evt)
    {
        _provider.BeginEvent(evt);
        _cache.Reset();
        foreach (var rule in _rules)
        {
            _provider.UseBatch(rule.ConditionSlots);
            if (!rule.Rule.Condition.Evaluate(_cache)) continue;
            Alert(rule, evt.Timestamp);
            if (_firstMatchOnly) return;
        }
    }

    private void Alert(RuleRuntime rule, ulong timestamp)
    {
        Counters.Count(rule.Rule.Order);
        _provider.UseBatch(rule.OutputSlots);
        var line = _formatter.Format(rule, _cache, _provider, timestamp);
        _sink.Publish(rule.Header(timestamp), line);
    }
}
