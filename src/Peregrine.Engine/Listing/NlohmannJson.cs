using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Peregrine.Engine.Listing;

/// <summary>
/// Serialises a JSON tree the way Falco's nlohmann::json <c>dump()</c> does: object keys in byte
/// order (its objects are <c>std::map</c>s), UTF-8 left as is, only quotes, backslashes and control
/// characters escaped (<c>\u001f</c> in lower case), and for an indent, <c>": "</c> after keys and
/// <c>[]</c>/<c>{}</c> for empty containers.
/// </summary>
public static class NlohmannJson
{
    /// <summary>Serialises <paramref name="node"/>; a negative <paramref name="indent"/> is the compact form.</summary>
    public static string Dump(JsonNode? node, int indent = -1)
    {
        var output = new StringBuilder();
        Write(output, node, indent, 0);
        return output.ToString();
    }

    /// <summary>Orders strings as <c>std::string</c>'s <c>operator&lt;</c> does: by unsigned UTF-8 bytes.</summary>
    public static int CompareBytes(string? a, string? b) =>
        Encoding.UTF8.GetBytes(a ?? "").AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b ?? ""));

    /// <summary>A comparer for <see cref="CompareBytes"/>, to build <c>std::set</c>-ordered collections.</summary>
    public static IComparer<string> ByteOrder { get; } = Comparer<string>.Create(CompareBytes);

    private static void Write(StringBuilder output, JsonNode? node, int indent, int depth)
    {
        switch (node)
        {
            case null:
                output.Append("null");
                break;
            case JsonObject obj:
                WriteObject(output, obj, indent, depth);
                break;
            case JsonArray array:
                WriteArray(output, array, indent, depth);
                break;
            case JsonValue value:
                WriteValue(output, value);
                break;
        }
    }

    private static void WriteObject(StringBuilder output, JsonObject obj, int indent, int depth)
    {
        if (obj.Count == 0)
        {
            output.Append("{}");
            return;
        }
        var members = obj.OrderBy(m => m.Key, ByteOrder).ToList();
        output.Append('{');
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0) output.Append(',');
            NewLine(output, indent, depth + 1);
            WriteString(output, members[i].Key);
            output.Append(indent >= 0 ? ": " : ":");
            Write(output, members[i].Value, indent, depth + 1);
        }
        NewLine(output, indent, depth);
        output.Append('}');
    }

    private static void WriteArray(StringBuilder output, JsonArray array, int indent, int depth)
    {
        if (array.Count == 0)
        {
            output.Append("[]");
            return;
        }
        output.Append('[');
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0) output.Append(',');
            NewLine(output, indent, depth + 1);
            Write(output, array[i], indent, depth + 1);
        }
        NewLine(output, indent, depth);
        output.Append(']');
    }

    private static void NewLine(StringBuilder output, int indent, int depth)
    {
        if (indent < 0) return;
        output.Append('\n').Append(' ', indent * depth);
    }

    private static void WriteValue(StringBuilder output, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(output, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                output.Append("true");
                break;
            case JsonValueKind.False:
                output.Append("false");
                break;
            case JsonValueKind.Number:
                // Only integers are ever listed; their JSON text is their decimal form, as nlohmann prints it.
                output.Append(value.ToJsonString());
                break;
            default:
                output.Append("null");
                break;
        }
    }

    private static void WriteString(StringBuilder output, string text)
    {
        output.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                default:
                    if (c < 0x20) output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else output.Append(c);
                    break;
            }
        }
        output.Append('"');
    }
}
