using System.Runtime.InteropServices;
using System.Text.Json;

namespace Peregrine.Plugins.Common;

/// <summary>
/// Reads JSON string values without ever throwing: <c>JsonElement.GetString</c> fails on a lone
/// surrogate escape (<c>"\udc00"</c>), which would fail a whole extraction call, where upstream reads
/// the text best effort (see <see cref="JsonEscapes"/>).
/// </summary>
public static class JsonStrings
{
    /// <summary>The string's raw bytes between its quotes, escapes as written.</summary>
    public static ReadOnlySpan<byte> Raw(JsonElement value) => JsonMarshal.GetRawUtf8Value(value)[1..^1];

    /// <summary>The text of a string value (which <paramref name="value"/> must be).</summary>
    public static string Text(JsonElement value) => JsonEscapes.ToText(Raw(value));

    /// <summary>Whether <paramref name="value"/> is a string whose text is <paramref name="utf8"/>.</summary>
    public static bool TextEquals(JsonElement value, ReadOnlySpan<byte> utf8) =>
        value.ValueKind == JsonValueKind.String && JsonEscapes.TextEquals(Raw(value), utf8);
}
