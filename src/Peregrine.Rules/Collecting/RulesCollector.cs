using Peregrine.Conditions.Binding;
using Peregrine.Conditions.Parsing;
using Peregrine.Rules.Loading;
using Peregrine.Rules.Versions;

namespace Peregrine.Rules.Collecting;

/// <summary>
/// Gathers the definitions of every file loaded so far, in order: redefinitions replace in place,
/// appends and overrides change existing items, and a single counter stamps each change so
/// that evaluation order and macro/list visibility follow Falco. Semantic errors are
/// LOAD_ERR_VALIDATE with Falco's messages.
/// </summary>
public sealed class RulesCollector
{
    private const string NoPreviousMacro = "Macro uses 'append' or 'override.condition: append' but no macro by that name already exists";
    private const string NoPreviousList = "List uses 'append' or 'override.items: append' but no list by that name already exists";
    private const string NoPreviousRuleAppend = "Rule uses 'append' or 'override.<key>: append' but no rule by that name already exists";
    private const string NoPreviousRuleReplace = "An 'override.<key>: replace' to a rule was requested but no rule by that name already exists";

    private readonly OrderedDefinitions<ListDefinition> _lists = new();
    private readonly OrderedDefinitions<MacroDefinition> _macros = new();
    private readonly OrderedDefinitions<RuleDefinition> _rules = new();
    private readonly List<IReadOnlyList<PluginRequirement>> _pluginRequirements = [];
    private int _counter;

    public IReadOnlyList<ListDefinition> Lists => _lists.Items;
    public IReadOnlyList<MacroDefinition> Macros => _macros.Items;
    public IReadOnlyList<RuleDefinition> Rules => _rules.Items;

    /// <summary>Every requirement group of every file, in order (never merged).</summary>
    public IReadOnlyList<IReadOnlyList<PluginRequirement>> PluginRequirements => _pluginRequirements;

    /// <summary>The highest <c>required_engine_version</c> seen (for <c>-L</c>).</summary>
    public SemVersion RequiredEngineVersion { get; private set; }

    public ListDefinition? FindList(string name) => _lists.Find(name);
    public MacroDefinition? FindMacro(string name) => _macros.Find(name);
    public RuleDefinition? FindRule(string name) => _rules.Find(name);

    public void RequireEngineVersion(SemVersion required, LoadContext context)
    {
        Fail(!EngineVersion.Current.IsCompatibleWith(required),
            $"Rules require engine version {required}, but engine version is {EngineVersion.Current}", context);
        if (RequiredEngineVersion.CompareTo(required) < 0) RequiredEngineVersion = required;
    }

    public void RequirePlugins(IReadOnlyList<PluginRequirement> group, LoadContext context)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var requirement in group)
        {
            Fail(!SemVersion.TryParse(requirement.Version, out _),
                $"Invalid required version '{requirement.Version}' for plugin '{requirement.Name}'", context);
            Fail(!names.Add(requirement.Name),
                $"Defined multiple alternative version requirements for plugin '{requirement.Name}'", context);
        }
        _pluginRequirements.Add(group);
    }

    public void Define(ListDefinition list) => _lists.Define(list, _counter++);

    public void Append(ListDefinition list)
    {
        var previous = _lists.Find(list.Name);
        Fail(previous is null, NoPreviousList, list.Context);
        previous!.Items.AddRange(list.Items);
        previous.Visibility = _counter++;
    }

    public void Define(MacroDefinition macro) => _macros.Define(macro, _counter++);

    public void Append(MacroDefinition macro)
    {
        var previous = _macros.Find(macro.Name);
        Fail(previous is null, NoPreviousMacro, macro.Context);
        previous!.Condition += " " + macro.Condition;
        previous.Visibility = _counter++;
    }

    public void Define(LoadSession session, RuleDefinition rule)
    {
        FindPrevious(rule.Name, rule.Source, rule.Context);
        var source = session.Sources.Find(rule.Source);
        if (source is null)
        {
            rule.UnknownSource = true;
            session.Result.AddWarning(LoadWarningCode.UnknownSource, $"Unknown source {rule.Source}, skipping", rule.Context);
        }
        foreach (var exception in rule.Exceptions)
        {
            Fail(!exception.Fields.IsValid, "Rule exception item must have fields property with a list of fields", exception.Context);
            ValidateException(session, source, exception);
        }
        _rules.Define(rule, _counter++);
    }

    public void Append(LoadSession session, RuleUpdate update)
    {
        var previous = FindPrevious(update.Name, update.Source, update.Context);
        Fail(previous is null, NoPreviousRuleAppend, update.Context);
        Fail(!update.HasAnyValue, "Appended rule must have exceptions or condition property", update.Context);
        var source = KnownSourceOf(session, previous!, update.Context);

        if (!string.IsNullOrEmpty(update.Condition)) previous!.Condition += " " + update.Condition;
        if (!string.IsNullOrEmpty(update.Output)) previous!.Output += " " + update.Output;
        if (!string.IsNullOrEmpty(update.Description)) previous!.Description += " " + update.Description;
        if (update.Tags is not null) previous!.Tags.UnionWith(update.Tags);
        foreach (var exception in update.Exceptions ?? [])
        {
            var existing = previous!.Exceptions.FirstOrDefault(e => e.Name == exception.Name);
            if (existing is null)
            {
                Fail(!exception.Fields.IsValid, "Rule exception must have fields property with a list of fields", exception.Context);
                Fail(exception.Values.Count == 0, "Rule exception must have values property with a list of values", exception.Context);
                ValidateException(session, source, exception);
                previous.Exceptions.Add(exception);
            }
            else
            {
                Fail(exception.Fields.IsValid, "Can not append exception fields to existing exception, only values", exception.Context);
                Fail(exception.Comps.IsValid, "Can not append exception comps to existing exception, only values", exception.Context);
                existing.Values.AddRange(exception.Values);
            }
        }
        previous!.Visibility = _counter++;
    }

    public void Replace(LoadSession session, RuleUpdate update)
    {
        var previous = FindPrevious(update.Name, update.Source, update.Context);
        Fail(previous is null, NoPreviousRuleReplace, update.Context);
        Fail(!update.HasAnyValue, "The rule must have at least one field that can be replaced", update.Context);
        KnownSourceOf(session, previous!, update.Context);

        if (update.Condition is not null) previous!.Condition = update.Condition;
        if (update.Output is not null) previous!.Output = update.Output;
        if (update.Description is not null) previous!.Description = update.Description;
        if (update.Tags is not null) previous!.Tags = update.Tags;
        if (update.Exceptions is not null) previous!.Exceptions = update.Exceptions;
        if (update.Priority is { } priority) previous!.Priority = priority;
        if (update.Capture is { } capture) previous!.Capture = capture;
        if (update.CaptureDuration is { } duration) previous!.CaptureDuration = duration;
        if (update.Enabled is { } enabled) previous!.Enabled = enabled;
        if (update.WarnEventTypes is { } warn) previous!.WarnEventTypes = warn;
        if (update.SkipIfUnknownFilter is { } skip) previous!.SkipIfUnknownFilter = skip;
        previous!.Visibility = _counter++;
    }

    /// <summary>The deprecated standalone <c>enabled</c> form.</summary>
    public void Enable(string name, bool enabled, LoadContext context)
    {
        var previous = _rules.Find(name);
        Fail(previous is null, "Rule has 'enabled' key but no rule by that name already exists", context);
        previous!.Enabled = enabled;
    }

    private RuleDefinition? FindPrevious(string name, string source, LoadContext context)
    {
        var previous = _rules.Find(name);
        Fail(previous is not null && previous.Source != "" && source != "" && previous.Source != source,
            "Rule has been re-defined with a different source", context);
        return previous;
    }

    private static RuleSource? KnownSourceOf(LoadSession session, RuleDefinition rule, LoadContext context)
    {
        if (rule.UnknownSource) return null;
        var source = session.Sources.Find(rule.Source);
        Fail(source is null, "Unknown source " + rule.Source, context);
        return source;
    }

    /// <summary>
    /// Default comparison operators, operator validity, and (for known sources) field validity of
    /// an exception, at definition time (so skip-if-unknown-filter does not apply to it).
    /// </summary>
    private static void ValidateException(LoadSession session, RuleSource? source, ExceptionDefinition exception)
    {
        if (exception.Fields.IsList)
        {
            if (!exception.Comps.IsValid)
            {
                exception.Comps = new ExceptionEntry { IsList = true };
                foreach (var _ in exception.Fields.Items) exception.Comps.Items.Add(ExceptionEntry.Scalar("="));
            }
            Fail(exception.Fields.Items.Count != exception.Comps.Items.Count, "Fields and comps lists must have equal length", exception.Context);
            foreach (var comp in exception.Comps.Items)
            {
                comp.Item = comp.Item.Trim(' ', '\t', '\r', '\n');
                Fail(!IsOperator(comp.Item) && !IsOperatorWithModifier(comp.Item),
                    $"'{comp.Item}' is not a supported comparison operator", exception.Context);
            }
            if (source is null) return;
            foreach (var field in exception.Fields.Items)
                Fail(!IsValidLeftHandSide(session, source, field.Item), $"'{field.Item}' is not a supported filter field", exception.Context);
        }
        else
        {
            if (!exception.Comps.IsValid) exception.Comps = ExceptionEntry.Scalar("in");
            Fail(exception.Comps.IsList, "Fields and comps must both be strings", exception.Context);
            exception.Comps.Item = exception.Comps.Item.Trim(' ', '\t', '\r', '\n');
            var comp = exception.Comps.Item;
            Fail(comp is not ("in" or "pmatch" or "intersects") && !IsOperatorWithModifier(comp),
                "When fields is a single value, comps must be one of (in, pmatch, intersects) or a modifier operator (e.g. startswith oneof)",
                exception.Context);
            if (source is not null)
                Fail(!IsValidLeftHandSide(session, source, exception.Fields.Item), $"'{exception.Fields.Item}' is not a supported filter field", exception.Context);
        }
    }

    private static bool IsOperator(string op) => Operators.All.Contains(op);

    /// <summary>A string operator followed by a modifier, e.g. <c>startswith oneof</c>.</summary>
    internal static bool IsOperatorWithModifier(string op)
    {
        var space = op.IndexOf(' ');
        if (space < 0) return false;
        var baseOp = op[..space];
        var modifier = op[(space + 1)..];
        return baseOp is "=" or "==" or "!=" or "contains" or "icontains" or "bcontains" or "startswith" or "bstartswith"
                   or "endswith" or "glob" or "iglob" or "regex"
               && Operators.Modifiers.Contains(modifier);
    }

    /// <summary>
    /// A plain field name (with its argument) must exist in the source; an expression with a
    /// parenthesis (a transformer) must compile as <c>&lt;expression&gt; exists</c>.
    /// </summary>
    /// An argument the field rejects is not a "false": upstream lets that error escape, and it is
    /// reported against the whole file.
    internal static bool IsValidLeftHandSide(LoadSession session, RuleSource source, string field)
    {
        if (!field.Contains('('))
        {
            if (FieldResolver.TryResolve(source.Catalog, field, out _, out var error)) return true;
            if (error!.StartsWith(FieldResolver.UnknownFieldMessage, StringComparison.Ordinal)) return false;
            throw new RuleLoadException(LoadErrorCode.Validate, error, LoadContext.ForContent(session.Name));
        }
        var parsed = ConditionParser.Parse(field + " exists");
        if (!parsed.Succeeded) return false;
        return new ConditionBinder(source.Catalog, new Conditions.Evaluation.FieldSlotTable()).Bind(parsed.Expr).Succeeded;
    }

    private static void Fail(bool condition, string message, LoadContext context) =>
        RuleLoadException.ThrowIf(condition, LoadErrorCode.Validate, message, context);
}

/// <summary>Named definitions kept in first-definition order; a redefinition takes the old one's place.</summary>
internal sealed class OrderedDefinitions<T> where T : Definition
{
    private readonly List<T> _items = [];
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);

    public IReadOnlyList<T> Items => _items;

    public T? Find(string name) => _positions.TryGetValue(name, out var i) ? _items[i] : null;

    public void Define(T item, int stamp)
    {
        if (_positions.TryGetValue(item.Name, out var i))
        {
            item.Index = _items[i].Index;
            item.Visibility = stamp;
            _items[i] = item;
            return;
        }
        item.Index = stamp;
        item.Visibility = stamp;
        _positions.Add(item.Name, _items.Count);
        _items.Add(item);
    }
}
