namespace Peregrine.Conditions.Fields;

/// <summary>
/// What a field accepts between brackets. <see cref="Index"/> and <see cref="Key"/> each allow
/// an argument; <see cref="Required"/> makes one mandatory. With both Index and Key, a numeric
/// argument is an index and anything else a key (plugin-API semantics).
/// </summary>
[Flags]
public enum FieldArgument
{
    None = 0,
    Index = 1,
    Key = 2,
    Required = 4,
}
