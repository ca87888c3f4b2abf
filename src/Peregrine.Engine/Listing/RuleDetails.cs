using System.Text.Json.Nodes;
using Peregrine.Conditions.Parsing;
using Peregrine.Conditions.Syntax;
using Peregrine.Plugins;
using Peregrine.Rules;
using Peregrine.Rules.Collecting;
using Peregrine.Rules.Compiling;

namespace Peregrine.Engine.Listing;

/// <summary>
/// The <c>-L</c> JSON entry of one rule, macro or list (Falco's <c>get_json_details</c>): <c>info</c>
/// is what the rules files say (after appends and overrides), <c>details</c> what was made of it.
/// Macro and list names are taken from the condition as written, fields and operators from the
/// compiled condition. Arrays that Falco fills from hash sets keep its order (see <see cref="CxxUnorderedSet"/>).
/// </summary>
internal sealed class RuleDetails(RulesCollector collector, IReadOnlyList<PluginDescriptor> plugins)
{
    private readonly HashSet<string> _knownMacros = collector.Macros.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _knownLists = collector.Lists.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);

    public JsonObject ForRule(CompiledRule rule, RuleDefinition definition)
    {
        var info = new JsonObject
        {
            ["name"] = rule.Name,
            ["condition"] = definition.Condition,
            ["priority"] = rule.Priority.Name(),
            ["output"] = definition.Output,
            ["description"] = rule.Description,
            ["enabled"] = definition.Enabled,
            ["source"] = rule.Source,
            ["capture"] = rule.Capture,
            ["capture_duration"] = rule.CaptureDuration,
            ["tags"] = Array(definition.Tags.Order(NlohmannJson.ByteOrder)),
        };

        var written = Details(Parse(definition.Condition));
        var compiled = Details(rule.ConditionTree);
        var details = new JsonObject
        {
            ["macros"] = Array(written.Macros),
            ["lists"] = Array(written.Lists),
            ["condition_operators"] = Array(compiled.Operators),
            ["condition_fields"] = Array(compiled.Fields),
        };

        // Extra output fields first (the configured format text, in Falco's hash-map order), then the output's tokens.
        var outputFields = new List<string>();
        var extras = rule.ExtraFields.ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var key in new CxxUnorderedSet(rule.ExtraFields.Select(f => f.Key)))
        {
            var extra = extras[key];
            outputFields.Add(extra.Format.Text);
            if (extra.Raw) continue;
            if (details["extra_output_formatted_fields"] is not JsonObject formatted)
                details["extra_output_formatted_fields"] = formatted = new JsonObject();
            formatted[key] = extra.Format.Text;
        }
        outputFields.AddRange(OutputTokenNames.Of(rule.Output.Tokens));
        details["output_fields"] = Array(outputFields);

        details["exception_fields"] = Array(rule.ExceptionFields.Order(NlohmannJson.ByteOrder));
        var exceptionNames = new CxxUnorderedSet();
        var exceptionOperators = new CxxUnorderedSet();
        foreach (var exception in definition.Exceptions)
        {
            exceptionNames.Add(exception.Name);
            foreach (var comp in Flatten(exception.Comps)) exceptionOperators.Add(comp);
        }
        details["exception_names"] = Array(exceptionNames);
        details["exception_operators"] = Array(exceptionOperators);
        details["events"] = Array(EventNames(rule.Source));
        details["condition_compiled"] = CanonicalPrinter.Print(rule.ConditionTree);
        details["output_compiled"] = rule.OutputText;

        // The condition's fields (exceptions and macros included) plus the output's.
        var fields = compiled.Fields.Concat(outputFields);
        details["plugins"] = Array(UsedPlugins.Of(rule.Source, compiled.EventNames, fields, plugins));
        return new JsonObject { ["info"] = info, ["details"] = details };
    }

    public JsonObject ForMacro(CompiledMacro macro, MacroDefinition definition)
    {
        var written = Details(Parse(definition.Condition));
        var compiled = Details(macro.Condition);
        return new JsonObject
        {
            ["info"] = new JsonObject { ["name"] = macro.Name, ["condition"] = definition.Condition },
            ["details"] = new JsonObject
            {
                ["used"] = macro.Used,
                ["macros"] = Array(written.Macros),
                ["lists"] = Array(written.Lists),
                ["condition_operators"] = Array(compiled.Operators),
                ["condition_fields"] = Array(compiled.Fields),
                // A macro has no source, and Falco reads it as a syscall condition (see EventNames).
                ["events"] = Array(EventNames("")),
                ["condition_compiled"] = CanonicalPrinter.Print(macro.Condition),
                // Falco cannot tell which plugin a macro's fields belong to before a rule gives it a source.
                ["plugins"] = new JsonArray(),
            },
        };
    }

    public static JsonObject ForList(CompiledList list, ListDefinition definition)
    {
        // An item written in the list but absent once compiled was a reference to another list.
        var items = new List<string>();
        var lists = new CxxUnorderedSet();
        foreach (var item in definition.Items)
        {
            if (list.Items.Contains(item)) items.Add(item);
            else lists.Add(item);
        }
        return new JsonObject
        {
            ["info"] = new JsonObject { ["name"] = list.Name, ["items"] = Array(items) },
            ["details"] = new JsonObject
            {
                ["used"] = list.Used,
                ["lists"] = Array(lists),
                ["items_compiled"] = Array(list.Items),
                ["plugins"] = new JsonArray(),
            },
        };
    }

    /// <summary>
    /// The event types a condition can match. For a plugin source Falco names the plugin event and
    /// the async event (libsinsp's names, in Falco's order). Without a source Falco resolves the
    /// condition against libsinsp's syscall event table, which Peregrine does not have: the list
    /// is empty there.
    /// </summary>
    private static IEnumerable<string> EventNames(string source) =>
        source.Length == 0 || source == Sources.PluginRegistry.SyscallSource
            ? []
            : new CxxUnorderedSet(["pluginevent", "asyncevent"]);

    private FilterDetails Details(Expr condition) => FilterDetails.Of(condition, _knownMacros, _knownLists);

    /// <summary>The condition as written; it parsed when it loaded, so a failure here is Falco's uncaught parser exception.</summary>
    private static Expr Parse(string condition)
    {
        var parsed = ConditionParser.Parse(condition);
        return parsed.Succeeded ? parsed.Expr : throw new FatalError(parsed.Error.Message, FatalErrorStyle.RuntimeError);
    }

    /// <summary>Every operator of an exception's <c>comps</c>: a scalar, a list, or a list of lists (two levels at most).</summary>
    private static IEnumerable<string> Flatten(ExceptionEntry comps)
    {
        if (!comps.IsList)
        {
            yield return comps.Item;
            yield break;
        }
        foreach (var comp in comps.Items)
        {
            if (!comp.IsList) yield return comp.Item;
            else foreach (var inner in comp.Items) yield return inner.Item;
        }
    }

    private static JsonArray Array(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)i).ToArray());
}
