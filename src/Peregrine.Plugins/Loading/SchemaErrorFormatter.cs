using System.Globalization;
using System.Text;
using System.Text.Json;
using Json.Schema;

namespace Peregrine.Plugins.Loading;

/// <summary>
/// Picks the error valijson would report first and words it the way valijson does, so that init
/// config messages read like Falco's (<c>In &lt;root&gt;[jitter], Value type not permitted by 'type'
/// constraint.</c>). valijson visits a schema's keywords in a fixed order (below), descends into
/// subschemas before reporting the parent's own failure, and visits object properties in name
/// order; libsinsp reports the first error it queued. Keywords whose wording is not reproduced
/// fall back to JsonSchema.Net's message.
/// </summary>
internal static class SchemaErrorFormatter
{
    // valijson's SchemaParser adds constraints in this order (draft 7).
    private static readonly string[] KeywordOrder =
    [
        "$ref", "allOf", "anyOf", "const", "contains", "dependencies", "enum", "items|additionalItems", "if|then|else",
        "exclusiveMaximum", "maximum", "maxItems", "maxLength", "maxProperties", "exclusiveMinimum", "minimum",
        "minItems", "minLength", "minProperties", "multipleOf", "not", "oneOf", "pattern",
        "properties|patternProperties|additionalProperties", "propertyNames", "required", "type", "uniqueItems",
    ];

    private static readonly Dictionary<string, int> Rank = BuildRank();

    /// <summary>The first error, or null when none can be named.</summary>
    public static (string Context, string Description)? FirstError(EvaluationResults results, JsonElement schemaRoot, JsonElement instanceRoot) =>
        Visit(results, schemaRoot, instanceRoot);

    private static (string Context, string Description)? Visit(EvaluationResults node, JsonElement schemaRoot, JsonElement instanceRoot)
    {
        if (node.IsValid)
        {
            return null;
        }

        var depth = Segments(node.EvaluationPath.ToString()).Count;
        var candidates = new List<(int Rank, string Order, Func<(string, string)?> Resolve)>();
        if (node.Errors is not null)
        {
            foreach (var (keyword, message) in node.Errors)
            {
                var ownKeyword = keyword;
                var ownMessage = message;
                candidates.Add((RankOf(keyword), "~", () => Describe(ownKeyword, ownMessage, node, schemaRoot, instanceRoot)));
            }
        }

        if (node.Details is not null)
        {
            var validOneOf = 0;
            foreach (var child in node.Details)
            {
                var path = Segments(child.EvaluationPath.ToString());
                var keyword = path.Count > depth ? path[depth] : string.Empty;
                if (child.IsValid)
                {
                    // Keywords that fail because a subschema passes carry no error of their own.
                    if (keyword == "not")
                    {
                        candidates.Add((RankOf(keyword), string.Empty, () => (Context(node.InstanceLocation.ToString()),
                            "Target should not validate against schema specified in 'not' constraint.")));
                    }
                    else if (keyword == "oneOf" && ++validOneOf == 2)
                    {
                        candidates.Add((RankOf(keyword), string.Empty, () => (Context(node.InstanceLocation.ToString()),
                            "Failed to validate against exactly one child schema.")));
                    }

                    continue;
                }

                var instance = Segments(child.InstanceLocation.ToString());
                var order = keyword switch
                {
                    // properties by name, then patternProperties, then additionalProperties
                    "properties" => "0" + (instance.Count > 0 ? instance[^1] : string.Empty),
                    "patternProperties" => "1",
                    "additionalProperties" => "2",
                    _ => path.Count > depth + 1 ? path[depth + 1].PadLeft(10, '0') : string.Empty,
                };
                var current = child;
                if (keyword == "additionalProperties" && child.Errors is { } errors && errors.ContainsKey(string.Empty))
                {
                    // additionalProperties: false — valijson reports the unexpected member at the parent.
                    var member = instance.Count > 0 ? instance[^1] : string.Empty;
                    candidates.Add((RankOf(keyword), order, () => (Context(node.InstanceLocation.ToString()),
                        "Object contains a property that could not be validated using 'properties' or 'additionalProperties' constraints: '" + member + "'.")));
                    continue;
                }

                candidates.Add((RankOf(keyword), order, () => Visit(current, schemaRoot, instanceRoot)));
            }
        }

        foreach (var candidate in candidates.OrderBy(c => c.Rank).ThenBy(c => c.Order, StringComparer.Ordinal))
        {
            if (candidate.Resolve() is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static (string Context, string Description)? Describe(string keyword, string message, EvaluationResults node, JsonElement schemaRoot, JsonElement instanceRoot)
    {
        var context = Context(node.InstanceLocation.ToString());
        var schema = Resolve(schemaRoot, Segments(node.SchemaLocation.Fragment.TrimStart('#'), uriEncoded: true));
        var instance = Resolve(instanceRoot, Segments(node.InstanceLocation.ToString()));
        var value = schema is { } s && s.ValueKind == JsonValueKind.Object && s.TryGetProperty(keyword, out var v) ? v : (JsonElement?)null;
        string? description = keyword switch
        {
            "type" => "Value type not permitted by 'type' constraint.",
            "enum" => "Failed to match against any enum values.",
            "const" => "Failed to match expected value set by 'const' constraint.",
            "pattern" => "Failed to match regex specified by 'pattern' constraint.",
            "not" => "Target should not validate against schema specified in 'not' constraint.",
            "anyOf" => "Failed to validate against any schemas allowed by anyOf constraint.",
            "oneOf" => "Failed to validate against exactly one child schema.",
            "contains" => "Failed to any values against subschema in 'contains' constraint.",
            "if" or "then" or "else" => "Failed to validate against a conditional schema set by if-then-else constraints.",
            "required" => MissingRequired(value, instance),
            "minimum" => "Expected number greater than or equal to " + CDouble(value),
            "exclusiveMinimum" => "Expected number greater than " + CDouble(value),
            "maximum" => "Expected number less than or equal to " + CDouble(value),
            "exclusiveMaximum" => "Expected number less than " + CDouble(value),
            "minLength" => $"String should be no fewer than {Integer(value)} characters in length.",
            "maxLength" => $"String should be no more than {Integer(value)} characters in length.",
            "minItems" => $"Array should contain no fewer than {Integer(value)} elements.",
            "maxItems" => $"Array should contain no more than {Integer(value)} elements.",
            "minProperties" => $"Object should have no fewer than {Integer(value)} properties.",
            "maxProperties" => $"Object should have no more than {Integer(value)} properties.",
            "multipleOf" => "Value should be a multiple of " + MultipleOf(value),
            "uniqueItems" => DuplicateItems(instance),
            "dependencies" => MissingDependency(value, instance),
            "propertyNames" => null, // valijson fails this keyword without queuing any error
            _ => null,
        };

        if (description is null && keyword == "propertyNames")
        {
            return null;
        }

        return (context, description ?? message);
    }

    private static string? MissingRequired(JsonElement? required, JsonElement? instance)
    {
        if (required is not { ValueKind: JsonValueKind.Array } names || instance is not { ValueKind: JsonValueKind.Object } obj)
        {
            return null;
        }

        foreach (var name in names.EnumerateArray())
        {
            if (name.ValueKind == JsonValueKind.String && !obj.TryGetProperty(name.GetString()!, out _))
            {
                return $"Missing required property '{name.GetString()}'.";
            }
        }

        return null;
    }

    private static string? MissingDependency(JsonElement? dependencies, JsonElement? instance)
    {
        if (dependencies is not { ValueKind: JsonValueKind.Object } deps || instance is not { ValueKind: JsonValueKind.Object } obj)
        {
            return null;
        }

        foreach (var dependency in deps.EnumerateObject())
        {
            if (!obj.TryGetProperty(dependency.Name, out _) || dependency.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var needed in dependency.Value.EnumerateArray())
            {
                if (needed.ValueKind == JsonValueKind.String && !obj.TryGetProperty(needed.GetString()!, out _))
                {
                    return $"Missing dependency '{needed.GetString()}'.";
                }
            }
        }

        return null;
    }

    private static string? DuplicateItems(JsonElement? instance)
    {
        if (instance is not { ValueKind: JsonValueKind.Array } array)
        {
            return null;
        }

        var items = array.EnumerateArray().ToArray();
        for (var i = 0; i < items.Length; i++)
        {
            for (var j = i + 1; j < items.Length; j++)
            {
                if (JsonElement.DeepEquals(items[i], items[j]))
                {
                    return $"Elements at indexes #{i} and #{j} violate uniqueness constraint.";
                }
            }
        }

        return null;
    }

    // C++ std::to_string(double) prints "%f".
    private static string CDouble(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Number } n ? n.GetDouble().ToString("F6", CultureInfo.InvariantCulture) : "?";

    private static string Integer(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out var i) ? i.ToString(CultureInfo.InvariantCulture)
        : value is { ValueKind: JsonValueKind.Number } d ? ((long)d.GetDouble()).ToString(CultureInfo.InvariantCulture) : "?";

    private static string MultipleOf(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out var i) ? i.ToString(CultureInfo.InvariantCulture) : CDouble(value);

    /// <summary>valijson's context: <c>&lt;root&gt;</c> followed by <c>[segment]</c> per level.</summary>
    private static string Context(string instancePointer)
    {
        var builder = new StringBuilder("<root>");
        foreach (var segment in Segments(instancePointer))
        {
            builder.Append('[').Append(segment).Append(']');
        }

        return builder.ToString();
    }

    private static JsonElement? Resolve(JsonElement root, List<string> segments)
    {
        var current = root;
        foreach (var segment in segments)
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var member))
            {
                current = member;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                     && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static List<string> Segments(string pointer, bool uriEncoded = false)
    {
        if (uriEncoded)
        {
            pointer = Uri.UnescapeDataString(pointer);
        }

        var segments = new List<string>();
        if (pointer.Length == 0)
        {
            return segments;
        }

        foreach (var raw in pointer.TrimStart('/').Split('/'))
        {
            segments.Add(raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return segments;
    }

    private static int RankOf(string keyword) => Rank.TryGetValue(keyword, out var rank) ? rank : KeywordOrder.Length;

    private static Dictionary<string, int> BuildRank()
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < KeywordOrder.Length; i++)
        {
            foreach (var keyword in KeywordOrder[i].Split('|'))
            {
                rank[keyword] = i;
            }
        }

        return rank;
    }
}
