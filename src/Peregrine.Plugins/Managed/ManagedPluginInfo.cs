namespace Peregrine.Plugins.Managed;

/// <summary>
/// The static information of a managed plugin, in the form the C ABI gives it (strings and JSON
/// texts). Keeping the ABI's shape lets the host put managed and native plugins through the very
/// same checks, with the same messages.
/// </summary>
public sealed class ManagedPluginInfo
{
    /// <summary><c>plugin_get_required_api_version</c>.</summary>
    public required string RequiredApiVersion { get; init; }

    /// <summary><c>plugin_get_name</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>plugin_get_description</c>.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary><c>plugin_get_contact</c>.</summary>
    public string Contact { get; init; } = string.Empty;

    /// <summary><c>plugin_get_version</c>.</summary>
    public required string Version { get; init; }

    /// <summary>What the plugin implements (the native loader infers this from exported symbols).</summary>
    public required PluginCapabilities Capabilities { get; init; }

    /// <summary><c>plugin_get_id</c> (sourcing plugins; 0 for none).</summary>
    public uint Id { get; init; }

    /// <summary><c>plugin_get_event_source</c> (sourcing plugins with an ID).</summary>
    public string EventSource { get; init; } = string.Empty;

    /// <summary><c>plugin_get_fields</c> (extraction plugins).</summary>
    public string? FieldsJson { get; init; }

    /// <summary><c>plugin_get_extract_event_sources</c>; null when the plugin does not say.</summary>
    public string? ExtractEventSourcesJson { get; init; }

    /// <summary><c>plugin_get_init_schema</c>.</summary>
    public PluginInitSchema InitSchema { get; init; } = PluginInitSchema.None;
}
