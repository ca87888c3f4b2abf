using System.Diagnostics.CodeAnalysis;
using Peregrine.Conditions.Syntax;

namespace Peregrine.Conditions.Parsing;

/// <summary>The outcome of parsing: a tree, or Falco's error message with its position.</summary>
public readonly record struct ParseResult(Expr? Expr, ConditionError? Error)
{
    [MemberNotNullWhen(true, nameof(Expr))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Expr is not null;
}
