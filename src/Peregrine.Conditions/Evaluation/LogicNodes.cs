namespace Peregrine.Conditions.Evaluation;

/// <summary>
/// Builds the boolean nodes, choosing fixed-arity classes for the common short chains: they
/// avoid the loop and array bounds checks of the general case on the hottest path.
/// </summary>
internal static class LogicNodes
{
    public static ConditionNode And(ConditionNode[] children) => children.Length switch
    {
        1 => children[0],
        2 => new And2Node(children[0], children[1]),
        3 => new And3Node(children[0], children[1], children[2]),
        _ => new AndNode(children),
    };

    public static ConditionNode Or(ConditionNode[] children) => children.Length switch
    {
        1 => children[0],
        2 => new Or2Node(children[0], children[1]),
        _ => new OrNode(children),
    };
}

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

internal sealed class And2Node(ConditionNode first, ConditionNode second) : ConditionNode
{
    public override bool Evaluate(FieldCache fields) => first.Evaluate(fields) && second.Evaluate(fields);
}

internal sealed class And3Node(ConditionNode first, ConditionNode second, ConditionNode third) : ConditionNode
{
    public override bool Evaluate(FieldCache fields) =>
        first.Evaluate(fields) && second.Evaluate(fields) && third.Evaluate(fields);
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

internal sealed class Or2Node(ConditionNode first, ConditionNode second) : ConditionNode
{
    public override bool Evaluate(FieldCache fields) => first.Evaluate(fields) || second.Evaluate(fields);
}

/// <summary><c>not x</c>: true when a check on a missing field is false.</summary>
internal sealed class NotNode(ConditionNode child) : ConditionNode
{
    public override bool Evaluate(FieldCache fields) => !child.Evaluate(fields);
}
