using System.Buffers;
using System.Text.Json;
using Peregrine.Conditions.Evaluation;
using Peregrine.Engine.Events;
using Peregrine.Rules.Outputs;

namespace Peregrine.Engine.Processing;

/// <summary>
/// Formats alerts as Falco does: the text line <c>&lt;time&gt;: &lt;Priority&gt; &lt;output&gt;</c>, or the
/// JSON object with its keys in nlohmann::json's sorted order. One formatter per source thread;
/// its buffers are reused, so formatting does not allocate once they have grown.
/// </summary>
internal sealed class AlertFormatter
{
    private static readonly JsonEncodedText HostnameKey = JsonEncodedText.Encode("hostname");
    private static readonly JsonEncodedText MessageKey = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText OutputKey = JsonEncodedText.Encode("output");
    private static readonly JsonEncodedText OutputFieldsKey = JsonEncodedText.Encode("output_fields");
    private static readonly JsonEncodedText PriorityKey = JsonEncodedText.Encode("priority");
    private static readonly JsonEncodedText RuleKey = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText SourceKey = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText TagsKey = JsonEncodedText.Encode("tags");
    private static readonly JsonEncodedText TimeKey = JsonEncodedText.Encode("time");

    private readonly AlertFormatOptions _options;
    private readonly EventTimeText _time;
    private readonly JsonEncodedText _hostname;
    private readonly Utf8Builder _line = new();
    private readonly Utf8Builder _scratch = new();
    private readonly ArrayBufferWriter<byte> _json = new(1024);
    private readonly Utf8JsonWriter _writer;

    public AlertFormatter(AlertFormatOptions options, EventTimeText time, string hostname)
    {
        _options = options;
        _time = time;
        _hostname = JsonEncodedText.Encode(hostname, JsonOutput.Options.Encoder);
        _writer = new Utf8JsonWriter(_json, JsonOutput.Options);
    }

    /// <summary>The alert line for <paramref name="rule"/> on the current event; valid until the next call.</summary>
    public ReadOnlySpan<byte> Format(RuleRuntime rule, FieldCache cache, IFieldJsonRenderer renderer, ulong timestamp)
    {
        _line.Clear();
        var time = _line.GetSpan(EventTimeText.MaxLength);
        _line.Advance(_options.TimeFormatIso8601
            ? EventTimeText.WriteIso8601(timestamp, time)
            : _time.WriteLocalTime(timestamp, nanoseconds: true, time));
        _line.Append(rule.LevelText);
        var messageStart = _line.Length;
        rule.Rule.Output.Render(cache, _line);
        if (!_options.JsonOutput) return _line.Written;

        _json.ResetWrittenCount();
        _writer.Reset(_json);
        _writer.WriteStartObject();
        _writer.WriteString(HostnameKey, _hostname);
        if (_options.IncludeMessage) JsonOutput.WriteUtf8String(_writer, MessageKey, _line.Written[messageStart..]);
        if (_options.IncludeOutput) JsonOutput.WriteUtf8String(_writer, OutputKey, _line.Written);
        if (_options.IncludeOutputFields)
        {
            _writer.WriteStartObject(OutputFieldsKey);
            foreach (var entry in rule.FieldEntries) entry.Write(_writer, cache, renderer, timestamp, _scratch);
            _writer.WriteEndObject();
        }
        _writer.WriteString(PriorityKey, rule.EncodedPriority);
        _writer.WriteString(RuleKey, rule.EncodedRule);
        _writer.WriteString(SourceKey, rule.EncodedSource);
        if (_options.IncludeTags)
        {
            _writer.WriteStartArray(TagsKey);
            foreach (var tag in rule.EncodedTags) _writer.WriteStringValue(tag);
            _writer.WriteEndArray();
        }
        Span<byte> alertTime = stackalloc byte[EventTimeText.MaxLength];
        _writer.WriteString(TimeKey, alertTime[..EventTimeText.WriteAlertTime(timestamp, alertTime)]);
        _writer.WriteEndObject();
        _writer.Flush();
        return _json.WrittenSpan;
    }
}
