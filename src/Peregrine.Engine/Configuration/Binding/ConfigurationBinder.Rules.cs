using Peregrine.Engine.Configuration.Tree;

namespace Peregrine.Engine.Configuration.Binding;

/// <summary>Rules-related keys: <c>rules_files</c>/<c>rules_file</c>, <c>rules</c>, <c>append_output</c>.</summary>
internal sealed partial class ConfigurationBinder
{
    private (IReadOnlyList<string> Existing, IReadOnlyList<string> Configured) BindRulesFiles()
    {
        var configured = new List<string>();
        var plural = root.Find("rules_files");
        var singular = root.Find("rules_file");
        if (plural is not null) configured.AddRange(RulesFileItems(plural));
        if (singular is not null)
        {
            configured.AddRange(RulesFileItems(singular));
            context.Warning(ConfigDiagnosticCode.DeprecatedKey, "rules_file",
                "Using deprecated config key 'rules_file' (singular form). Please use new 'rules_files' config key (plural form).", singular.KeyLocation);
        }
        if (plural is not null && singular is not null)
            context.Error(ConfigDiagnosticCode.InvalidValue, "rules_file", "both 'rules_files' and 'rules_file' keys set", singular.KeyLocation);

        // Falco keeps only the paths that exist (files or directories).
        var existing = configured.Where(p => Path.Exists(context.Resolve(p))).ToList();
        return (existing, configured);
    }

    private IEnumerable<string> RulesFileItems(ConfigEntry entry)
    {
        var items = Items(entry.Value, entry.Key, "a sequence of paths");
        for (var i = 0; i < items.Count; i++)
        {
            if (ItemText(items[i], $"{entry.Key}[{i}]", "a path") is { } path) yield return path;
        }
    }

    private IReadOnlyList<RuleSelection> BindRuleSelections()
    {
        var selections = new List<RuleSelection>();
        var items = Items(root["rules"], "rules", "a sequence of enable/disable entries");
        for (var i = 0; i < items.Count; i++)
        {
            var key = $"rules[{i}]";
            if (items[i] is not ConfigMapping item)
            {
                Invalid(key, $"expected a mapping with an 'enable' or a 'disable' key, found {items[i].Describe()}", items[i]);
                continue;
            }
            var enable = item.Find("enable");
            var disable = item.Find("disable");
            var chosen = enable ?? disable;
            if (chosen is null)
            {
                Invalid(key, "expected an 'enable' or a 'disable' key", item);
                continue;
            }
            if (enable is not null && disable is not null)
                context.Warning(ConfigDiagnosticCode.Advisory, key,
                    "both 'enable' and 'disable' are given: Falco uses 'enable' and ignores 'disable'", disable.KeyLocation);
            var operation = enable is not null ? RuleSelectionOperation.Enable : RuleSelectionOperation.Disable;
            key += "." + chosen.Key;
            if (chosen.Value is not ConfigMapping selector)
            {
                Invalid(key, $"expected a mapping with a 'rule' or a 'tag', found {chosen.Value.Describe()}", chosen.Value);
                continue;
            }
            var rule = OptionalText(selector, key, "rule");
            var tag = OptionalText(selector, key, "tag");
            if (rule is null && tag is null)
            {
                Invalid(key, "expected a non-empty 'rule' or 'tag'", selector);
                continue;
            }
            selections.Add(new RuleSelection(operation, rule, tag, item.Location));
        }
        return selections;
    }

    /// <summary>A string sub-key where empty means absent, as Falco's <c>m_rule != ""</c> tests do.</summary>
    private string? OptionalText(ConfigMapping mapping, string prefix, string key)
    {
        var (text, node) = String(mapping, prefix + ".", key, "");
        return node is ConfigScalar && text.Length > 0 ? text : null;
    }

    private IReadOnlyList<AppendOutputEntry> BindAppendOutput()
    {
        var entries = new List<AppendOutputEntry>();
        var items = Items(root["append_output"], "append_output", "a sequence of append_output entries");
        for (var i = 0; i < items.Count; i++)
        {
            var key = $"append_output[{i}]";
            if (items[i] is not ConfigMapping item)
            {
                Invalid(key, $"expected a mapping, found {items[i].Describe()}", items[i]);
                continue;
            }
            if (BindAppendOutputEntry(item, key) is { } entry) entries.Add(entry);
        }
        return entries;
    }

    private AppendOutputEntry? BindAppendOutputEntry(ConfigMapping item, string key)
    {
        var errors = context.Diagnostics.Count(d => d.IsError);
        string? source = null, rule = null;
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        switch (item["match"])
        {
            case null or ConfigScalar { IsNull: true }:
                break;
            case ConfigMapping match:
                source = OptionalText(match, key + ".match", "source");
                rule = OptionalText(match, key + ".match", "rule");
                switch (match["tags"])
                {
                    case null or ConfigScalar { IsNull: true }:
                        break;
                    case ConfigSequence sequence:
                        for (var t = 0; t < sequence.Items.Count; t++)
                        {
                            if (ItemText(sequence.Items[t], $"{key}.match.tags[{t}]", "a tag") is { } tag) tags.Add(tag);
                        }
                        break;
                    case var other:
                        Invalid(key + ".match.tags", $"expected a sequence of tags, found {other.Describe()}", other);
                        break;
                }
                break;
            case var other:
                Invalid(key + ".match", $"expected a mapping of source, tags and rule, found {other.Describe()}", other);
                break;
        }

        var (extraOutput, _) = String(item, key + ".", "extra_output", "");
        var fields = BindExtraFields(item["extra_fields"], key + ".extra_fields");
        var suggested = Bool(item, key + ".", "suggested_output", false);

        if (rule is not null && tags.Count > 0)
        {
            // Falco's warning, word for word (including its spelling and its tag list).
            var tagList = string.Concat(tags.Select(t => t + ", "))[..^1];
            context.Warning(ConfigDiagnosticCode.Advisory, key,
                $"An append_ouptut entry specifies both a rule ({rule}) and a list of tags ({tagList}). " +
                $"This means that output will be appended only to the {rule} rule and only if it has all the tags: {tagList}.",
                item.Location);
        }
        if (context.Diagnostics.Count(d => d.IsError) > errors) return null;
        return new AppendOutputEntry(source, tags, rule, extraOutput.Length > 0 ? extraOutput : null, fields, suggested, item.Location);
    }

    private List<AppendOutputField> BindExtraFields(ConfigNode? node, string key)
    {
        var fields = new List<AppendOutputField>();
        switch (node)
        {
            case null or ConfigScalar { IsNull: true }:
                return fields;
            case ConfigSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var itemKey = $"{key}[{i}]";
                    switch (sequence.Items[i])
                    {
                        case ConfigMapping { Entries.Count: 1 } mapping:
                        {
                            var entry = mapping.Entries[0];
                            if (entry.Value is not ConfigScalar format)
                            {
                                Invalid(itemKey + "." + entry.Key, $"expected an output format, found {entry.Value.Describe()}", entry.Value);
                                break;
                            }
                            if (fields.Any(f => f.Name == entry.Key))
                            {
                                Invalid(itemKey, $"extra field '{entry.Key}' is defined more than once", mapping);
                                break;
                            }
                            fields.Add(new AppendOutputField(entry.Key, format.Text));
                            break;
                        }
                        case ConfigScalar scalar:
                            // A raw field may repeat another raw field (Falco keeps a set), not a formatted one.
                            if (fields.Any(f => f.Name == scalar.Text && !f.IsRaw))
                                Invalid(itemKey, $"extra field '{scalar.Text}' is defined more than once", scalar);
                            else if (!fields.Any(f => f.Name == scalar.Text))
                                fields.Add(new AppendOutputField(scalar.Text, null));
                            break;
                        case var other:
                            Invalid(itemKey, $"expected a field name or a single 'name: format' pair, found {Describe(other)}", other);
                            break;
                    }
                }
                return fields;
            default:
                Invalid(key, $"expected a sequence of fields, found {node.Describe()}", node);
                return fields;
        }
    }

    private static string Describe(ConfigNode node) =>
        node is ConfigMapping mapping ? $"a mapping with {mapping.Entries.Count} keys" : node.Describe();
}
