namespace Peregrine.Sdk;

/// <summary>
/// What a plugin says about itself (<c>plugin_get_name</c>, <c>plugin_get_version</c>...). The host
/// checks it as it checks a native plugin's: versions are <c>major.minor.patch</c>, a sourcing
/// plugin with an <see cref="Id"/> needs an <see cref="EventSource"/> other than "syscall".
/// </summary>
public sealed record PluginInfo
{
    /// <summary>The plugin API version the SDK implements; the default <see cref="RequiredApiVersion"/>.</summary>
    public const string SdkApiVersion = "3.0.0";

    /// <summary>Plugin name, unique among loaded plugins.</summary>
    public required string Name { get; init; }

    /// <summary>The plugin's own version, <c>major.minor.patch</c>.</summary>
    public required string Version { get; init; }

    /// <summary>One-line description.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Where to reach the authors.</summary>
    public string Contact { get; init; } = string.Empty;

    /// <summary>The plugin API version the plugin needs; 3.x only.</summary>
    public string RequiredApiVersion { get; init; } = SdkApiVersion;

    /// <summary>The registered plugin ID of a sourcing plugin (0: it produces "syscall" events).</summary>
    public uint Id { get; init; }

    /// <summary>The event source of a sourcing plugin with an ID, e.g. <c>dummy</c>.</summary>
    public string EventSource { get; init; } = string.Empty;

    /// <summary>Sources an extraction plugin takes events from; empty means every source (its own always included).</summary>
    public IReadOnlyList<string> ExtractEventSources { get; init; } = [];
}
