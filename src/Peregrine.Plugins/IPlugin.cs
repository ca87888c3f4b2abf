namespace Peregrine.Plugins;

/// <summary>
/// An initialized plugin: the one view through which the engine uses any plugin, native (through
/// the C ABI) or managed (in-process). Disposing it destroys the plugin state, closing any stream
/// still open.
/// </summary>
/// <remarks>
/// <para>Threading: every call on one plugin and on its streams is serialized by the
/// implementation (a plugin may be called from one thread at a time). Different plugin instances,
/// including two instances of the same library, never share state and may be used concurrently.
/// For throughput the engine should use one instance per thread, as Falco does.</para>
/// <para>Hot path: <see cref="Extract"/> and <see cref="IPluginStream.NextBatch"/> neither allocate
/// nor marshal; events and values are views over memory the plugin owns.</para>
/// </remarks>
public interface IPlugin : IDisposable
{
    /// <summary>The static description (the same as the library's).</summary>
    PluginDescriptor Descriptor { get; }

    /// <summary>Event types the plugin extracts from, resolved after init.</summary>
    PluginEventTypeSet ExtractEventTypes { get; }

    /// <summary>
    /// The plugin's suggested open parameters (sourcing plugins; empty otherwise). Throws
    /// <see cref="PluginException"/> with Falco's text when the plugin reports an error or bad JSON.
    /// </summary>
    IReadOnlyList<PluginOpenParam> ListOpenParams();

    /// <summary>
    /// Opens an event stream. Throws <see cref="PluginException"/> with the plugin's error when it
    /// refuses, and when the plugin has no sourcing capability.
    /// </summary>
    IPluginStream Open(string? parameters);

    /// <summary>
    /// Extracts the requested fields from <paramref name="evt"/> in one plugin call and hands every
    /// value to <paramref name="sink"/> before returning. Returns false, with no value delivered, when
    /// the plugin does not take this event (its type or source is not one of the plugin's) or reports
    /// a failure. Requests must refer to fields of this plugin.
    /// </summary>
    bool Extract(in PluginEvent evt, ReadOnlySpan<PluginFieldRequest> requests, IPluginFieldSink sink);

    /// <summary>
    /// Renders an event of this plugin for <c>evt.plugininfo</c>: the plugin's <c>event_to_string</c>,
    /// or Falco's fallback (<c>datalen=&lt;n&gt; data=&lt;...&gt;</c>) when the plugin has none or returns
    /// an empty string. Returns null when the event is not a plugin event carrying this plugin's ID.
    /// </summary>
    string? EventToString(in PluginEvent evt);
}
