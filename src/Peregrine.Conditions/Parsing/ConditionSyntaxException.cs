using Peregrine.Conditions.Syntax;

namespace Peregrine.Conditions.Parsing;

/// <summary>
/// A parse failure inside the parser: Falco's message and the parser position at the moment of
/// failure. It never leaves the library; <see cref="ConditionParser"/> turns it into a
/// <see cref="ConditionError"/>.
/// </summary>
internal sealed class ConditionSyntaxException(string message, SourcePosition position) : Exception(message)
{
    public SourcePosition Position { get; } = position;
}
