namespace Peregrine.Conditions.Fields;

/// <summary>
/// One entry of a field catalog: what a field is called, what it returns and what argument it
/// takes. <see cref="Owner"/> is opaque to the condition language; the engine uses it to know
/// who extracts the field (a plugin and its field index, or a built-in).
/// </summary>
public sealed record FieldDefinition(
    string Name,
    FieldType Type,
    bool IsList = false,
    FieldArgument Argument = FieldArgument.None,
    string Description = "",
    string Display = "")
{
    public object? Owner { get; init; }

    /// <summary>Hidden fields can be used but are not listed (<c>properties: [hidden]</c>).</summary>
    public bool Hidden { get; init; }

    /// <summary>The plugin suggests the field for outputs (<c>addOutput</c>).</summary>
    public bool AddOutput { get; init; }

    /// <summary>How numbers (also after a transformer such as <c>len</c>) are written in outputs.</summary>
    public PrintFormat PrintFormat { get; init; } = PrintFormat.Decimal;

    /// <summary>Whether any argument may be given.</summary>
    public bool AcceptsArgument => Argument != FieldArgument.None;
}
