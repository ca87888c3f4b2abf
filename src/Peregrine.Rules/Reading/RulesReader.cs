using System.Text.RegularExpressions;
using Peregrine.Rules.Collecting;
using Peregrine.Rules.Loading;
using Peregrine.Rules.Versions;
using Peregrine.Rules.Yaml;

namespace Peregrine.Rules.Reading;

/// <summary>
/// Reads a rules file into the collector, item by item, as Falco's reader does: multi-document
/// YAML, each document a sequence of mappings, the item kind decided by which key is present
/// (required_engine_version, required_plugin_versions, list, macro, rule, in that order). The
/// first error stops the file; warnings accumulate.
/// </summary>
public sealed partial class RulesReader(RulesCollector collector)
{
    private const string AppendDeprecated =
        "'append' key is deprecated. Add an 'append' entry (e.g. 'condition: append') under 'override' instead.";
    private const string OverrideWithAppend =
        "Keys 'override' and 'append: true' cannot be used together. Add an 'append' entry (e.g. 'condition: append') under 'override' instead.";

    // Falco full-matches these; \z (not $, which also matches before a final newline) makes a
    // name like "m\n" invalid here too.
    private static readonly Regex ListNamePattern = new("^[^()\"'\t\n\v\f\r =,]+\\z", RegexOptions.CultureInvariant);
    private static readonly Regex MacroNamePattern = new("^[a-zA-Z]+[a-zA-Z0-9_]*\\z", RegexOptions.CultureInvariant);

    /// <summary>Reads the file; false when it had an error (already recorded in the session's result).</summary>
    public bool Read(LoadSession session, IReadOnlyList<YamlNode?> documents)
    {
        var context = LoadContext.ForContent(session.Name);
        foreach (var document in documents)
        {
            if (document is null || document.IsNull) continue;
            try
            {
                Fail(document is not (YamlMapping or YamlSequence), "Rules content is not yaml", context);
                Fail(document is not YamlSequence, "Rules content is not yaml array of objects", context);
                foreach (var item in ((YamlSequence)document).Items)
                {
                    if (!item.IsNull) ReadItem(session, item, context);
                }
            }
            catch (RuleLoadException e)
            {
                // Each document is almost a file of its own, but Falco stops at the first error.
                session.Result.AddError(e.Code, e.Message, e.Context);
                return false;
            }
        }
        return true;
    }

    private void ReadItem(LoadSession session, YamlNode node, LoadContext parent)
    {
        Fail(node is not YamlMapping, "Unexpected element type. Each element should be a yaml associative array.",
            parent.Child(node, ItemType.RulesContentItem));
        var item = (YamlMapping)node;
        if (item.Has("required_engine_version")) ReadEngineVersion(session, item, parent);
        else if (item.Has("required_plugin_versions")) ReadPluginVersions(session, item, parent);
        else if (item.Has("list")) ReadList(session, item, parent);
        else if (item.Has("macro")) ReadMacro(session, item, parent);
        else if (item.Has("rule")) ReadRule(session, item, parent);
        else session.Result.AddWarning(LoadWarningCode.UnknownItem, "Unknown top level item", parent.Child(item, ItemType.RulesContentItem));
    }

    private void ReadEngineVersion(LoadSession session, YamlMapping item, LoadContext parent)
    {
        var context = parent.Child(item, ItemType.RequiredEngineVersion);
        var text = YamlDecoding.String(item, "required_engine_version", context);
        SemVersion version;
        if (YamlDecoding.TryParseUInt(text, out var minor)) version = EngineVersion.FromInteger(minor);
        else
        {
            Fail(!SemVersion.TryParse(text, out version),
                $"Unable to parse engine version '{text}' as a semver string. Expected \"x.y.z\" semver format.", context);
        }
        collector.RequireEngineVersion(version, context);
        WarnUnknownKeys(session, item, ["required_engine_version"], context);
    }

    private void ReadPluginVersions(LoadSession session, YamlMapping item, LoadContext parent)
    {
        var value = item["required_plugin_versions"]!;
        var context = parent.Child(value, ItemType.RequiredPluginVersions);
        Fail(value is not YamlSequence, "Value of required_plugin_versions must be a sequence", context);
        foreach (var entry in ((YamlSequence)value).Items)
        {
            var temporary = context.Child(entry, ItemType.RequiredPluginVersionsEntry);
            Fail(entry is not YamlMapping, "Plugin version must be a mapping", temporary);
            var plugin = (YamlMapping)entry;
            var name = YamlDecoding.String(plugin, "name", temporary);
            var entryContext = context.Child(entry, ItemType.RequiredPluginVersionsEntry, name);
            var group = new List<PluginRequirement> { new(name, YamlDecoding.String(plugin, "version", entryContext)) };
            var alternatives = plugin["alternatives"];
            if (alternatives is not null)
            {
                Fail(alternatives is not YamlSequence, "Value of plugin version alternatives must be a sequence", entryContext);
                foreach (var alternative in ((YamlSequence)alternatives).Items)
                {
                    var altContext = entryContext.Child(alternative, ItemType.RequiredPluginVersionsAlternative);
                    Fail(alternative is not YamlMapping, "Plugin version alternative must be a mapping", altContext);
                    var altName = YamlDecoding.String((YamlMapping)alternative, "name", altContext);
                    altContext = entryContext.Child(alternative, ItemType.RequiredPluginVersionsAlternative, altName);
                    group.Add(new PluginRequirement(altName, YamlDecoding.String((YamlMapping)alternative, "version", altContext)));
                }
            }
            collector.RequirePlugins(group, entryContext);
        }
        // Unlike the errors above, which point at the value, the unknown-key warnings point at the item.
        WarnUnknownKeys(session, item, ["required_plugin_versions"], parent.Child(item, ItemType.RequiredPluginVersions));
    }

    private void ReadList(LoadSession session, YamlMapping item, LoadContext parent)
    {
        var name = YamlDecoding.String(item, "list", parent.Child(item, ItemType.List));
        var context = parent.Child(item, ItemType.List, name);
        if (!ListNamePattern.IsMatch(name))
        {
            session.Result.AddWarning(LoadWarningCode.InvalidListName,
                "List has an invalid name. List names should match a regular expression: ([^()\"'[:space:]=,]+)", context);
        }
        var list = new ListDefinition(context, name) { Items = YamlDecoding.Sequence(item, "items", context, optional: false)! };
        var append = ReadAppendFlag(session, item, context);
        var overrides = OverrideKeys.Read(item, appendable: ["items"], replaceable: ["items"], context);
        Fail(append && overrides.Any, OverrideWithAppend, context);
        if (append || overrides.Append.Contains("items")) collector.Append(list);
        else collector.Define(list);
        WarnUnknownKeys(session, item, ["list", "items", "append", "override"], context);
    }

    private void ReadMacro(LoadSession session, YamlMapping item, LoadContext parent)
    {
        var name = YamlDecoding.String(item, "macro", parent.Child(item, ItemType.Macro));
        var context = parent.Child(item, ItemType.Macro, name);
        if (!MacroNamePattern.IsMatch(name))
        {
            session.Result.AddWarning(LoadWarningCode.InvalidMacroName,
                "Macro has an invalid name. Macro names should match a regular expression: ([a-zA-Z]+[a-zA-Z0-9_]*)", context);
        }
        var macro = new MacroDefinition(context, name) { Condition = YamlDecoding.String(item, "condition", context) };
        macro.ConditionContext = context.Child(item["condition"]!, ItemType.MacroCondition);
        var append = ReadAppendFlag(session, item, context);
        var overrides = OverrideKeys.Read(item, appendable: ["condition"], replaceable: ["condition"], context);
        Fail(append && overrides.Any, OverrideWithAppend, context);
        if (append || overrides.Append.Contains("condition")) collector.Append(macro);
        else collector.Define(macro);
        WarnUnknownKeys(session, item, ["macro", "condition", "append", "override"], context);
    }

    private static bool ReadAppendFlag(LoadSession session, YamlMapping item, LoadContext context)
    {
        var append = YamlDecoding.OptionalBool(item, "append", context) ?? false;
        if (append) session.Result.AddWarning(LoadWarningCode.DeprecatedItem, AppendDeprecated, context);
        return append;
    }

    private static void WarnUnknownKeys(LoadSession session, YamlMapping item, string[] expected, LoadContext context)
    {
        foreach (var (keyNode, _) in item.Entries)
        {
            var key = YamlDecoding.AsString(keyNode, context);
            if (!expected.Contains(key))
                session.Result.AddWarning(LoadWarningCode.UnknownKey, $"Unknown key '{key}'. The key will be ignored.", context);
        }
    }

    private static void Fail(bool condition, string message, LoadContext context) => YamlDecoding.Fail(condition, message, context);
}
