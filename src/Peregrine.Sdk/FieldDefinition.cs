namespace Peregrine.Sdk;

/// <summary>
/// One field an extraction plugin offers, as it appears in the fields JSON. A field's position in
/// <see cref="IExtractionPlugin.Fields"/> is its index in <see cref="FieldRequest.Index"/>.
/// </summary>
/// <param name="Name">Full name, e.g. <c>dummy.value</c>.</param>
/// <param name="Type">Value type.</param>
/// <param name="Description">What the field is (required, non-empty).</param>
public sealed record FieldDefinition(string Name, PluginFieldType Type, string Description)
{
    /// <summary>Short name shown by tools (may be empty).</summary>
    public string Display { get; init; } = string.Empty;

    /// <summary>Whether the field yields a list of 0..N values.</summary>
    public bool IsList { get; init; }

    /// <summary>What the field accepts between brackets.</summary>
    public FieldArgumentRules Argument { get; init; }

    /// <summary>The <c>properties</c> (hidden, info, conversation).</summary>
    public PluginFieldProperties Properties { get; init; }

    /// <summary>Suggests adding the field to rule outputs (<c>addOutput</c>).</summary>
    public bool AddOutput { get; init; }
}
