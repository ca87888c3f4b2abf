using Peregrine.Conditions.Fields;

namespace Peregrine.Conditions.Binding;

/// <summary>
/// A bound field or transformer expression: the cache slot holding its values per event, its
/// type after transformers, the print format of the field it comes from (libsinsp renders a
/// transformed value with the original field's format), and the plain catalog fields it reads
/// (for output_fields).
/// </summary>
/// <remarks>
/// libsinsp keeps two descriptions of a check: the field as declared (<see cref="Base"/>), and
/// the field after transformers (<see cref="Type"/>, <see cref="IsList"/>, <see cref="FieldName"/>).
/// Some of its checks and messages use one, some the other; both are kept to match them.
/// </remarks>
public sealed record BoundOperand(
    int Slot,
    FieldType Type,
    bool IsList,
    string FieldName,
    bool HasTransformers,
    IReadOnlyList<FieldReference> Fields,
    PrintFormat PrintFormat,
    DeclaredField Base);

/// <summary>The type, list-ness and name of a check before any transformer is applied.</summary>
public readonly record struct DeclaredField(FieldType Type, bool IsList, string Name);
