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

    /// <summary>
    /// The field belongs to one of libsinsp's built-in filtercheck classes (the generic
    /// <c>evt.*</c> fields, the static fields), not to a plugin. Those classes are asked first
    /// and look a field up by the whole text written, brackets included: the longest of their
    /// names that prefixes the text wins, and unless it is the whole text the lookup gives up.
    /// So such a field never takes an argument, and any text it only prefixes
    /// (<c>evt.time[1]</c>, <c>evt.timex</c>) is a nonexistent field, even when a plugin
    /// declares that exact name. Plugin fields parse their own argument instead.
    /// </summary>
    public bool NameOnlyLookup { get; init; }

    /// <summary>Whether any argument may be given.</summary>
    public bool AcceptsArgument => Argument != FieldArgument.None;
}
