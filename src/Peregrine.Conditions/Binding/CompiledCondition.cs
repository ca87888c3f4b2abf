using Peregrine.Conditions.Evaluation;
using Peregrine.Conditions.Fields;

namespace Peregrine.Conditions.Binding;

/// <summary>A condition ready to run against the events of one source.</summary>
public sealed class CompiledCondition(ConditionNode root, IReadOnlyList<FieldReference> fields)
{
    public ConditionNode Root { get; } = root;

    /// <summary>The catalog fields the condition may read, in first-use order, without duplicates.</summary>
    public IReadOnlyList<FieldReference> Fields { get; } = fields;

    public bool Evaluate(FieldCache fields) => Root.Evaluate(fields);
}
