using System.Text.Json;

namespace Peregrine.Plugins.Loading;

/// <summary>
/// Reads the JSON returned by <c>plugin_get_fields</c> into <see cref="PluginField"/>s, applying
/// libsinsp's checks in its order and with its messages (all prefixed with
/// <c>error in plugin &lt;name&gt;: </c>). Per entry: type, name and desc must be non-empty (checked in
/// that order), the type must be known, then isList, addOutput, arg and properties are checked.
/// </summary>
internal static class FieldsJsonParser
{
    private static readonly Dictionary<string, PluginFieldType> CurrentTypes = new(StringComparer.Ordinal)
    {
        ["string"] = PluginFieldType.String,
        ["uint64"] = PluginFieldType.UInt64,
        ["reltime"] = PluginFieldType.RelTime,
        ["abstime"] = PluginFieldType.AbsTime,
        ["bool"] = PluginFieldType.Bool,
        ["ipaddr"] = PluginFieldType.IpAddr,
        ["ipnet"] = PluginFieldType.IpNet,
    };

    private static readonly Dictionary<string, PluginFieldType> LegacyTypes = new(StringComparer.Ordinal)
    {
        ["string"] = PluginFieldType.String,
        ["uint64"] = PluginFieldType.UInt64,
    };

    /// <summary>Parses the fields of <paramref name="pluginName"/>.</summary>
    /// <param name="pluginName">The plugin name, for messages.</param>
    /// <param name="json">The returned text; null when the plugin returned a NULL pointer.</param>
    /// <param name="abi">API 2.0 plugins may only declare string and uint64 fields.</param>
    public static IReadOnlyList<PluginField> Parse(string pluginName, string? json, PluginAbiVersion abi)
    {
        var prefix = "error in plugin " + pluginName + ": ";
        if (json is null)
        {
            throw Error(prefix + "get_fields returned a null string");
        }

        if (!LenientJson.TryParse(json, out var document) || document!.RootElement.ValueKind != JsonValueKind.Array)
        {
            document?.Dispose();
            throw Error(prefix + "get_fields returned an invalid JSON");
        }

        using (document)
        {
            var types = abi == PluginAbiVersion.V2 ? LegacyTypes : CurrentTypes;
            var fields = new List<PluginField>();
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                fields.Add(ParseField(prefix, fields.Count, entry, types));
            }

            if (fields.Count == 0)
            {
                throw Error(prefix + "plugins with extraction capability must export at least one field");
            }

            return fields;
        }
    }

    private static PluginField ParseField(string prefix, int index, JsonElement entry, Dictionary<string, PluginFieldType> types)
    {
        var typeName = LenientJson.AsString(LenientJson.Member(entry, "type"));
        if (string.IsNullOrEmpty(typeName))
        {
            throw Error(prefix + "field JSON entry has no type");
        }

        var name = LenientJson.AsString(LenientJson.Member(entry, "name"));
        if (string.IsNullOrEmpty(name))
        {
            throw Error(prefix + "field JSON entry has no name");
        }

        var display = LenientJson.AsString(LenientJson.Member(entry, "display")) ?? string.Empty;
        var description = LenientJson.AsString(LenientJson.Member(entry, "desc"));
        if (string.IsNullOrEmpty(description))
        {
            throw Error(prefix + "field JSON entry has no desc");
        }

        if (!types.TryGetValue(typeName, out var type))
        {
            throw Error(prefix + "invalid field type " + typeName);
        }

        var fieldPrefix = prefix + "field " + name;

        // Note the trailing blanks in some of libsinsp's messages; they are reproduced as is.
        var isList = OptionalBool(entry, "isList", fieldPrefix + " isList property is not boolean ");
        var addOutput = OptionalBool(entry, "addOutput", fieldPrefix + " addOutput property is not boolean ");

        bool isRequired = false, isIndex = false, isKey = false;
        var arg = LenientJson.Member(entry, "arg");
        if (!LenientJson.IsNull(arg))
        {
            if (arg.ValueKind != JsonValueKind.Object)
            {
                // jsoncpp aborts with an assertion here; report it in the same style as the other checks.
                throw Error(fieldPrefix + " arg property is not an object");
            }

            isRequired = OptionalBool(arg, "isRequired", fieldPrefix + " isRequired property is not boolean");
            isIndex = OptionalBool(arg, "isIndex", fieldPrefix + " isIndex property is not boolean");
            isKey = OptionalBool(arg, "isKey", fieldPrefix + " isKey property is not boolean");
            if (isRequired && !isIndex && !isKey)
            {
                throw Error(fieldPrefix + " arg has isRequired true, but none of isKey nor isIndex is true");
            }
        }

        var properties = PluginFieldProperties.None;
        var jsonProperties = LenientJson.Member(entry, "properties");
        if (!LenientJson.IsNull(jsonProperties))
        {
            if (jsonProperties.ValueKind != JsonValueKind.Array)
            {
                throw Error(fieldPrefix + " properties property is not array ");
            }

            foreach (var property in jsonProperties.EnumerateArray())
            {
                if (property.ValueKind != JsonValueKind.String)
                {
                    throw Error(fieldPrefix + " properties value is not string ");
                }

                properties |= property.GetString() switch
                {
                    "hidden" => PluginFieldProperties.Hidden,
                    "info" => PluginFieldProperties.Info,
                    "conversation" => PluginFieldProperties.Conversation,
                    _ => PluginFieldProperties.None,
                };
            }
        }

        return new PluginField(index, name, type, description, display, isList, isRequired, isIndex, isKey, properties, addOutput);
    }

    private static bool OptionalBool(JsonElement owner, string member, string error)
    {
        var value = LenientJson.Member(owner, member);
        if (LenientJson.IsNull(value))
        {
            return false;
        }

        if (!LenientJson.IsBool(value))
        {
            throw Error(error);
        }

        return value.GetBoolean();
    }

    private static PluginDefinitionException Error(string message) => new(PluginLoadStage.Fields, message);
}
