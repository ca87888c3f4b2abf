namespace Peregrine.Plugins.Managed;

/// <summary>
/// The host's contract with a plugin written in C#: one object per plugin state, the managed
/// counterpart of the C ABI's <c>ss_plugin_t</c>. Peregrine.Sdk implements it for plugin authors,
/// who derive from its <c>Plugin</c> base class rather than implement this directly.
/// </summary>
/// <remarks>
/// The host serializes every call on one object and catches whatever it throws: an exception
/// is the plugin's FAILURE and its message the plugin's last error. A type implementing this
/// contract needs a public parameterless constructor; the host creates one object to read
/// <see cref="Describe"/> and one more for each initialization.
/// </remarks>
public interface IManagedPlugin : IDisposable
{
    /// <summary>The static information; called on an object that is never initialized.</summary>
    ManagedPluginInfo Describe();

    /// <summary><c>plugin_init</c>: <paramref name="config"/> has already passed the init schema.</summary>
    void Init(string config, IPluginLogger? logger);

    /// <summary><c>plugin_list_open_params</c> (sourcing plugins).</summary>
    IReadOnlyList<PluginOpenParam> ListOpenParams();

    /// <summary><c>plugin_open</c> (sourcing plugins).</summary>
    IManagedEventStream Open(string parameters);

    /// <summary>
    /// <c>plugin_extract_fields</c>: hands each requested value to <paramref name="sink"/>. The host
    /// has already checked the event type and source. Returns false on failure.
    /// </summary>
    bool Extract(in PluginEvent evt, ReadOnlySpan<PluginFieldRequest> requests, IPluginFieldSink sink);

    /// <summary><c>plugin_event_to_string</c>: empty when the plugin has no rendering of its own.</summary>
    string EventToString(in PluginEvent evt);
}
