using System.Buffers;
using System.Text;
using System.Text.Json;
using Peregrine.Sdk;

namespace Peregrine.Plugins.CloudTrail.Fields;

/// <summary>
/// A top-level member of the record being extracted, read from the record's text: a string
/// without escapes, a number, true, false or null is answered from its bytes, with no document.
/// An object, an array or an escaped string is parsed (once per event) when it is asked for.
/// Valid only until the next event is loaded.
/// </summary>
internal readonly struct RecordMember
{
    private readonly LazyRecord _record;
    private readonly int _index;

    public RecordMember(LazyRecord record, int index)
    {
        _record = record;
        _index = index;
    }

    public JsonValueKind Kind => _record.KindOf(_index);

    /// <summary>The member's value parsed (a document is built, and kept for the event, on first use).</summary>
    public JsonElement Element => _record.ValueOf(_index);

    /// <summary>Whether the value is a string that can be used as it is written (no escapes).</summary>
    private bool IsPlainString => Kind == JsonValueKind.String && !_record.IsEscaped(_index);

    /// <summary>The inside of a plain string's quotes.</summary>
    private ReadOnlySpan<byte> PlainText => _record.RawOf(_index)[1..^1];

    /// <summary>Writes the text of a string (empty for anything else), as <see cref="JsonValues.WriteText"/>.</summary>
    public void WriteText(ref FieldWriter values)
    {
        if (IsPlainString)
        {
            values.WriteUtf8(PlainText);
        }
        else if (Kind == JsonValueKind.String)
        {
            JsonValues.WriteText(Element, ref values);
        }
        else
        {
            values.WriteUtf8(default);
        }
    }

    /// <summary>The text of a string, else null, as <see cref="JsonValues.StringOrNull"/>.</summary>
    public string? StringOrNull() =>
        IsPlainString ? Encoding.UTF8.GetString(PlainText)
        : Kind == JsonValueKind.String ? JsonValues.StringOrNull(Element)
        : null;

    /// <summary>The text of a string, else empty.</summary>
    public string TextOf() => StringOrNull() ?? string.Empty;

    /// <summary>Whether the value is the string <paramref name="text"/> (an escaped string is decoded as <see cref="JsonValues"/> does).</summary>
    public bool StringEquals(ReadOnlySpan<byte> text) =>
        IsPlainString ? PlainText.SequenceEqual(text)
        : Kind == JsonValueKind.String && string.Equals(JsonValues.StringOrNull(Element), Encoding.UTF8.GetString(text), StringComparison.Ordinal);

    /// <summary>"true" for the JSON value true, "false" for anything else.</summary>
    public string TrueOrFalse() => Kind == JsonValueKind.True ? "true" : "false";

    /// <summary>Appends the value's JSON text without insignificant whitespace, as <see cref="JsonValues.AppendCompact"/>.</summary>
    public void AppendCompact(IBufferWriter<byte> output)
    {
        if (Kind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.String)
        {
            JsonValues.AppendCompact(Element, output);
        }
        else
        {
            // A number, true, false or null has no whitespace to take out: its text is its compact form.
            output.Write(_record.RawOf(_index));
        }
    }
}
