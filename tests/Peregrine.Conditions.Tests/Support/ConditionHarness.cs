using Peregrine.Conditions.Binding;
using Peregrine.Conditions.Evaluation;
using Peregrine.Conditions.Parsing;

namespace Peregrine.Conditions.Tests.Support;

/// <summary>Parse, bind and evaluate in one call, for semantic tests.</summary>
public static class ConditionHarness
{
    public static CompiledCondition Compile(string condition, FieldSlotTable? slots = null)
    {
        var parsed = ConditionParser.Parse(condition);
        Assert.True(parsed.Succeeded, $"parse error: {parsed.Error}");
        var bound = new ConditionBinder(TestCatalog.Instance, slots ?? new FieldSlotTable()).Bind(parsed.Expr);
        Assert.True(bound.Succeeded, $"bind error: {bound.Error}");
        return bound.Condition;
    }

    /// <summary>The error of binding a condition that parses.</summary>
    public static ConditionError BindError(string condition)
    {
        var parsed = ConditionParser.Parse(condition);
        Assert.True(parsed.Succeeded, $"parse error: {parsed.Error}");
        var bound = new ConditionBinder(TestCatalog.Instance, new FieldSlotTable()).Bind(parsed.Expr);
        Assert.False(bound.Succeeded, "expected a bind error");
        return bound.Error;
    }

    public static IReadOnlyList<ConditionError> Warnings(string condition)
    {
        var parsed = ConditionParser.Parse(condition);
        Assert.True(parsed.Succeeded, $"parse error: {parsed.Error}");
        var bound = new ConditionBinder(TestCatalog.Instance, new FieldSlotTable()).Bind(parsed.Expr);
        Assert.True(bound.Succeeded, $"bind error: {bound.Error}");
        return bound.Warnings;
    }

    /// <summary>Evaluates a condition against one event made of (field text, value) pairs.</summary>
    public static bool Eval(string condition, params (string Field, object? Value)[] values)
    {
        var slots = new FieldSlotTable();
        var compiled = Compile(condition, slots);
        var provider = new ScriptedProvider(values.ToDictionary(v => v.Field, v => v.Value));
        var cache = new FieldCache(slots, provider);
        cache.Reset();
        return compiled.Evaluate(cache);
    }
}
