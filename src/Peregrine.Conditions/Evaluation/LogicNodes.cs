namespace Peregrine.Conditions.Evaluation;

/// <summary><c>a and b and ...</c>, short-circuiting left to right.</summary>
internal sealed class AndNode(ConditionNode[] children) : ConditionNode
{
    public override bool Evaluate(FieldCache fields)
    {
        foreach (var child in children)
        {
            if (!child.Evaluate(fields)) return false;
        }
        return true;
    }
}

/// <summary><c>a or b or ...</c>, short-circuiting left to right.</summary>
internal sealed class OrNode(ConditionNode[] children) : ConditionNode
{
    public override bool Evaluate(FieldCache fields)
    {
        foreach (var child in children)
        {
            if (child.Evaluate(fields)) return true;
        }
        return false;
    }
}

/// <summary><c>not x</c>: true when a check on a missing field is false.</summary>
internal sealed class NotNode(ConditionNode child) : ConditionNode
{
    public override bool Evaluate(FieldCache fields) => !child.Evaluate(fields);
}
