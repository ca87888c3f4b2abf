namespace Peregrine.Rules.Compiling;

/// <summary>
/// An <c>append_output</c> entry of the configuration: extra text for the output and/or extra
/// output fields, for rules matching all of its (optional) source, tags and rule name.
/// </summary>
public sealed record ExtraOutput(
    string? Source,
    IReadOnlySet<string> Tags,
    string? Rule,
    string? Format,
    IReadOnlyList<(string Key, string Value, bool Raw)> Fields)
{
    public bool Matches(string source, IReadOnlySet<string> tags, string rule) =>
        (string.IsNullOrEmpty(Source) || Source == source)
        && Tags.All(tags.Contains)
        && (string.IsNullOrEmpty(Rule) || Rule == rule);
}
