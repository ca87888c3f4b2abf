using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Peregrine.Sdk;

/// <summary>
/// Derives a JSON Schema (draft 7, what the host validates with) from System.Text.Json's own
/// metadata for a config type. Reading <see cref="JsonTypeInfo"/> rather than reflecting over the
/// type means the schema describes exactly what the deserializer accepts (names after naming
/// policies, required members, unmapped-member handling) and works with source-generated contexts,
/// so it stays NativeAOT-friendly. Covered: objects, arrays, dictionaries, strings, numbers,
/// booleans, nullable values and <see cref="DescriptionAttribute"/> texts; other types get an
/// unconstrained schema and are checked by the deserializer only.
/// </summary>
public static class ConfigSchema
{
    /// <summary>The schema of <paramref name="typeInfo"/>'s type, as JSON text.</summary>
    public static string Generate(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            WriteBody(json, typeInfo, allowNull: false, description: null, visiting: []);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteSchema(Utf8JsonWriter json, JsonTypeInfo info, bool allowNull, string? description, HashSet<Type> visiting)
    {
        json.WriteStartObject();
        WriteBody(json, info, allowNull, description, visiting);
        json.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter json, JsonTypeInfo info, bool allowNull, string? description, HashSet<Type> visiting)
    {
        if (description is { Length: > 0 })
        {
            json.WriteString("description", description);
        }

        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        allowNull |= type != info.Type;
        if (info.Type != type)
        {
            info = info.Options.GetTypeInfo(type);
        }

        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when visiting.Add(type):
                WriteType(json, "object", allowNull);
                WriteObject(json, info, visiting);
                visiting.Remove(type);
                break;
            case JsonTypeInfoKind.Enumerable when info.ElementType is { } element:
                WriteType(json, "array", allowNull);
                json.WritePropertyName("items");
                WriteSchema(json, info.Options.GetTypeInfo(element), allowNull: false, null, visiting);
                break;
            case JsonTypeInfoKind.Dictionary when info.ElementType is { } value:
                WriteType(json, "object", allowNull);
                json.WritePropertyName("additionalProperties");
                WriteSchema(json, info.Options.GetTypeInfo(value), allowNull: false, null, visiting);
                break;
            case JsonTypeInfoKind.None when ScalarType(type) is { } scalar:
                WriteType(json, scalar, allowNull);
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter json, JsonTypeInfo info, HashSet<Type> visiting)
    {
        var required = new List<string>();
        json.WriteStartObject("properties");
        foreach (var property in info.Properties)
        {
            if (property.Set is null && !property.IsRequired)
            {
                continue; // read-only: not part of what the config can say
            }

            json.WritePropertyName(property.Name);
            var allowNull = !property.PropertyType.IsValueType
                && (!info.Options.RespectNullableAnnotations || property.IsSetNullable);
            WriteSchema(json, info.Options.GetTypeInfo(property.PropertyType), allowNull, Description(property), visiting);
            if (property.IsRequired)
            {
                required.Add(property.Name);
            }
        }

        json.WriteEndObject();
        if (required.Count > 0)
        {
            json.WriteStartArray("required");
            foreach (var name in required)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
        }

        var unmapped = info.UnmappedMemberHandling ?? info.Options.UnmappedMemberHandling;
        if (unmapped == JsonUnmappedMemberHandling.Disallow)
        {
            json.WriteBoolean("additionalProperties", false);
        }
    }

    private static void WriteType(Utf8JsonWriter json, string name, bool allowNull)
    {
        if (!allowNull)
        {
            json.WriteString("type", name);
            return;
        }

        json.WriteStartArray("type");
        json.WriteStringValue(name);
        json.WriteStringValue("null");
        json.WriteEndArray();
    }

    private static string? Description(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), inherit: true) is [DescriptionAttribute first, ..]
            ? first.Description
            : null;

    private static string? ScalarType(Type type)
    {
        if (type == typeof(string) || type == typeof(char) || type == typeof(Guid) || type == typeof(Uri)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan))
        {
            return "string";
        }

        if (type == typeof(bool))
        {
            return "boolean";
        }

        if (type.IsEnum)
        {
            return null; // names or numbers, depending on the converter
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32
                or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => "integer",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "number",
            _ => null,
        };
    }
}
