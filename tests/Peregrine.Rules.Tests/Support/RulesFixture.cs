namespace Peregrine.Rules.Tests.Support;

/// <summary>
/// One golden case for the rules loader, read from a <c>.cases</c> file:
/// <code>
/// ### case name
/// - rule: ...            (YAML, verbatim; "--- file: name" lines split several files, loaded in order)
/// =&gt; ok                  (the last file loads) or  !&gt; CODE: message  plus  @ item_type 'name' line:col
/// == rule name: canonical compiled condition     (zero or more, after "=&gt; ok")
/// ~&gt; CODE: message @ item_type 'name' line:col   (every warning of the last file, in order)
/// </code>
/// The <c>@</c> location is the innermost location of the message (0-based line and column, as
/// Falco reports YAML positions).
/// </summary>
public sealed record RulesFixture(
    string File,
    string Name,
    IReadOnlyList<(string Name, string Content)> Files,
    string? Error,
    string? ErrorLocation,
    IReadOnlyList<(string Rule, string Condition)> Conditions,
    IReadOnlyList<string> Warnings)
{
    public override string ToString() => $"{Path.GetFileNameWithoutExtension(File)}: {Name}";

    public static IEnumerable<RulesFixture> Load(string directory)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Fixtures", directory);
        foreach (var file in Directory.EnumerateFiles(root, "*.cases").Order(StringComparer.Ordinal))
        {
            foreach (var fixture in Parse(file, System.IO.File.ReadAllText(file).Replace("\r\n", "\n"))) yield return fixture;
        }
    }

    private static IEnumerable<RulesFixture> Parse(string path, string text)
    {
        string? name = null;
        var files = new List<(string, List<string>)>();
        string? error = null, location = null;
        var ok = false;
        var conditions = new List<(string, string)>();
        var warnings = new List<string>();
        foreach (var line in text.Split('\n').Append("### <end>"))
        {
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                if (name is not null)
                {
                    if (!ok && error is null) throw new InvalidDataException($"{path}: case '{name}' has no expectation");
                    yield return new RulesFixture(path, name, files.Select(f => (f.Item1, string.Join("\n", f.Item2) + "\n")).ToArray(),
                        error, location, conditions.ToArray(), warnings.ToArray());
                }
                name = line[4..].Trim();
                files = [("rules.yaml", [])];
                error = location = null;
                ok = false;
                conditions = [];
                warnings = [];
                continue;
            }
            if (name is null) continue;
            var expecting = ok || error is not null;
            if (!expecting && line.StartsWith("--- file: ", StringComparison.Ordinal))
            {
                if (files.Count == 1 && files[0].Item2.Count == 0) files.Clear();
                files.Add((line[10..].Trim(), []));
            }
            else if (!expecting && line == "=> ok") ok = true;
            else if (!expecting && line.StartsWith("!> ", StringComparison.Ordinal)) error = line[3..];
            else if (line.StartsWith("@ ", StringComparison.Ordinal) && error is not null) location = line[2..].Trim();
            else if (line.StartsWith("== ", StringComparison.Ordinal) && ok)
            {
                var colon = line.IndexOf(": ", 3, StringComparison.Ordinal);
                conditions.Add((line[3..colon], line[(colon + 2)..]));
            }
            else if (line.StartsWith("~> ", StringComparison.Ordinal) && expecting) warnings.Add(line[3..]);
            else if (!expecting) files[^1].Item2.Add(line);
            else if (line.Length > 0 && !line.StartsWith('#')) throw new InvalidDataException($"{path}: unexpected line in '{name}': {line}");
        }
    }
}
