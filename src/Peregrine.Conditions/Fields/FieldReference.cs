using Peregrine.Conditions.Syntax;

namespace Peregrine.Conditions.Fields;

/// <summary>
/// A catalog field together with the argument a condition or output gave it, resolved the way
/// libsinsp resolves plugin fields: the argument text, whether one was present, and its
/// reading as an index and/or a key.
/// </summary>
public sealed class FieldReference
{
    /// <summary><see cref="ArgumentIndex"/> when no index was given (what libs 0.24+ sends).</summary>
    public const ulong NoIndex = ulong.MaxValue;

    internal FieldReference(FieldDefinition definition, string? argument, ulong argumentIndex, string? argumentKey)
    {
        Definition = definition;
        Argument = argument;
        ArgumentIndex = argumentIndex;
        ArgumentKey = argumentKey;
        Text = CanonicalPrinter.FieldText(definition.Name, argument);
    }

    public FieldDefinition Definition { get; }

    /// <summary>The argument text between the brackets, or null when none was written.</summary>
    public string? Argument { get; }

    public bool ArgumentPresent => Argument is not null;

    /// <summary>The argument read as an index, or <see cref="NoIndex"/>.</summary>
    public ulong ArgumentIndex { get; }

    /// <summary>The argument passed as a key, or null (index-only fields never get a key).</summary>
    public string? ArgumentKey { get; }

    /// <summary>The canonical text, e.g. <c>ka.uri.param[command]</c>: the identity of this reference.</summary>
    public string Text { get; }

    public override string ToString() => Text;
}
