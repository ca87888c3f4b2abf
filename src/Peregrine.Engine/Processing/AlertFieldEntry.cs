using System.Text.Json;
using Peregrine.Conditions.Evaluation;
using Peregrine.Rules.Outputs;

namespace Peregrine.Engine.Processing;

/// <summary>
/// One key of an alert's <c>output_fields</c>: a field of the rule output (typed), the event time
/// of the line prefix (an integer), or an <c>append_output</c> extra field (typed, or its format
/// rendered as text). A rule's entries are merged and sorted once, so writing them is a loop.
/// </summary>
internal sealed class AlertFieldEntry
{
    private enum EntryKind
    {
        Field,
        Timestamp,
        Text,
    }

    private readonly EntryKind _kind;
    private readonly OutputField? _field;
    private readonly OutputFormat? _format;

    private AlertFieldEntry(string key, EntryKind kind, OutputField? field, OutputFormat? format)
    {
        Key = key;
        EncodedKey = JsonEncodedText.Encode(key, JsonOutput.Options.Encoder);
        _kind = kind;
        _field = field;
        _format = format;
    }

    public string Key { get; }

    public JsonEncodedText EncodedKey { get; }

    public static AlertFieldEntry ForField(OutputField field) => new(field.Key, EntryKind.Field, field, null);

    public static AlertFieldEntry ForField(string key, OutputField field) => new(key, EntryKind.Field, field, null);

    public static AlertFieldEntry ForTimestamp(string key) => new(key, EntryKind.Timestamp, null, null);

    public static AlertFieldEntry ForText(string key, OutputFormat format) => new(key, EntryKind.Text, null, format);

    public void Write(Utf8JsonWriter writer, FieldCache cache, IFieldJsonRenderer renderer, ulong timestamp, Utf8Builder scratch)
    {
        writer.WritePropertyName(EncodedKey);
        switch (_kind)
        {
            case EntryKind.Field:
                _field!.WriteValue(cache, writer, renderer);
                break;
            case EntryKind.Timestamp:
                writer.WriteNumberValue((long)timestamp);
                break;
            default:
                scratch.Clear();
                _format!.Render(cache, scratch);
                JsonOutput.WriteUtf8String(writer, scratch.Written);
                break;
        }
    }
}
