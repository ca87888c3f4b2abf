namespace Peregrine.Conditions.Evaluation.Checks;

/// <summary><c>field exists</c>: the field has at least one value (an empty list does not).</summary>
internal sealed class ExistsCheck(int slot) : ConditionNode
{
    public override bool Evaluate(FieldCache fields) => fields.Get(slot).Length > 0;
}
