namespace Peregrine.Engine.Configuration;

/// <summary>What the loader takes from its surroundings. The defaults are the process's own.</summary>
public sealed record ConfigurationLoadOptions
{
    public static ConfigurationLoadOptions Default { get; } = new();

    /// <summary>Looks up <c>${VAR}</c> in configuration files; null means "not set".</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>
    /// The directory that relative paths (<c>config_files</c>, <c>rules_files</c>) are relative to,
    /// as Falco resolves them against its working directory. Null means the current directory.
    /// Paths are reported as written either way.
    /// </summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// The plugins directory when the file has no <c>plugins_dir</c> key (Falco's built-in
    /// <c>FALCO_ENGINE_PLUGINS_DIR</c>); a packaging of Peregrine may change it here.
    /// </summary>
    public string DefaultPluginsDirectory { get; init; } = FalcoConfiguration.FalcoPluginsDirectory;

    /// <summary>Where <c>plugins</c> entries find the plugins shipped with Peregrine.</summary>
    public BundledPlugins BundledPlugins { get; init; } = BundledPlugins.Default;
}
