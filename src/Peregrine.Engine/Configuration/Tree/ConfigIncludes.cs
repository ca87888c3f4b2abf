namespace Peregrine.Engine.Configuration.Tree;

/// <summary>
/// Falco's <c>config_files</c> (0.38+): after the main file is read (and the <c>-o config_files...</c>
/// options applied), each listed path is merged in order into the main tree.
/// <list type="bullet">
/// <item>An entry is a path string (strategy <c>append</c>) or a <c>{path, strategy}</c> mapping;
/// an unknown strategy falls back to <c>append</c> with a warning (Falco: schema warning).</item>
/// <item>Relative paths are relative to the working directory, not to the main file. A path that
/// does not exist is skipped silently. A directory contributes its regular files (any name,
/// symlinks followed, no recursion) in lexicographic order.</item>
/// <item>Including the main file itself, or a <c>config_files</c> key inside an included file, is an error.</item>
/// </list>
/// </summary>
internal sealed class ConfigIncludes(ConfigLoadContext context)
{
    private const string Key = "config_files";

    /// <summary>Merges every include of <paramref name="root"/>; returns the files merged, in order.</summary>
    public List<string> Merge(ConfigMapping root, string mainPath)
    {
        var merged = new List<string>();
        foreach (var (path, strategy, location) in Entries(root))
        {
            if (SamePath(path, mainPath))
            {
                context.Error(ConfigDiagnosticCode.InvalidInclude, Key,
                    $"Config error: 'config_files' directive tried to recursively include main config file: {mainPath}.", location);
                continue;
            }
            var fullPath = context.Resolve(path);
            if (File.Exists(fullPath))
            {
                Include(root, path, strategy);
                merged.Add(path);
            }
            else if (Directory.Exists(fullPath))
            {
                foreach (var file in DirectoryFiles(path, fullPath))
                {
                    Include(root, file, strategy);
                    merged.Add(file);
                }
            }
        }
        return merged;
    }

    private IEnumerable<(string Path, ConfigMergeStrategy Strategy, ConfigLocation Location)> Entries(ConfigMapping root)
    {
        var node = root[Key];
        var items = node switch
        {
            null or ConfigScalar { IsNull: true } => [],
            ConfigScalar scalar => [scalar],
            ConfigSequence sequence => sequence.Items,
            _ => null,
        };
        if (items is null)
        {
            context.Error(ConfigDiagnosticCode.InvalidInclude, Key, $"expected a sequence of paths, found {node!.Describe()}", node.Location);
            yield break;
        }
        for (var i = 0; i < items.Count; i++)
        {
            var itemKey = $"{Key}[{i}]";
            switch (items[i])
            {
                case ConfigScalar scalar:
                    yield return (scalar.Text, ConfigMergeStrategy.Append, scalar.Location);
                    break;
                case ConfigMapping mapping when mapping["path"] is ConfigScalar path:
                    yield return (path.Text, Strategy(mapping, itemKey), path.Location);
                    break;
                case ConfigMapping mapping when mapping["path"] is { } path:
                    context.Error(ConfigDiagnosticCode.InvalidInclude, itemKey + ".path", $"expected a path, found {path.Describe()}", path.Location);
                    break;
                case ConfigMapping mapping:
                    context.Error(ConfigDiagnosticCode.InvalidInclude, itemKey, "an entry given as a mapping needs a 'path'", mapping.Location);
                    break;
                default:
                    context.Error(ConfigDiagnosticCode.InvalidInclude, itemKey, $"expected a path or a {{path, strategy}} mapping, found {items[i].Describe()}", items[i].Location);
                    break;
            }
        }
    }

    private ConfigMergeStrategy Strategy(ConfigMapping entry, string itemKey)
    {
        switch (entry["strategy"])
        {
            case null:
                return ConfigMergeStrategy.Append;
            case ConfigScalar { Text: "override" }:
                return ConfigMergeStrategy.Override;
            case ConfigScalar { Text: "add-only" }:
                return ConfigMergeStrategy.AddOnly;
            case ConfigScalar { Text: "append" }:
                return ConfigMergeStrategy.Append;
            case var other:
                context.Warning(ConfigDiagnosticCode.InvalidValue, itemKey + ".strategy",
                    $"unknown merge strategy {other.Describe()} (expected append, override or add-only); 'append' is used, as Falco does",
                    other.Location);
                return ConfigMergeStrategy.Append;
        }
    }

    private void Include(ConfigMapping root, string path, ConfigMergeStrategy strategy)
    {
        var included = context.ReadFile(path);
        if (included is null) return;
        foreach (var entry in included.Entries)
        {
            if (entry.Key == Key)
            {
                context.Error(ConfigDiagnosticCode.InvalidInclude, Key,
                    $"Config error: 'config_files' directive in included config file {path}.", entry.KeyLocation);
                continue;
            }
            switch (strategy)
            {
                case ConfigMergeStrategy.Append when entry.Value is ConfigSequence items:
                    AppendItems(root, entry, items);
                    break;
                case ConfigMergeStrategy.Append:
                case ConfigMergeStrategy.Override:
                    root.Set(entry.Key, entry.Value, entry.KeyLocation);
                    break;
                case ConfigMergeStrategy.AddOnly:
                    if (root.Find(entry.Key) is null) root.Entries.Add(entry);
                    break;
            }
        }
    }

    private void AppendItems(ConfigMapping root, ConfigEntry entry, ConfigSequence items)
    {
        var existing = root.Find(entry.Key);
        switch (existing?.Value)
        {
            case null:
                root.Entries.Add(new ConfigEntry(entry.Key, entry.KeyLocation, new ConfigSequence(items.Location, [.. items.Items])));
                break;
            case ConfigScalar { IsNull: true }:
                existing.Value = new ConfigSequence(items.Location, [.. items.Items]);
                break;
            case ConfigSequence sequence:
                sequence.Items.AddRange(items.Items);
                break;
            case var other:
                // yaml-cpp's BadPushback.
                context.Error(ConfigDiagnosticCode.InvalidInclude, entry.Key,
                    $"appending to a non-sequence: the value defined at {other.Location} is {other.Describe()}", entry.KeyLocation);
                break;
        }
    }

    private static IEnumerable<string> DirectoryFiles(string path, string fullPath)
    {
        IEnumerable<string> names;
        try
        {
            names = Directory.EnumerateFileSystemEntries(fullPath)
                .Where(File.Exists)
                .Select(Path.GetFileName)
                .OfType<string>()
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            names = [];
        }
        var prefix = path.EndsWith('/') ? path : path + "/";
        return names.Select(n => prefix + n).Order(StringComparer.Ordinal);
    }

    /// <summary>std::filesystem::path equality: element-wise, so repeated separators do not matter.</summary>
    private static bool SamePath(string a, string b) => Normalize(a) == Normalize(b);

    private static string Normalize(string path)
    {
        var collapsed = string.Join('/', path.Split('/').Where((p, i) => p.Length > 0 || i == 0));
        return path.EndsWith('/') && !collapsed.EndsWith('/') ? collapsed + "/" : collapsed;
    }
}
