using Peregrine.Engine.Configuration.Tree;

namespace Peregrine.Engine.Configuration.Binding;

/// <summary><c>plugins</c>, <c>load_plugins</c> and Peregrine's <c>plugins_dir</c>.</summary>
internal sealed partial class ConfigurationBinder
{
    /// <summary>Falco's prefix for every problem with a <c>plugins</c> entry.</summary>
    private const string PluginsError = "could not load plugins config: ";

    private string BindPluginsDirectory()
    {
        var (directory, node) = String(root, "", "plugins_dir", context.Options.DefaultPluginsDirectory);
        if (directory.Length > 0) return directory;
        Invalid("plugins_dir", "expected a directory path, found an empty string", node);
        return context.Options.DefaultPluginsDirectory;
    }

    private IReadOnlyList<PluginConfig> BindPluginDefinitions(string pluginsDirectory)
    {
        var definitions = new List<PluginConfig>();
        var node = root["plugins"];
        if (node is ConfigMapping)
        {
            Invalid("plugins", PluginsError + "expected a sequence of plugin entries, found a mapping", node);
            return definitions;
        }
        var items = Items(node, "plugins", "a sequence of plugin entries");
        for (var i = 0; i < items.Count; i++)
        {
            if (BindPlugin(items[i], $"plugins[{i}]", pluginsDirectory) is { } plugin) definitions.Add(plugin);
        }
        return definitions;
    }

    private PluginConfig? BindPlugin(ConfigNode node, string key, string pluginsDirectory)
    {
        if (node is not ConfigMapping entry)
        {
            Invalid(key, PluginsError + $"expected a mapping with 'name' and 'library_path', found {node.Describe()}", node);
            return null;
        }
        var name = RequiredText(entry, key, "name");
        if (name is null) return null;
        string? rawLibraryPath, libraryPath;
        if (entry["library_path"] is null && context.Options.BundledPlugins.FindByName(name) is { } bundled)
        {
            // Peregrine: a bundled plugin needs no path.
            rawLibraryPath = "";
            libraryPath = bundled;
        }
        else
        {
            rawLibraryPath = RequiredText(entry, key, "library_path");
            if (rawLibraryPath is null) return null;
            libraryPath = ResolveLibraryPath(rawLibraryPath, pluginsDirectory, entry["library_path"]!, key);
            if (libraryPath is null) return null;
            libraryPath = context.Options.BundledPlugins.FindStandIn(libraryPath) ?? libraryPath;
        }

        var initConfig = "";
        switch (entry["init_config"])
        {
            case null or ConfigScalar { IsNull: true }:
                break;
            case ConfigScalar scalar:
                initConfig = scalar.Value;
                break;
            case var structured:
                initConfig = InitConfigJson.Convert(structured);
                break;
        }

        var openParams = "";
        switch (entry["open_params"])
        {
            case null or ConfigScalar { IsNull: true }:
                break;
            case ConfigScalar scalar:
                openParams = scalar.Value.Trim(' ', '\t', '\n', '\v', '\f', '\r');
                break;
            case var other:
                Invalid(key + ".open_params", PluginsError + $"expected a string, found {other.Describe()}", other);
                return null;
        }
        return new PluginConfig(name, libraryPath, rawLibraryPath, initConfig, openParams, entry.Location);
    }

    private string? RequiredText(ConfigMapping entry, string key, string name)
    {
        switch (entry[name])
        {
            case null:
                Invalid(key, PluginsError + $"a plugin entry needs a '{name}'", entry);
                return null;
            case ConfigScalar scalar:
                return scalar.Text;
            case var other:
                Invalid($"{key}.{name}", PluginsError + $"expected a string, found {other.Describe()}", other);
                return null;
        }
    }

    /// <summary>
    /// Falco 0.44: a relative <c>library_path</c> is joined to the plugins directory and normalized
    /// without touching the filesystem, and must stay inside that directory. An absolute or empty
    /// path is kept as written.
    /// </summary>
    private string? ResolveLibraryPath(string raw, string pluginsDirectory, ConfigNode node, string key)
    {
        if (raw.Length == 0 || raw[0] == '/') return raw;
        var joined = pluginsDirectory.EndsWith('/') ? pluginsDirectory + raw : pluginsDirectory + "/" + raw;
        var normalized = LexicalPath.Normalize(joined);
        if (LexicalPath.IsWithin(normalized, LexicalPath.Normalize(pluginsDirectory))) return normalized;
        Invalid(key + ".library_path",
            PluginsError + $"plugin library_path '{raw}' resolves outside the plugins directory ({pluginsDirectory})", node);
        return null;
    }

    /// <summary>
    /// <c>load_plugins</c>: absent, every entry loads in file order; present (even empty or null),
    /// only the named entries load, in its order. A name without an entry is an error.
    /// </summary>
    private (IReadOnlyList<string>? LoadPlugins, IReadOnlyList<PluginConfig> Plugins) SelectPlugins(IReadOnlyList<PluginConfig> definitions)
    {
        var entry = root.Find("load_plugins");
        if (entry is null) return (null, definitions);

        var names = new List<string>();
        var selected = new List<PluginConfig>();
        var items = Items(entry.Value, "load_plugins", "a sequence of plugin names");
        for (var i = 0; i < items.Count; i++)
        {
            if (ItemText(items[i], $"load_plugins[{i}]", "a plugin name") is not { } name) continue;
            names.Add(name);
            if (definitions.FirstOrDefault(p => p.Name == name) is { } plugin) selected.Add(plugin);
            else
                context.Error(ConfigDiagnosticCode.UnknownPlugin, $"load_plugins[{i}]",
                    $"Cannot load plugin '{name}': plugin config not found for given name", items[i].Location);
        }
        return (names, selected);
    }
}
