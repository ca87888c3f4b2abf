using System.Diagnostics.CodeAnalysis;
using Peregrine.Plugins.Managed;

namespace Peregrine.Sdk.Testing;

/// <summary>
/// Runs a plugin in a unit test without the engine: loads it through the same host code as
/// Peregrine does (every check, the init schema, the event layout), reads its events and extracts
/// fields by name. Values and events are copied, so they can be kept and compared freely.
/// </summary>
/// <example>
/// <code>
/// using var host = PluginTestHost.Create&lt;MyPlugin&gt;("""{"rate": 5}""");
/// var events = host.ReadEvents("3");
/// Assert.Equal([42UL], host.Extract(events[0], "my.value"));
/// </code>
/// </example>
public sealed class PluginTestHost : IDisposable, IPluginLogger
{
    private readonly List<CapturedLog> _logs = [];
    private readonly IPluginLibrary _library;
    private readonly IPlugin _plugin;

    private PluginTestHost(IPluginLibrary library, string? config)
    {
        _library = library;
        try
        {
            _plugin = library.Initialize(config, this);
        }
        catch
        {
            library.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads and initializes <typeparamref name="TPlugin"/> with <paramref name="config"/>. Throws
    /// <see cref="PluginLoadException"/> with the host's message when the plugin or config is rejected.
    /// </summary>
    public static PluginTestHost Create<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TPlugin>(string? config = null)
        where TPlugin : IManagedPlugin, new() =>
        new(PluginLoader.LoadManaged<TPlugin>(), config);

    /// <summary>The initialized plugin, as the engine sees it.</summary>
    public IPlugin Plugin => _plugin;

    /// <summary>What the host read and checked.</summary>
    public PluginDescriptor Descriptor => _plugin.Descriptor;

    /// <summary>Messages the plugin logged so far.</summary>
    public IReadOnlyList<CapturedLog> Logs
    {
        get
        {
            lock (_logs)
            {
                return [.. _logs];
            }
        }
    }

    /// <summary>
    /// Opens a stream with <paramref name="openParams"/> and reads it until EOF or
    /// <paramref name="maxEvents"/> events. A timeout polls again (at most <paramref name="maxTimeouts"/>
    /// times in a row); a failure throws <see cref="PluginException"/> with the stream's last error.
    /// </summary>
    public IReadOnlyList<CapturedEvent> ReadEvents(string openParams = "", int maxEvents = 100_000, int maxTimeouts = 1000)
    {
        var events = new List<CapturedEvent>();
        using var stream = _plugin.Open(openParams);
        var timeouts = 0;
        while (events.Count < maxEvents)
        {
            switch (stream.NextBatch(out var batch))
            {
                case PluginBatchStatus.Success:
                    timeouts = 0;
                    foreach (var evt in batch)
                    {
                        events.Add(new CapturedEvent(evt));
                    }

                    break;
                case PluginBatchStatus.Timeout when ++timeouts <= maxTimeouts:
                    break;
                case PluginBatchStatus.Timeout:
                case PluginBatchStatus.Eof:
                    return events;
                default:
                    throw new PluginException(Descriptor.Name, stream.LastError);
            }
        }

        return events;
    }

    /// <summary>
    /// Extracts <paramref name="field"/> (a name, optionally with an argument: <c>my.field[arg]</c>)
    /// from <paramref name="evt"/>. Returns the values (ulong, string, bool or
    /// <see cref="System.Net.IPAddress"/>; empty when the field has none), or null when the plugin
    /// fails or does not take the event.
    /// </summary>
    public IReadOnlyList<object>? Extract(CapturedEvent evt, string field)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(field);
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? field : field[..bracket];
        var definition = Descriptor.FindField(name) ?? throw new ArgumentException($"plugin {Descriptor.Name} has no field {name}", nameof(field));
        var argument = PluginFieldArgument.None;
        if (bracket >= 0)
        {
            if (!field.EndsWith(']'))
            {
                throw new ArgumentException($"field {field} has no closing bracket", nameof(field));
            }

            if (!PluginFieldArgument.TryCreate(definition, field[(bracket + 1)..^1], out argument, out var error))
            {
                throw new ArgumentException($"field {name} {error}", nameof(field));
            }
        }

        var collector = new ValueCollector(definition.Type);
        PluginFieldRequest[] requests = [new(definition.Index, argument)];
        return _plugin.Extract(evt.View, requests, collector) ? collector.Values : null;
    }

    /// <summary>The plugin's rendering of <paramref name="evt"/> (<c>evt.plugininfo</c>).</summary>
    public string? EventToString(CapturedEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return _plugin.EventToString(evt.View);
    }

    /// <summary>Destroys the plugin.</summary>
    public void Dispose()
    {
        _plugin.Dispose();
        _library.Dispose();
    }

    void IPluginLogger.Log(PluginLogSeverity severity, string component, string message)
    {
        lock (_logs)
        {
            _logs.Add(new CapturedLog(severity, component, message));
        }
    }
}
