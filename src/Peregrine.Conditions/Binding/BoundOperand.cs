using Peregrine.Conditions.Fields;

namespace Peregrine.Conditions.Binding;

/// <summary>
/// A bound field or transformer expression: the cache slot holding its values per event, its
/// type after transformers, the print format of the field it comes from (libsinsp renders a
/// transformed value with the original field's format), and the plain catalog fields it reads
/// (for output_fields).
/// </summary>
public sealed record BoundOperand(
    int Slot,
    FieldType Type,
    bool IsList,
    string FieldName,
    bool HasTransformers,
    IReadOnlyList<FieldReference> Fields,
    PrintFormat PrintFormat = PrintFormat.Decimal);
