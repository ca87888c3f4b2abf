using System.Text;
using System.Text.Json.Nodes;
using Peregrine.Plugins;
using Peregrine.Rules;

namespace Peregrine.Engine.Listing;

/// <summary>
/// <c>-L</c> (every rule) and <c>-l &lt;rule&gt;</c> (one rule), from what the rules loader kept of the
/// last successful load. Falco builds one JSON description and prints either that (with
/// <c>json_output</c>) or a two-column table of rule names and wrapped descriptions made from it.
/// </summary>
public static class RuleDescriptions
{
    private const int NameColumn = 50;

    /// <summary>
    /// Falco's description object: for every rule, the required versions and every rule, macro and
    /// list; for one rule, just <c>rules</c> with that rule. Throws a runtime-style <see cref="FatalError"/>
    /// before any successful load, and for a rule that is not loaded (unknown, of an unloaded source,
    /// or skipped by <c>skip-if-unknown-filter</c>, where Falco itself would crash).
    /// </summary>
    /// <param name="plugins">Every loaded plugin, in load order.</param>
    public static JsonObject Describe(RulesLoader rules, IReadOnlyList<PluginDescriptor> plugins, string? ruleName = null)
    {
        var compiled = rules.Compiled ?? throw new FatalError("rules must be loaded before describing them", FatalErrorStyle.RuntimeError);
        var collector = rules.Collector;
        var details = new RuleDetails(collector, plugins);

        if (ruleName is not null)
        {
            var definition = collector.FindRule(ruleName);
            var rule = definition is null || definition.UnknownSource ? null : compiled.Rules.FirstOrDefault(r => r.Name == ruleName);
            if (rule is null) throw new FatalError($"Rule \"{ruleName}\" is not loaded", FatalErrorStyle.RuntimeError);
            return new JsonObject { ["rules"] = new JsonArray(details.ForRule(rule, definition!)) };
        }

        var requirements = new JsonArray();
        foreach (var group in collector.PluginRequirements)
        {
            requirements.Add((JsonNode)new JsonObject
            {
                ["name"] = group[0].Name,
                ["version"] = group[0].Version,
                ["alternatives"] = new JsonArray(group.Skip(1)
                    .Select(a => (JsonNode?)new JsonObject { ["name"] = a.Name, ["version"] = a.Version }).ToArray()),
            });
        }
        return new JsonObject
        {
            ["required_engine_version"] = collector.RequiredEngineVersion.ToString(),
            ["required_plugin_versions"] = requirements,
            ["rules"] = new JsonArray(compiled.Rules
                .Select(r => (JsonNode?)details.ForRule(r, collector.FindRule(r.Name)!)).ToArray()),
            ["macros"] = new JsonArray(compiled.Macros
                .Select(m => (JsonNode?)details.ForMacro(m, collector.FindMacro(m.Name)!)).ToArray()),
            ["lists"] = new JsonArray(compiled.Lists
                .Select(l => (JsonNode?)RuleDetails.ForList(l, collector.FindList(l.Name)!)).ToArray()),
        };
    }

    /// <summary><see cref="Describe(RulesLoader, IReadOnlyList{PluginDescriptor}, string?)"/> with the engine's rules and loaded plugins.</summary>
    public static JsonObject Describe(DetectionEngine engine, string? ruleName = null) =>
        Describe(engine.Rules, engine.Registry.Plugins.Select(p => p.Descriptor).ToList(), ruleName);

    /// <summary><see cref="Print(RulesLoader, IReadOnlyList{PluginDescriptor}, string?, bool)"/> with the engine's rules and loaded plugins.</summary>
    public static string Print(DetectionEngine engine, string? ruleName, bool jsonOutput) =>
        Print(engine.Rules, engine.Registry.Plugins.Select(p => p.Descriptor).ToList(), ruleName, jsonOutput);

    /// <summary>Everything <c>-L</c>/<c>-l</c> prints on stdout: the compact JSON and a newline, or the text table.</summary>
    public static string Print(RulesLoader rules, IReadOnlyList<PluginDescriptor> plugins, string? ruleName, bool jsonOutput)
    {
        var description = Describe(rules, plugins, ruleName);
        return jsonOutput ? NlohmannJson.Dump(description) + "\n" : FormatText(description);
    }

    /// <summary>
    /// The text table of a description: a header, then per rule its name in a 50-byte column and
    /// its description wrapped to 110 columns with continuation lines indented by 51, and a blank
    /// line. Like Falco's fixed buffer, each entry is cut after 4094 bytes.
    /// </summary>
    public static string FormatText(JsonObject description)
    {
        var output = new StringBuilder();
        TwoColumns(output, "Rule", "Description");
        TwoColumns(output, "----", "-----------");
        foreach (var rule in description["rules"]?.AsArray() ?? [])
        {
            var info = rule!["info"]!;
            var wrapped = new StringBuilder();
            TextColumns.Wrap(wrapped, info["description"]!.GetValue<string>(), NameColumn + 1, 110);
            TwoColumns(output, info["name"]!.GetValue<string>(), wrapped.Append('\n').ToString());
        }
        return output.ToString();
    }

    private static void TwoColumns(StringBuilder output, string left, string right)
    {
        const int limit = 4094;
        var line = TextColumns.Pad(left, NameColumn) + " " + right;
        var bytes = Encoding.UTF8.GetBytes(line);
        if (bytes.Length > limit) line = Encoding.UTF8.GetString(bytes, 0, limit);
        output.Append(line).Append('\n');
    }
}
