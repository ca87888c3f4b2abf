namespace Peregrine.Plugins;

/// <summary>
/// A loaded and validated plugin, before initialization: its static description, and the factory
/// of initialized instances. Falco reads this static information first (to build field catalogs
/// and check plugins against each other), then initializes the same library once per event
/// source that needs it. Every <see cref="Initialize"/> call creates an independent plugin state.
/// </summary>
public interface IPluginLibrary : IDisposable
{
    /// <summary>The static description.</summary>
    PluginDescriptor Descriptor { get; }

    /// <summary>
    /// Validates <paramref name="initConfig"/> against the plugin's init schema and initializes a
    /// new plugin state. Throws <see cref="PluginLoadException"/> with Falco's text when the config
    /// is rejected or init fails.
    /// </summary>
    /// <param name="initConfig">The init config: a plain string, or JSON (Falco serialises a YAML map to JSON). Null is the empty string.</param>
    /// <param name="logger">Receives the plugin's log messages; null discards them.</param>
    IPlugin Initialize(string? initConfig, IPluginLogger? logger = null);
}
