namespace Peregrine.Conditions.Evaluation;

/// <summary>
/// A node of a compiled condition. The binder picks a sealed subclass per (operator, value type,
/// constant shape) so that <see cref="Evaluate"/> does no type tests, boxing or allocation.
/// </summary>
public abstract class ConditionNode
{
    public abstract bool Evaluate(FieldCache fields);
}
