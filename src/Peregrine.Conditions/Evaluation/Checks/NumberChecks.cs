using Peregrine.Conditions.Evaluation.Matching;

namespace Peregrine.Conditions.Evaluation.Checks;

/// <summary>An unsigned numeric (also boolean) field compared with a constant.</summary>
internal sealed class UnsignedCheck<TOrdering>(int slot, ulong constant) : ConditionNode
    where TOrdering : struct, IOrdering
{
    public override bool Evaluate(FieldCache fields)
    {
        var values = fields.Get(slot);
        return values.Length != 0 && TOrdering.Holds(values[0].Number, constant);
    }
}

/// <summary>A signed numeric field compared with a constant.</summary>
internal sealed class SignedCheck<TOrdering>(int slot, long constant) : ConditionNode
    where TOrdering : struct, IOrdering
{
    public override bool Evaluate(FieldCache fields)
    {
        var values = fields.Get(slot);
        return values.Length != 0 && TOrdering.Holds((long)values[0].Number, constant);
    }
}

/// <summary><c>in</c> / <c>intersects</c> of a single number against a set.</summary>
internal sealed class NumberInSetCheck(int slot, NumberSet set) : ConditionNode
{
    public override bool Evaluate(FieldCache fields)
    {
        var values = fields.Get(slot);
        return values.Length != 0 && set.Contains(values[0].Number);
    }
}
