using Peregrine.Rules.Collecting;
using Peregrine.Rules.Loading;
using Peregrine.Rules.Yaml;

namespace Peregrine.Rules.Reading;

/// <summary>The <c>- rule:</c> item in its four forms: full definition, override, legacy append, enabled-only.</summary>
public sealed partial class RulesReader
{
    private static readonly string[] AppendableRuleKeys = ["condition", "output", "desc", "tags", "exceptions"];

    private static readonly string[] ReplaceableRuleKeys =
    [
        "condition", "output", "desc", "priority", "capture", "capture_duration", "tags", "exceptions", "enabled",
        "warn_evttypes", "skip-if-unknown-filter",
    ];

    private static readonly string[] RuleKeys =
    [
        "rule", "condition", "output", "desc", "priority", "source", "enabled", "capture", "capture_duration",
        "warn_evttypes", "skip-if-unknown-filter", "tags", "exceptions", "override", "append",
    ];

    private const string EnabledDeprecated =
        "The standalone 'enabled' key usage is deprecated. The correct approach requires also a 'replace' entry under the 'override' key (i.e. 'enabled: replace').";

    private void ReadRule(LoadSession session, YamlMapping item, LoadContext parent)
    {
        var name = YamlDecoding.String(item, "rule", parent.Child(item, ItemType.Rule));
        var context = parent.Child(item, ItemType.Rule, name);
        var source = YamlDecoding.OptionalEmptyString(item, "source", context);
        var append = ReadAppendFlag(session, item, context);
        var overrides = OverrideKeys.Read(item, AppendableRuleKeys, ReplaceableRuleKeys, context);
        Fail(append && overrides.Any, OverrideWithAppend, context);

        if (overrides.Any) ReadRuleOverride(session, item, name, source, overrides, context);
        else if (append) ReadRuleAppend(session, item, name, source, context);
        else if (!item.Has("condition") && !item.Has("output") && !item.Has("desc") && !item.Has("priority"))
        {
            var enabled = YamlDecoding.Bool(item, "enabled", context);
            session.Result.AddWarning(LoadWarningCode.DeprecatedItem, EnabledDeprecated, context);
            collector.Enable(name, enabled, context);
        }
        else collector.Define(session, ReadRuleDefinition(session, item, name, context));

        WarnUnknownKeys(session, item, RuleKeys, context);
    }

    private RuleDefinition ReadRuleDefinition(LoadSession session, YamlMapping item, string name, LoadContext context)
    {
        var rule = new RuleDefinition(context, name) { Condition = YamlDecoding.String(item, "condition", context) };
        rule.ConditionContext = context.Child(item["condition"]!, ItemType.RuleCondition);
        rule.Output = YamlDecoding.String(item, "output", context).Trim();
        rule.OutputContext = context.Child(item["output"]!, ItemType.RuleOutput);
        rule.Description = YamlDecoding.String(item, "desc", context);
        rule.Priority = ReadPriority(item, context);
        rule.Source = YamlDecoding.OptionalString(item, "source", context) ?? "syscall";
        rule.Enabled = YamlDecoding.OptionalBool(item, "enabled", context) ?? true;
        rule.Capture = YamlDecoding.OptionalBool(item, "capture", context) ?? false;
        rule.CaptureDuration = YamlDecoding.OptionalUInt(item, "capture_duration", context) ?? 0;
        rule.WarnEventTypes = YamlDecoding.OptionalBool(item, "warn_evttypes", context) ?? true;
        rule.SkipIfUnknownFilter = YamlDecoding.OptionalBool(item, "skip-if-unknown-filter", context) ?? false;
        rule.Tags = ReadTags(item, context) ?? new SortedSet<string>(StringComparer.Ordinal);
        rule.Exceptions = ReadExceptions(session, item, context, appending: false);
        return rule;
    }

    private void ReadRuleAppend(LoadSession session, YamlMapping item, string name, string source, LoadContext context)
    {
        var update = new RuleUpdate(context, name) { Source = source };
        if (item.Has("condition")) update.Condition = YamlDecoding.String(item, "condition", context);
        if (item.Has("exceptions")) update.Exceptions = ReadExceptions(session, item, context, appending: true);
        collector.Append(session, update);
    }

    /// <summary>
    /// The override form: every overridable key present must be listed under <c>override</c>, and
    /// every key listed there must be present. Appends apply before replaces.
    /// </summary>
    private void ReadRuleOverride(LoadSession session, YamlMapping item, string name, string source, OverrideKeys overrides, LoadContext context)
    {
        // Sorted, so the first unexpected key reported is the one Falco (std::set) reports.
        var expected = new SortedSet<string>(AppendableRuleKeys.Concat(ReplaceableRuleKeys).Where(item.Has), StringComparer.Ordinal);

        if (overrides.Append.Count > 0)
        {
            var update = new RuleUpdate(context, name);
            if (Claim(expected, overrides.Append, "append", "condition", context))
            {
                update.Source = source;
                update.Condition = YamlDecoding.String(item, "condition", context);
            }
            if (Claim(expected, overrides.Append, "append", "exceptions", context))
                update.Exceptions = ReadExceptions(session, item, context, appending: true);
            if (Claim(expected, overrides.Append, "append", "output", context)) update.Output = YamlDecoding.String(item, "output", context);
            if (Claim(expected, overrides.Append, "append", "desc", context)) update.Description = YamlDecoding.String(item, "desc", context);
            if (Claim(expected, overrides.Append, "append", "tags", context)) update.Tags = ReadTags(item, context);
            collector.Append(session, update);
        }

        if (overrides.Replace.Count > 0)
        {
            var update = new RuleUpdate(context, name);
            if (Claim(expected, overrides.Replace, "replace", "condition", context))
            {
                update.Source = source;
                update.Condition = YamlDecoding.String(item, "condition", context);
            }
            if (Claim(expected, overrides.Replace, "replace", "exceptions", context))
                update.Exceptions = ReadExceptions(session, item, context, appending: false);
            if (Claim(expected, overrides.Replace, "replace", "output", context)) update.Output = YamlDecoding.String(item, "output", context);
            if (Claim(expected, overrides.Replace, "replace", "desc", context)) update.Description = YamlDecoding.String(item, "desc", context);
            if (Claim(expected, overrides.Replace, "replace", "tags", context)) update.Tags = ReadTags(item, context);
            if (Claim(expected, overrides.Replace, "replace", "priority", context)) update.Priority = ReadPriority(item, context);
            if (Claim(expected, overrides.Replace, "replace", "capture", context)) update.Capture = YamlDecoding.Bool(item, "capture", context);
            if (Claim(expected, overrides.Replace, "replace", "capture_duration", context))
                update.CaptureDuration = YamlDecoding.UInt(item, "capture_duration", context);
            if (Claim(expected, overrides.Replace, "replace", "enabled", context)) update.Enabled = YamlDecoding.Bool(item, "enabled", context);
            if (Claim(expected, overrides.Replace, "replace", "warn_evttypes", context))
                update.WarnEventTypes = YamlDecoding.Bool(item, "warn_evttypes", context);
            if (Claim(expected, overrides.Replace, "replace", "skip-if-unknown-filter", context))
                update.SkipIfUnknownFilter = YamlDecoding.Bool(item, "skip-if-unknown-filter", context);
            collector.Replace(session, update);
        }

        foreach (var key in expected)
        {
            Fail(true, $"Unexpected key '{key}': no corresponding entry under 'override' is defined.",
                context.Child(item[key]!, ItemType.Overrides, key));
        }
    }

    /// <summary>True when <paramref name="key"/> is overridden this way; it must then be present.</summary>
    private static bool Claim(SortedSet<string> expected, HashSet<string> overridden, string kind, string key, LoadContext context)
    {
        if (!overridden.Contains(key)) return false;
        Fail(!expected.Contains(key), $"An {kind} override for '{key}' was specified but '{key}' is not defined", context);
        expected.Remove(key);
        return true;
    }

    private static Priority ReadPriority(YamlMapping item, LoadContext context)
    {
        var text = YamlDecoding.String(item, "priority", context);
        Fail(!Priorities.TryParse(text, out var priority), "Invalid priority", context.Child(item["priority"]!, ItemType.RulePriority));
        return priority;
    }

    private static SortedSet<string>? ReadTags(YamlMapping item, LoadContext context)
    {
        var tags = YamlDecoding.Sequence(item, "tags", context, optional: true);
        return tags is null ? null : new SortedSet<string>(tags, StringComparer.Ordinal);
    }
}
