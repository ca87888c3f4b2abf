namespace Peregrine.Plugins;

/// <summary>The check that rejected a plugin, in the order the loader applies them.</summary>
public enum PluginLoadStage
{
    /// <summary><c>dlopen</c> failed.</summary>
    OpenLibrary,

    /// <summary>The required API version is missing, malformed or incompatible.</summary>
    ApiVersion,

    /// <summary>One of the eight required symbols is missing.</summary>
    RequiredSymbols,

    /// <summary>The plugin's own version string is malformed.</summary>
    PluginInfo,

    /// <summary>Broken or no capabilities, or a reserved event source.</summary>
    Capabilities,

    /// <summary>The fields JSON is invalid.</summary>
    Fields,

    /// <summary>An event source or async event list is invalid.</summary>
    EventSources,

    /// <summary>The init schema or the init config was rejected.</summary>
    InitConfig,

    /// <summary><c>plugin_init</c> failed.</summary>
    Init,
}
