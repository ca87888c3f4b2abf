namespace Peregrine.Conditions.Fields;

/// <summary>A catalog built from a list of definitions; the first definition of a name wins.</summary>
public sealed class FieldCatalog : IFieldCatalog
{
    private readonly Dictionary<string, FieldDefinition> _byName = new(StringComparer.Ordinal);
    private readonly List<FieldDefinition> _fields = [];

    public FieldCatalog(IEnumerable<FieldDefinition> fields)
    {
        foreach (var field in fields) Add(field);
    }

    public IReadOnlyList<FieldDefinition> Fields => _fields;

    public FieldDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Adds a field; false when the name is already taken.</summary>
    public bool Add(FieldDefinition field)
    {
        if (!_byName.TryAdd(field.Name, field)) return false;
        _fields.Add(field);
        return true;
    }
}
