namespace Peregrine.Conditions.Fields;

/// <summary>The fields available to conditions and outputs of one event source.</summary>
public interface IFieldCatalog
{
    /// <summary>The field with exactly this name (no argument), or null.</summary>
    FieldDefinition? Find(string name);

    /// <summary>Every field, in listing order.</summary>
    IReadOnlyList<FieldDefinition> Fields { get; }
}
