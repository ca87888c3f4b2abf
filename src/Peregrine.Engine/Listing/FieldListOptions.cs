namespace Peregrine.Engine.Listing;

/// <summary>The layouts of <c>--list</c> (<c>--format text|markdown|json</c>).</summary>
public enum FieldListFormat
{
    Text,
    Markdown,
    Json,
}

/// <summary>
/// How to list fields: the layout, <c>-v</c> (text only: each field's type before its description)
/// and <c>-N</c> (names only).
/// </summary>
public sealed record FieldListOptions(FieldListFormat Format = FieldListFormat.Text, bool Verbose = false, bool NamesOnly = false);
