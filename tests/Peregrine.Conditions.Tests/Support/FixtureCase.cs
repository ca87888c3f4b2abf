namespace Peregrine.Conditions.Tests.Support;

/// <summary>
/// One golden case read from a <c>.cases</c> file. The format is line based:
/// <code>
/// ### case name
/// input text (one or more lines, taken verbatim)
/// =&gt; expected output
/// </code>
/// or, for a failure,
/// <code>
/// ### case name
/// input text
/// !&gt; expected message
/// @ offset:line:column
/// </code>
/// After <c>=&gt;</c>, lines <c>~&gt; text</c> are extra expectations (binder warnings).
/// Lines starting with <c>#</c> but not <c>###</c> before a case are comments.
/// </summary>
public sealed record FixtureCase(string File, string Name, string Input, string? Expected, string? Error, string? Position, IReadOnlyList<string> Notes)
{
    public override string ToString() => $"{Path.GetFileNameWithoutExtension(File)}: {Name}";

    public static IEnumerable<FixtureCase> Load(string directory)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Fixtures", directory);
        foreach (var file in Directory.EnumerateFiles(root, "*.cases").Order(StringComparer.Ordinal))
        {
            foreach (var fixture in Parse(file, System.IO.File.ReadAllText(file))) yield return fixture;
        }
    }

    public static IEnumerable<FixtureCase> Parse(string file, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        string? name = null;
        var input = new List<string>();
        string? expected = null, error = null, position = null;
        var notes = new List<string>();
        foreach (var line in lines.Append("### <end>"))
        {
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                if (name is not null)
                {
                    if (expected is null && error is null)
                        throw new InvalidDataException($"{file}: case '{name}' has no expectation");
                    yield return new FixtureCase(file, name, string.Join("\n", input), expected, error, position, notes.ToArray());
                }
                name = line[4..].Trim();
                input.Clear();
                expected = error = position = null;
                notes.Clear();
                continue;
            }
            if (name is null) continue; // header comments
            if (line.StartsWith("=> ", StringComparison.Ordinal) && expected is null && error is null) expected = line[3..];
            else if (line.StartsWith("!> ", StringComparison.Ordinal) && expected is null && error is null) error = line[3..];
            else if (line.StartsWith("@ ", StringComparison.Ordinal) && error is not null) position = line[2..].Trim();
            else if (line.StartsWith("~> ", StringComparison.Ordinal) && expected is not null) notes.Add(line[3..]);
            else if (expected is null && error is null) input.Add(line);
            else if (line.Length > 0 && !line.StartsWith('#'))
                throw new InvalidDataException($"{file}: unexpected line after expectation in '{name}': {line}");
        }
    }
}
