using Peregrine.Rules.Collecting;

namespace Peregrine.Rules.Versions;

/// <summary>A loaded plugin as the requirement check sees it.</summary>
public sealed record LoadedPlugin(string Name, string Version);

/// <summary>
/// Checks <c>required_plugin_versions</c> against the loaded plugins, as Falco does: each group
/// (an entry plus its alternatives) is decided by its first entry whose name is loaded — that
/// plugin must have the same major version and be at least the required one. No 0.x exception.
/// Groups from all files all apply, so the strictest version demanded wins.
/// </summary>
public static class PluginRequirements
{
    /// <summary>Null when every group is satisfied, else Falco's message for the first one that is not.</summary>
    public static string? Check(IEnumerable<IReadOnlyList<PluginRequirement>> groups, IReadOnlyList<LoadedPlugin> plugins)
    {
        foreach (var group in groups)
        {
            var error = CheckGroup(group, plugins);
            if (error is not null) return error;
        }
        return null;
    }

    private static string? CheckGroup(IReadOnlyList<PluginRequirement> group, IReadOnlyList<LoadedPlugin> plugins)
    {
        foreach (var requirement in group)
        {
            foreach (var plugin in plugins)
            {
                if (plugin.Name != requirement.Name) continue;
                if (!SemVersion.TryParse(plugin.Version, out var loaded))
                    return $"Plugin '{plugin.Name}' has invalid version string '{plugin.Version}'";
                SemVersion.TryParse(requirement.Version, out var required);
                if (!loaded.IsCompatibleWith(required))
                    return $"Plugin '{plugin.Name}' version '{plugin.Version}' is not compatible with required plugin version '{requirement.Version}'";
                return null;
            }
        }
        return "Plugin requirement not satisfied, must load one of: "
               + string.Join(", ", group.Select(r => $"{r.Name} (>= {r.Version})"));
    }
}
