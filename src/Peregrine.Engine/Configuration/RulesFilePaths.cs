using Peregrine.Rules.Rulesets;
namespace Peregrine.Engine.Configuration;

/// <summary>
/// Turns configured rules paths (<see cref="FalcoConfiguration.RulesFiles"/>, or <c>-r</c> options)
/// into the files to load, as Falco's <c>read_rules_file_directory</c> does: a directory
/// contributes its regular files (symlinks followed, no recursion) sorted by path; a file is
/// taken as is. Since Falco 0.41 only names matching <c>*.yaml</c> or <c>*.yml</c> count, with
/// Falco's own wildcard matcher: it finds the first <c>.yaml</c> in the path and requires it to end
/// there, so a path with <c>.yaml</c> earlier in it (<c>rules.yaml.d/x.yaml</c>) is skipped, as in Falco.
/// </summary>
public static class RulesFilePaths
{
    /// <param name="paths">Paths as written.</param>
    /// <param name="workingDirectory">What relative paths are relative to; null for the current directory.</param>
    /// <returns>The files to load (as written, directory entries joined with <c>/</c>) and the directories seen.</returns>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Folders) Expand(IEnumerable<string> paths, string? workingDirectory = null)
    {
        var files = new List<string>();
        var folders = new List<string>();
        foreach (var path in paths)
        {
            var full = path.Length == 0 || Path.IsPathRooted(path) ? path : Path.Combine(workingDirectory ?? Directory.GetCurrentDirectory(), path);
            if (Directory.Exists(full))
            {
                folders.Add(path);
                var prefix = path.EndsWith('/') ? path : path + "/";
                IEnumerable<string> entries;
                try
                {
                    entries = Directory.EnumerateFileSystemEntries(full).Where(File.Exists).Select(e => prefix + Path.GetFileName(e)).ToList();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    entries = [];
                }
                files.AddRange(entries.Order(StringComparer.Ordinal).Where(IsYaml));
            }
            else if (IsYaml(path))
            {
                files.Add(path);
            }
        }
        return (files, folders);
    }

    private static bool IsYaml(string path) => FalcoWildcard.Matches("*.yaml", path) || FalcoWildcard.Matches("*.yml", path);
}
