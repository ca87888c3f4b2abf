using System.Text;
using System.Text.Json;
using Peregrine.Conditions.Evaluation;
using Peregrine.Engine.Outputs;
using Peregrine.Rules;
using Peregrine.Rules.Compiling;
using Peregrine.Rules.Outputs;

namespace Peregrine.Engine.Processing;

/// <summary>
/// What the event loop needs of one enabled rule, prepared once: the slots its condition and its
/// alert read (so plugin fields are extracted in batches), the sorted <c>output_fields</c> entries,
/// and the pre-encoded texts of its alert.
/// </summary>
internal sealed class RuleRuntime
{
    public RuleRuntime(CompiledRule rule, FieldSlotTable slots, AlertFormatOptions options)
    {
        Rule = rule;
        ConditionSlots = rule.Condition.Fields.Select(slots.AddField).Distinct().ToArray();
        LevelText = Encoding.UTF8.GetBytes(": " + rule.Priority.Name() + " ");
        EncodedRule = JsonEncodedText.Encode(rule.Name, JsonOutput.Options.Encoder);
        EncodedPriority = JsonEncodedText.Encode(rule.Priority.Name(), JsonOutput.Options.Encoder);
        EncodedSource = JsonEncodedText.Encode(rule.Source, JsonOutput.Options.Encoder);
        EncodedTags = rule.Tags.Order(StringComparer.Ordinal).Select(t => JsonEncodedText.Encode(t, JsonOutput.Options.Encoder)).ToArray();
        FieldEntries = BuildFieldEntries(rule, options);
        OutputSlots = rule.Output.JsonFields.Select(f => f.Slot)
            .Concat(rule.ExtraFields.SelectMany(e => e.Format.JsonFields.Select(f => f.Slot)))
            .Distinct()
            .ToArray();
    }

    public CompiledRule Rule { get; }

    /// <summary>Slots of the catalog fields the condition may read.</summary>
    public int[] ConditionSlots { get; }

    /// <summary>Slots of the catalog fields the output and extra fields read.</summary>
    public int[] OutputSlots { get; }

    /// <summary><c>": &lt;Priority&gt; "</c>, between the time and the message of the text line.</summary>
    public byte[] LevelText { get; }

    public JsonEncodedText EncodedRule { get; }
    public JsonEncodedText EncodedPriority { get; }
    public JsonEncodedText EncodedSource { get; }
    public JsonEncodedText[] EncodedTags { get; }

    /// <summary>The <c>output_fields</c> entries, sorted by key as nlohmann::json prints them.</summary>
    public AlertFieldEntry[] FieldEntries { get; }

    public AlertHeader Header(ulong timestamp) => new(Rule.Priority, Rule.Name, Rule.Source, timestamp, Rule.Tags);

    /// <summary>
    /// Falco fills <c>output_fields</c> from the rule output, then the line prefix (the event time),
    /// then the <c>append_output</c> fields, a later key replacing an earlier one.
    /// </summary>
    private static AlertFieldEntry[] BuildFieldEntries(CompiledRule rule, AlertFormatOptions options)
    {
        var entries = new Dictionary<string, AlertFieldEntry>(StringComparer.Ordinal);
        foreach (var field in rule.Output.JsonFields) entries[field.Key] = AlertFieldEntry.ForField(field);
        var timeKey = options.TimeFormatIso8601 ? "evt.time.iso8601" : "evt.time";
        entries[timeKey] = AlertFieldEntry.ForTimestamp(timeKey);
        foreach (var extra in rule.ExtraFields)
        {
            entries[extra.Key] = extra.Raw && extra.Format.JsonFields.Count > 0
                ? AlertFieldEntry.ForField(extra.Key, extra.Format.JsonFields[0])
                : AlertFieldEntry.ForText(extra.Key, extra.Format);
        }
        return entries.Values.OrderBy(e => e.Key, StringComparer.Ordinal).ToArray();
    }
}
