using Peregrine.Engine.Configuration.Binding;
using Peregrine.Engine.Configuration.Tree;

namespace Peregrine.Engine.Configuration;

/// <summary>
/// Loads <c>falco.yaml</c> the way Falco 0.44 does (<c>falco_configuration::init_from_file</c>):
/// <list type="number">
/// <item>read the main file, substituting <c>${VAR}</c> environment variables;</item>
/// <item>apply the <c>-o config_files...</c> options;</item>
/// <item>merge the files listed in <c>config_files</c> (each with its own variables substituted);</item>
/// <item>apply the other <c>-o key=value</c> options, in order;</item>
/// <item>check the keys (unknown, removed, duplicate keys are warnings) and bind the values
/// (a wrong value is an error).</item>
/// </list>
/// Nothing is thrown to the caller: the result carries the configuration or the errors.
/// </summary>
public static class ConfigurationLoader
{
    private const string ConfigFilesKey = "config_files";

    /// <summary>Loads a configuration file (<c>-c</c>) with the <c>-o</c> options of the command line.</summary>
    public static ConfigurationLoadResult Load(string path, IReadOnlyList<string> overrides, ConfigurationLoadOptions? options = null)
    {
        var context = new ConfigLoadContext(options ?? ConfigurationLoadOptions.Default);
        var root = context.ReadFile(path);
        if (context.HasErrors) return Finish(context, null, [path]);
        root ??= new ConfigMapping(ConfigLocation.File(path), []);

        var cmdlineIncludes = overrides.Where(o => o.StartsWith(ConfigFilesKey, StringComparison.Ordinal)).ToList();
        ApplyOverrides(context, root, cmdlineIncludes);
        var included = new ConfigIncludes(context).Merge(root, path);
        ApplyOverrides(context, root, overrides.Where(o => !o.StartsWith(ConfigFilesKey, StringComparison.Ordinal)));
        return Bind(context, root, [path, .. included]);
    }

    /// <summary>
    /// Loads configuration text instead of a file, as Falco's <c>init_from_content</c> (used when
    /// no configuration file is given): variables are substituted and <c>-o</c> options applied,
    /// but <c>config_files</c> is not followed. <paramref name="name"/> names the text in messages.
    /// </summary>
    public static ConfigurationLoadResult LoadContent(string content, IReadOnlyList<string> overrides, string name = "default", ConfigurationLoadOptions? options = null)
    {
        var context = new ConfigLoadContext(options ?? ConfigurationLoadOptions.Default);
        var root = context.ReadContent(content, name);
        if (context.HasErrors) return Finish(context, null, [name]);
        root ??= new ConfigMapping(ConfigLocation.File(name), []);
        ApplyOverrides(context, root, overrides);
        return Bind(context, root, [name]);
    }

    private static void ApplyOverrides(ConfigLoadContext context, ConfigMapping root, IEnumerable<string> overrides)
    {
        foreach (var option in overrides)
        {
            try
            {
                CommandLineOverride.Apply(root, option);
            }
            catch (ConfigLoadException e)
            {
                context.Add(e.ToDiagnostic());
            }
        }
    }

    private static ConfigurationLoadResult Bind(ConfigLoadContext context, ConfigMapping root, IReadOnlyList<string> files)
    {
        new KeyChecker(context).Check(root);
        var configuration = new ConfigurationBinder(root, context, files).Bind();
        return Finish(context, context.HasErrors ? null : configuration, files);
    }

    private static ConfigurationLoadResult Finish(ConfigLoadContext context, FalcoConfiguration? configuration, IReadOnlyList<string> files)
    {
        var loaded = files
            .Select(f => new LoadedConfigFile(f, context.Diagnostics.Any(d => d.Location?.Source == f) ? "failed" : "ok"))
            .ToList();
        return new ConfigurationLoadResult(configuration, context.Diagnostics, loaded);
    }
}
