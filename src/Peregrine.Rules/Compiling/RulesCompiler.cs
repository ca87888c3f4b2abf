using Peregrine.Conditions;
using Peregrine.Conditions.Binding;
using Peregrine.Conditions.Parsing;
using Peregrine.Conditions.Syntax;
using Peregrine.Rules.Collecting;
using Peregrine.Rules.Loading;
using Peregrine.Rules.Outputs;

namespace Peregrine.Rules.Compiling;

/// <summary>
/// Compiles everything collected so far, as Falco does after each file: lists (one level of
/// list-in-list), then every macro (parsed even when unused, expanded with macro visibility),
/// then every rule of a loaded source (exceptions, output, condition). A rule's macros and lists
/// are compiled against the rule's own source only, so a macro full of another plugin's fields
/// is never an error. The first error stops; unused macros and lists are reported after success.
/// </summary>
public sealed class RulesCompiler(IReadOnlyList<ExtraOutput> extraOutputs)
{
    private const string ContainerInfo = "%container.info";

    public CompileOutput? Compile(LoadSession session, RulesCollector collector)
    {
        var result = session.Result;
        List<CompiledList> lists;
        List<CompiledMacro> macros;
        var rules = new List<CompiledRule>();
        try
        {
            foreach (var source in session.Sources.All) source.ResetSlots();
            lists = ListExpansion.Compile(collector.Lists, collector.FindList);
            macros = CompileMacros(collector, lists);
            var byName = macros.ToDictionary(m => m.Name, StringComparer.Ordinal);
            var all = macros.ToDictionary(m => m.Name, m => m.Condition, StringComparer.Ordinal);
            foreach (var rule in collector.Rules)
            {
                if (rule.UnknownSource) continue;
                var compiled = CompileRule(session, rule, lists, byName, all);
                if (compiled is not null) rules.Add(compiled);
            }
        }
        catch (RuleLoadException e)
        {
            result.AddError(e.Code, e.Message, e.Context);
            return null;
        }

        foreach (var macro in macros.Where(m => !m.Used))
            result.AddWarning(LoadWarningCode.UnusedMacro, "Macro not referred to by any other rule/macro", collector.FindMacro(macro.Name)!.Context);
        foreach (var list in lists.Where(l => !l.Used))
            result.AddWarning(LoadWarningCode.UnusedList, "List not referred to by any other rule/macro", collector.FindList(list.Name)!.Context);
        return new CompileOutput(lists, macros, rules);
    }

    private static List<CompiledMacro> CompileMacros(RulesCollector collector, List<CompiledList> lists)
    {
        var macros = new List<CompiledMacro>();
        foreach (var macro in collector.Macros)
            macros.Add(new CompiledMacro(macro.Name, Parse(macro.Condition, lists, macro.ConditionContext)));
        var byName = macros.ToDictionary(m => m.Name, StringComparer.Ordinal);

        // A macro sees the macros defined before its latest change.
        foreach (var compiled in macros)
        {
            var definition = collector.FindMacro(compiled.Name)!;
            var visible = new Dictionary<string, Expr>(StringComparer.Ordinal);
            foreach (var other in macros)
            {
                if (collector.FindMacro(other.Name)!.Index < definition.Visibility) visible[other.Name] = other.Condition;
            }
            compiled.Condition = ResolveMacros(compiled.Condition, visible, byName, definition.Condition, definition.Context);
        }
        return macros;
    }

    private CompiledRule? CompileRule(LoadSession session, RuleDefinition rule, List<CompiledList> lists,
        Dictionary<string, CompiledMacro> macros, Dictionary<string, Expr> allMacros)
    {
        var result = session.Result;
        var source = session.Sources.Find(rule.Source)
                     ?? throw new RuleLoadException(LoadErrorCode.Validate, "Unknown source at compile-time" + rule.Source, rule.Context);

        var exceptionFields = new SortedSet<string>(StringComparer.Ordinal);
        var condition = rule.Exceptions.Count > 0
            ? ExceptionConditions.Build(rule.Condition, rule.Exceptions, exceptionFields)
            : rule.Condition;

        var outputText = rule.Output;
        var extraFields = new List<(string Key, string Value, bool Raw)>();
        foreach (var extra in extraOutputs.Where(e => e.Matches(rule.Source, rule.Tags, rule.Name)))
        {
            if (extra.Format is not null) outputText = outputText + " " + extra.Format;
            extraFields.AddRange(extra.Fields);
        }
        if (outputText.Contains(ContainerInfo, StringComparison.Ordinal))
        {
            result.AddWarning(LoadWarningCode.DeprecatedItem,
                "%container.info is deprecated and no more useful, and will be dropped by Falco 1.0.0. The container plugin will automatically add required fields to the output message.",
                rule.Context);
            outputText = outputText.Replace(ContainerInfo, "", StringComparison.Ordinal);
        }

        var output = OutputFormat.Compile(outputText, source.Catalog, source.Slots, out var outputError);
        if (output is null)
        {
            if (rule.SkipIfUnknownFilter && IsUnknownFieldError(outputError!))
            {
                result.AddWarning(LoadWarningCode.UnknownFilter, outputError!, rule.OutputContext);
                return null;
            }
            throw new RuleLoadException(LoadErrorCode.CompileOutput, outputError!, rule.OutputContext);
        }
        ReportDeprecatedFieldsInOutput(outputText, rule.OutputContext, result);

        var compiledExtras = new List<ExtraOutputField>();
        // A key given twice keeps its first position and its last value (a later entry overwrites a map slot in Falco).
        var lastByKey = extraFields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Last());
        foreach (var (key, value, raw) in extraFields.DistinctBy(f => f.Key).Select(f => lastByKey[f.Key]))
        {
            var format = OutputFormat.Compile(value, source.Catalog, source.Slots, out var extraError)
                         ?? throw new RuleLoadException(LoadErrorCode.CompileOutput, extraError!, rule.OutputContext);
            ReportDeprecatedFieldsInOutput(value, rule.OutputContext, result);
            compiledExtras.Add(new ExtraOutputField(key, format, raw));
        }

        var tree = Parse(condition, lists, rule.ConditionContext);
        tree = ResolveMacros(tree, allMacros, macros, condition, rule.Context);
        ConditionWarnings.Report(tree, rule.ConditionContext.ForCondition(new SourcePosition(0, 0, 0), condition), result);

        var bound = new ConditionBinder(source.Catalog, source.Slots).Bind(tree);
        if (!bound.Succeeded)
        {
            var context = rule.ConditionContext.ForCondition(bound.Error.Position, condition);
            if (rule.SkipIfUnknownFilter && IsUnknownFieldError(bound.Error.Message))
            {
                result.AddWarning(LoadWarningCode.UnknownFilter, bound.Error.Message, context);
                return null;
            }
            throw new RuleLoadException(LoadErrorCode.CompileCondition, bound.Error.Message, context);
        }
        foreach (var warning in bound.Warnings)
            result.AddWarning(LoadWarningCode.CompileCondition, warning.Message, rule.ConditionContext.ForCondition(warning.Position, condition));

        return new CompiledRule
        {
            Name = rule.Name,
            Source = rule.Source,
            Description = rule.Description,
            Priority = rule.Priority,
            Tags = rule.Tags,
            Enabled = rule.Enabled,
            ConditionTree = tree,
            Condition = bound.Condition,
            OutputText = outputText,
            Output = output,
            ExtraFields = compiledExtras,
            ExceptionFields = exceptionFields,
            Capture = rule.Capture,
            CaptureDuration = rule.CaptureDuration,
            Order = rule.Index,
        };
    }

    /// <summary>Substitutes lists into the text, then parses it; a syntax error points into the substituted text.</summary>
    private static Expr Parse(string condition, IReadOnlyList<CompiledList> lists, LoadContext context)
    {
        var text = ListExpansion.Substitute(condition, lists);
        var parsed = ConditionParser.Parse(text);
        if (parsed.Succeeded) return parsed.Expr;
        throw new RuleLoadException(LoadErrorCode.CompileCondition, parsed.Error.Message, context.ForCondition(parsed.Error.Position, text));
    }

    /// <summary>Expands macros; the first loop, else the first unknown identifier, is the error.</summary>
    private static Expr ResolveMacros(Expr tree, IReadOnlyDictionary<string, Expr> visible, Dictionary<string, CompiledMacro> macros,
        string conditionText, LoadContext context)
    {
        var resolver = new MacroResolver(visible);
        var resolved = resolver.Rewrite(tree);
        if (resolver.Errors.Count > 0 || resolver.Unknown.Count > 0)
        {
            var (message, position) = resolver.Errors.Count > 0
                ? resolver.Errors[0]
                : ($"Undefined macro '{resolver.Unknown[0].Name}' used in filter.", resolver.Unknown[0].Position);
            throw new RuleLoadException(LoadErrorCode.Validate, message, context.ForCondition(position, conditionText));
        }
        foreach (var name in resolver.Resolved) macros[name].Used = true;
        return resolved;
    }

    private static void ReportDeprecatedFieldsInOutput(string format, LoadContext context, LoadResult result)
    {
        foreach (var (field, _) in DeprecatedFields.All)
        {
            if (format.Contains(field, StringComparison.Ordinal))
                result.AddDeprecatedFieldWarning(field, $"usage of deprecated field '{field}' has been detected in the rule output", context);
        }
    }

    /// <summary>The errors that <c>skip-if-unknown-filter</c> turns into a warning.</summary>
    private static bool IsUnknownFieldError(string message) =>
        message.Contains("nonexistent field", StringComparison.Ordinal)
        || message.Contains("invalid formatting token", StringComparison.Ordinal)
        || message.Contains("unknown event type", StringComparison.Ordinal)
        || message.Contains("unknown filter:", StringComparison.Ordinal);
}
