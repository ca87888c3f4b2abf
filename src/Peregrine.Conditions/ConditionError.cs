using Peregrine.Conditions.Syntax;

namespace Peregrine.Conditions;

/// <summary>A positioned message about a condition: a syntax error, a binding error or a warning.</summary>
public sealed record ConditionError(string Message, SourcePosition Position)
{
    public override string ToString() => $"{Message} (at {Position})";
}
