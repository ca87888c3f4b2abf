using System.Globalization;
using System.Text.Json;

namespace Peregrine.Plugins.Loading;

/// <summary>
/// JSON reading with the leniency of the jsoncpp reader libsinsp uses: comments and trailing
/// commas are accepted, and scalar values read as strings the way <c>Json::Value::asString</c>
/// converts them.
/// </summary>
internal static class LenientJson
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Parses <paramref name="text"/>; false when it is not JSON.</summary>
    public static bool TryParse(string text, out JsonDocument? document)
    {
        try
        {
            document = JsonDocument.Parse(text, Options);
            return true;
        }
        catch (JsonException)
        {
            document = null;
            return false;
        }
    }

    /// <summary>
    /// The member <paramref name="name"/> of <paramref name="value"/> when <paramref name="value"/> is
    /// an object and has it, otherwise an undefined element (jsoncpp's <c>get(name, null)</c>).
    /// </summary>
    public static JsonElement Member(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var member) ? member : default;

    /// <summary>Whether <paramref name="value"/> is absent or JSON null.</summary>
    public static bool IsNull(JsonElement value) => value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;

    /// <summary>Whether <paramref name="value"/> is a JSON boolean.</summary>
    public static bool IsBool(JsonElement value) => value.ValueKind is JsonValueKind.True or JsonValueKind.False;

    /// <summary>
    /// jsoncpp's string conversion: null is "", booleans and numbers become their text. Objects and
    /// arrays cannot be converted (jsoncpp throws); they read as null here, so "has no X" checks
    /// reject them.
    /// </summary>
    public static string? AsString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => string.Empty,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => NumberText(value),
        _ => null,
    };

    private static string NumberText(JsonElement value) =>
        value.TryGetInt64(out var integer) ? integer.ToString(CultureInfo.InvariantCulture)
        : value.TryGetUInt64(out var unsigned) ? unsigned.ToString(CultureInfo.InvariantCulture)
        : value.GetDouble().ToString("G17", CultureInfo.InvariantCulture);
}
