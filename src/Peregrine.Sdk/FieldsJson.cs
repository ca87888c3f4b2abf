using System.Text.Json;

namespace Peregrine.Sdk;

/// <summary>
/// Writes the fields JSON (<c>plugin_get_fields</c>) for declared fields, so the host can check a
/// managed plugin's fields with the same rules and messages as a native plugin's.
/// </summary>
internal static class FieldsJson
{
    public static string TypeName(PluginFieldType type) => type switch
    {
        PluginFieldType.UInt64 => "uint64",
        PluginFieldType.String => "string",
        PluginFieldType.RelTime => "reltime",
        PluginFieldType.AbsTime => "abstime",
        PluginFieldType.Bool => "bool",
        PluginFieldType.IpAddr => "ipaddr",
        PluginFieldType.IpNet => "ipnet",
        _ => ((uint)type).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string Write(IReadOnlyList<FieldDefinition> fields)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (var field in fields)
            {
                json.WriteStartObject();
                json.WriteString("type", TypeName(field.Type));
                json.WriteString("name", field.Name);
                json.WriteString("desc", field.Description);
                if (field.Display.Length > 0)
                {
                    json.WriteString("display", field.Display);
                }

                json.WriteBoolean("isList", field.IsList);
                if (field.Argument != FieldArgumentRules.None)
                {
                    json.WriteStartObject("arg");
                    json.WriteBoolean("isRequired", (field.Argument & FieldArgumentRules.Required) != 0);
                    json.WriteBoolean("isIndex", (field.Argument & FieldArgumentRules.Index) != 0);
                    json.WriteBoolean("isKey", (field.Argument & FieldArgumentRules.Key) != 0);
                    json.WriteEndObject();
                }

                if (field.Properties != PluginFieldProperties.None)
                {
                    json.WriteStartArray("properties");
                    WriteProperty(json, field.Properties, PluginFieldProperties.Hidden, "hidden");
                    WriteProperty(json, field.Properties, PluginFieldProperties.Info, "info");
                    WriteProperty(json, field.Properties, PluginFieldProperties.Conversation, "conversation");
                    json.WriteEndArray();
                }

                if (field.AddOutput)
                {
                    json.WriteBoolean("addOutput", true);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string WriteStrings(IReadOnlyList<string> values)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (var value in values)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteProperty(Utf8JsonWriter json, PluginFieldProperties all, PluginFieldProperties one, string name)
    {
        if ((all & one) != 0)
        {
            json.WriteStringValue(name);
        }
    }
}
