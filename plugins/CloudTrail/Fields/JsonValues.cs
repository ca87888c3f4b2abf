using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Peregrine.Plugins.Common;
using Peregrine.Sdk;

namespace Peregrine.Plugins.CloudTrail.Fields;

/// <summary>
/// Reading record values the way upstream's JSON library does, so that values compare the same:
/// a present member that is not a string reads as empty text, a nested object is rendered from its
/// original text with only the whitespace taken out, and byte counts accept integers and floats.
/// Like upstream, a duplicated key reads its first member and a string is read best effort (a lone
/// surrogate escape is kept as written rather than failing the extraction).
/// </summary>
internal static class JsonValues
{
    /// <summary>The first member <paramref name="name"/> of <paramref name="parent"/>, when it is an object that has it.</summary>
    public static bool TryGet(JsonElement parent, ReadOnlySpan<byte> name, out JsonElement value) =>
        JsonMembers.TryGetFirst(parent, name, out value);

    /// <summary>The member at <paramref name="first"/>.<paramref name="second"/>.</summary>
    public static bool TryGet(JsonElement parent, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, out JsonElement value)
    {
        value = default;
        return TryGet(parent, first, out var middle) && TryGet(middle, second, out value);
    }

    /// <summary>The member at <paramref name="first"/>.<paramref name="second"/>.<paramref name="third"/>.</summary>
    public static bool TryGet(JsonElement parent, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third, out JsonElement value)
    {
        value = default;
        return TryGet(parent, first, second, out var middle) && TryGet(middle, third, out value);
    }

    /// <summary>The member's text when it is a string, else null (upstream's "no string here").</summary>
    public static string? StringOrNull(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? JsonStrings.Text(element) : null;

    /// <summary>The member's text when it is a string, else empty.</summary>
    public static string TextOf(JsonElement element) => StringOrNull(element) ?? string.Empty;

    /// <summary>Whether the member is a string with at least one character.</summary>
    public static bool IsNonEmptyString(JsonElement element) =>
        element.ValueKind == JsonValueKind.String && JsonMarshal.GetRawUtf8Value(element).Length > 2;

    /// <summary>Writes the member's text (empty when it is not a string), without decoding when it has no escapes.</summary>
    public static void WriteText(JsonElement element, ref FieldWriter values)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            values.WriteUtf8(default);
            return;
        }

        // The raw value is the quoted UTF-8 text: without escapes, its inside is the value.
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            values.WriteUtf8(raw[1..^1]);
        }
        else
        {
            values.Write(JsonStrings.Text(element));
        }
    }

    /// <summary>"true" for the JSON value true, "false" for anything else (strings included).</summary>
    public static string TrueOrFalse(JsonElement element) => element.ValueKind == JsonValueKind.True ? "true" : "false";

    /// <summary>
    /// A byte count: an unsigned integer as it is, another number truncated (CloudTrail sometimes
    /// writes 33.0), and anything else 0.
    /// </summary>
    public static ulong ToUInt64(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            return 0;
        }

        if (element.TryGetUInt64(out var integer))
        {
            return integer;
        }

        var number = element.GetDouble();
        return number switch
        {
            <= 0 or double.NaN => 0,
            >= ulong.MaxValue => ulong.MaxValue,
            _ => (ulong)number,
        };
    }

    /// <summary>
    /// Appends the element's original JSON text without insignificant whitespace. Strings and
    /// numbers are kept exactly as written (escapes included), which is how upstream renders
    /// nested values.
    /// </summary>
    public static void AppendCompact(JsonElement element, IBufferWriter<byte> output) => CompactJson.Write(element, output);
}
