using System.Diagnostics.CodeAnalysis;

namespace Peregrine.Conditions.Binding;

/// <summary>
/// The outcome of binding a condition: the compiled condition, or Falco's error with the
/// position of the check that failed; plus the compiler's hints (warnings) on success.
/// </summary>
public sealed record BindResult(CompiledCondition? Condition, ConditionError? Error, IReadOnlyList<ConditionError> Warnings)
{
    [MemberNotNullWhen(true, nameof(Condition))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Condition is not null;
}
