using Peregrine.Conditions.Evaluation.Matching;

namespace Peregrine.Conditions.Evaluation.Checks;

/// <summary>A single-valued field tested with a matcher (IP networks, sets of non-string values).</summary>
internal sealed class SingleValueCheck(int slot, ValueMatcher matcher) : ConditionNode
{
    public override bool Evaluate(FieldCache fields)
    {
        var values = fields.Get(slot);
        return values.Length != 0 && matcher.Matches(fields, values[0]);
    }
}

/// <summary>
/// <c>in</c> on a list field: every value must be in the set. An empty list is a missing value,
/// so the check is false then.
/// </summary>
internal sealed class ListAllCheck(int slot, ValueMatcher matcher) : ConditionNode
{
    public override bool Evaluate(FieldCache fields)
    {
        var values = fields.Get(slot);
        if (values.Length == 0) return false;
        foreach (ref readonly var value in values)
        {
            if (!matcher.Matches(fields, value)) return false;
        }
        return true;
    }
}

/// <summary><c>intersects</c> on a list field: at least one value is in the set.</summary>
internal sealed class ListAnyCheck(int slot, ValueMatcher matcher) : ConditionNode
{
    public override bool Evaluate(FieldCache fields)
    {
        foreach (ref readonly var value in fields.Get(slot))
        {
            if (matcher.Matches(fields, value)) return true;
        }
        return false;
    }
}

/// <summary>The list modifiers of 0.44: the operator holds for one, any or all list elements.</summary>
internal enum ModifierKind
{
    OneOf,
    AnyOf,
    AllOf,
}

/// <summary>
/// <c>op oneof|anyof|allof (c1, c2, ...)</c> on a single value, one matcher per constant.
/// An empty constant list is always false.
/// </summary>
internal sealed class ModifierCheck(int slot, ModifierKind kind, ValueMatcher[] elements) : ConditionNode
{
    public override bool Evaluate(FieldCache fields)
    {
        var values = fields.Get(slot);
        if (values.Length == 0 || elements.Length == 0) return false;
        ref readonly var value = ref values[0];
        switch (kind)
        {
            case ModifierKind.AnyOf:
                foreach (var element in elements)
                {
                    if (element.Matches(fields, value)) return true;
                }
                return false;
            case ModifierKind.AllOf:
                foreach (var element in elements)
                {
                    if (!element.Matches(fields, value)) return false;
                }
                return true;
            default:
                var matches = 0;
                foreach (var element in elements)
                {
                    if (element.Matches(fields, value) && ++matches > 1) return false;
                }
                return matches == 1;
        }
    }
}
