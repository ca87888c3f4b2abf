using System.Globalization;
using Peregrine.Rules.Yaml;

namespace Peregrine.Rules;

/// <summary>
/// Validates rules content against Falco's rules JSON schema (0.39+), with the weak typing its
/// validator applies to YAML: every scalar is a string, a scalar is a boolean only if it reads
/// <c>true</c>/<c>false</c>, an integer if it parses as one. Failures are warnings only; each
/// document gets <c>ok</c> or one <c>failed for &lt;path&gt;: &lt;message&gt;</c> line per error,
/// innermost first, as Falco reports them.
/// </summary>
internal static class RulesSchema
{
    private static readonly string[] Priorities =
        ["EMERGENCY", "ALERT", "CRITICAL", "ERROR", "WARNING", "NOTICE", "INFO", "INFORMATIONAL", "DEBUG"];

    private static readonly string[] OverrideKeys =
    [
        "capture", "capture_duration", "condition", "desc", "enabled", "exceptions", "items", "output", "priority",
        "skip-if-unknown-filter", "tags", "warn_evttypes",
    ];

    private delegate bool Check(YamlNode node, string path, List<string> errors);

    /// <summary>The properties an item may have, and the check of each (the "FalcoRule" definition).</summary>
    private static readonly SortedDictionary<string, Check> ItemProperties = new(StringComparer.Ordinal)
    {
        ["append"] = Boolean,
        ["capture"] = Boolean,
        ["capture_duration"] = Integer,
        ["condition"] = String,
        ["desc"] = String,
        ["enabled"] = Boolean,
        ["exceptions"] = ArrayOf(ExceptionObject),
        ["items"] = ArrayOf(ListItem),
        ["list"] = String,
        ["macro"] = String,
        ["output"] = String,
        ["override"] = Override,
        ["priority"] = Priority,
        ["required_engine_version"] = String,
        ["required_plugin_versions"] = ArrayOf(PluginVersion),
        ["rule"] = String,
        ["skip-if-unknown-filter"] = Boolean,
        ["source"] = String,
        ["tags"] = ArrayOf(String),
        ["warn_evttypes"] = Boolean,
    };

    public static IReadOnlyList<string> Validate(IReadOnlyList<YamlNode?> documents)
    {
        var status = new List<string>();
        foreach (var document in documents)
        {
            var errors = new List<string>();
            if (document is null || ArrayOf(Item)(document, "<root>", errors)) status.Add("ok");
            else status.AddRange(errors);
        }
        return status;
    }

    private static bool Item(YamlNode node, string path, List<string> errors) =>
        ObjectWith(ItemProperties, [], minProperties: 0)(node, path, errors);

    private static bool ExceptionObject(YamlNode node, string path, List<string> errors) =>
        ObjectWith(new SortedDictionary<string, Check>(StringComparer.Ordinal)
            { ["comps"] = Any, ["fields"] = Any, ["name"] = String, ["values"] = Any }, ["name"], 0)(node, path, errors);

    private static bool PluginVersion(YamlNode node, string path, List<string> errors) =>
        ObjectWith(new SortedDictionary<string, Check>(StringComparer.Ordinal)
            { ["alternatives"] = ArrayOf(Alternative), ["name"] = String, ["version"] = String }, ["name", "version"], 0)(node, path, errors);

    private static bool Alternative(YamlNode node, string path, List<string> errors) =>
        ObjectWith(new SortedDictionary<string, Check>(StringComparer.Ordinal)
            { ["name"] = String, ["version"] = String }, ["name", "version"], 0)(node, path, errors);

    private static bool Override(YamlNode node, string path, List<string> errors)
    {
        var properties = new SortedDictionary<string, Check>(StringComparer.Ordinal);
        foreach (var key in OverrideKeys) properties[key] = EnumOf(["append", "replace"]);
        return ObjectWith(properties, [], minProperties: 1)(node, path, errors);
    }

    private static bool Priority(YamlNode node, string path, List<string> errors) => EnumOf(Priorities)(node, path, errors);

    /// <summary>Lists take integers or strings (anyOf), which any scalar satisfies.</summary>
    private static bool ListItem(YamlNode node, string path, List<string> errors)
    {
        if (IsInteger(node) || IsString(node)) return true;
        errors.Add(Failure(path, "Failed to validate against any schemas allowed by anyOf constraint."));
        return false;
    }

    private static bool Any(YamlNode node, string path, List<string> errors) => true;

    private static bool String(YamlNode node, string path, List<string> errors) => TypeIs(IsString(node), path, errors);

    private static bool Boolean(YamlNode node, string path, List<string> errors) =>
        TypeIs(IsString(node) && node is YamlScalar { Value: "true" or "false" }, path, errors);

    private static bool Integer(YamlNode node, string path, List<string> errors) => TypeIs(IsInteger(node), path, errors);

    private static Check EnumOf(string[] values) => (node, path, errors) =>
    {
        var ok = TypeIs(IsString(node), path, errors);
        if (node is YamlScalar scalar && !scalar.IsNull && values.Contains(scalar.Value)) return ok;
        errors.Add(Failure(path, "Failed to match against any enum values."));
        return false;
    };

    private static Check ArrayOf(Check items) => (node, path, errors) =>
    {
        if (!TypeIs(IsArray(node), path, errors)) return false;
        if (node is not YamlSequence sequence) return true;
        var ok = true;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (items(sequence.Items[i], $"{path}[{i}]", errors)) continue;
            errors.Add(Failure(path, $"Failed to validate item #{i} in array."));
            ok = false;
        }
        return ok;
    };

    private static Check ObjectWith(SortedDictionary<string, Check> properties, string[] required, int minProperties) => (node, path, errors) =>
    {
        if (!TypeIs(IsObject(node), path, errors)) return false;
        if (node is not YamlMapping map) return true;
        var ok = true;
        foreach (var (name, check) in properties)
        {
            var value = map[name];
            if (value is null) continue;
            if (check(value, $"{path}[{name}]", errors)) continue;
            errors.Add(Failure(path, $"Failed to validate against schema associated with property name '{name}'."));
            ok = false;
        }
        var unwanted = map.Keys.FirstOrDefault(k => !properties.ContainsKey(k));
        if (unwanted is not null)
        {
            errors.Add(Failure(path,
                $"Object contains a property that could not be validated using 'properties' or 'additionalProperties' constraints: '{unwanted}'."));
            ok = false;
        }
        foreach (var name in required.Where(r => !map.Has(r)))
        {
            errors.Add(Failure(path, $"Missing required property '{name}'."));
            ok = false;
        }
        if (map.Entries.Count < minProperties)
        {
            errors.Add(Failure(path, $"Object should have no fewer than {minProperties} properties."));
            ok = false;
        }
        return ok;
    };

    private static bool TypeIs(bool matches, string path, List<string> errors)
    {
        if (!matches) errors.Add(Failure(path, "Value type not permitted by 'type' constraint."));
        return matches;
    }

    private static string Failure(string path, string message) => $"failed for {path}: {message}";

    // The validator's weak typing over YAML: an empty map or sequence also counts as a string.
    private static bool IsString(YamlNode node) =>
        (node is YamlScalar && !node.IsNull) || node is YamlMapping { Entries.Count: 0 } || node is YamlSequence { Items.Count: 0 };

    private static bool IsArray(YamlNode node) => node is YamlSequence || node is YamlMapping { Entries.Count: 0 };

    private static bool IsObject(YamlNode node) => node is YamlMapping || node is YamlSequence { Items.Count: 0 };

    private static bool IsInteger(YamlNode node) =>
        node is YamlScalar { IsNull: false } scalar
        && long.TryParse(scalar.Value.TrimStart(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
}
