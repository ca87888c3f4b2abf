using System.Diagnostics.CodeAnalysis;
using System.Text;
using Peregrine.Plugins.Managed;

namespace Peregrine.Sdk.Testing;

/// <summary>
/// Runs a plugin in a unit test without the engine: loads it through the same host code as
/// Peregrine does (every check, the init schema, the event layout), reads its events or makes
/// events from payloads, and extracts fields by name. Values and events are copied, so they can be
/// kept and compared freely.
/// </summary>
/// <example>
/// <code>
/// using var host = PluginTestHost.Create&lt;MyPlugin&gt;("""{"rate": 5}""");
/// var events = host.ReadEvents("3");
/// Assert.Equal([42UL], host.Extract(events[0], "my.value"));
/// var made = host.CreateEvent("""{"value": 7}""");
/// Assert.Equal([[7UL], ["7"]], host.ExtractMany(made, "my.value", "my.text"));
/// </code>
/// </example>
public sealed class PluginTestHost : IDisposable, IPluginLogger
{
    private readonly List<CapturedLog> _logs = [];
    private readonly IPluginLibrary _library;
    private readonly IPlugin _plugin;
    private ulong _createdEvents;

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
    /// Makes an event carrying <paramref name="payload"/>, laid out as this plugin's stream would
    /// have produced it (a libscap plugin event with the plugin's ID). Use it to test extraction on
    /// payloads the plugin never produces itself, or by an extraction-only plugin, which has no
    /// stream to read from.
    /// </summary>
    /// <param name="payload">The event's data, in the plugin's own format.</param>
    /// <param name="timestamp">Nanoseconds since the epoch.</param>
    /// <param name="number">
    /// The event number. By default events made here are numbered 1, 2, ... as a stream numbers
    /// them: plugins may cache what they parsed per event number, so two different payloads with
    /// one number would look like one event; pass a number to test exactly that.
    /// </param>
    /// <param name="source">
    /// The event's source. By default the plugin's own source; for an extraction-only plugin, the
    /// first (in ordinal order) of the sources it extracts from, or <c>syscall</c> when it extracts from any.
    /// </param>
    public CapturedEvent CreateEvent(ReadOnlySpan<byte> payload, ulong timestamp = 0, ulong? number = null, string? source = null)
    {
        // The batch writes the layout, so that events made here are byte for byte what a stream adds.
        using var batch = new EventBatch(Descriptor.Id, capacity: 1);
        batch.TryAdd(payload, timestamp);
        var sourceName = source ?? DefaultSource();
        return EventBatchReader.Read(batch, sourceName, number ?? ++_createdEvents)[0];
    }

    /// <summary>
    /// Makes an event carrying <paramref name="payload"/> encoded as UTF-8, for plugins whose
    /// payloads are text (JSON, log lines); see <see cref="CreateEvent(ReadOnlySpan{byte}, ulong, ulong?, string?)"/>.
    /// </summary>
    public CapturedEvent CreateEvent(string payload, ulong timestamp = 0, ulong? number = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return CreateEvent(Encoding.UTF8.GetBytes(payload), timestamp, number, source);
    }

    /// <summary>
    /// Extracts <paramref name="field"/> (a name, optionally with an argument: <c>my.field[arg]</c>)
    /// from <paramref name="evt"/>. Returns the values (ulong, string, bool or
    /// <see cref="System.Net.IPAddress"/>; empty when the field has none), or null when the plugin
    /// fails or does not take the event. Throws <see cref="ArgumentException"/>, in the host's
    /// words, when the plugin has no such field or the argument is invalid.
    /// </summary>
    public IReadOnlyList<object>? Extract(CapturedEvent evt, string field) => ExtractMany(evt, field)?[0];

    /// <summary>
    /// Extracts several <paramref name="fields"/> from <paramref name="evt"/> in one plugin call, as
    /// the engine batches the fields a rule needs. That is how a plugin that parses an event once
    /// and answers every field from the result is really called. Returns each field's values, in the
    /// order of <paramref name="fields"/> (as <see cref="Extract(CapturedEvent, string)"/> does for
    /// one), or null when the plugin fails or does not take the event.
    /// </summary>
    public IReadOnlyList<object>[]? ExtractMany(CapturedEvent evt, params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var requests = Requests(fields);
        var collector = new ValueCollector(Descriptor, requests);
        return _plugin.Extract(evt.View, requests, collector) ? collector.Values : null;
    }

    /// <summary>
    /// Measures the memory that extracting <paramref name="fields"/> from <paramref name="evt"/>
    /// costs once warm: the engine extracts from every event, so a plugin should allocate nothing
    /// there. Makes <paramref name="times"/> unmeasured warm-up calls (JIT tiers, first-use caches,
    /// buffers growing to size), then <paramref name="times"/> measured ones into a sink that keeps
    /// nothing, with nothing else in the loop (assertions allocate, so they come after). Every call
    /// extracts from the same event, so a plugin that caches its parse per event number parses once,
    /// during the warm-up: what is measured is answering the fields.
    /// </summary>
    /// <param name="evt">The event every call extracts from.</param>
    /// <param name="fields">The fields, named as in <see cref="Extract(CapturedEvent, string)"/>, parsed once before measuring.</param>
    /// <param name="times">How many calls to measure.</param>
    public ExtractionCost MeasureExtraction(CapturedEvent evt, IReadOnlyList<string> fields, int times = 100)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        var requests = Requests(fields);
        var view = evt.View;
        var sink = new CountingFieldSink();
        for (var i = 0; i < times; i++)
        {
            _plugin.Extract(view, requests, sink);
        }

        sink.Reset();
        var failures = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < times; i++)
        {
            if (!_plugin.Extract(view, requests, sink))
            {
                failures++;
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return new ExtractionCost(allocated, sink.Count, failures);
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

    private PluginFieldRequest[] Requests(IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return [.. fields.Select(field => FieldRequestParser.Parse(Descriptor, field))];
    }

    private string DefaultSource() =>
        Descriptor.SourceName?.Value
        ?? Descriptor.ExtractEventSources.Order(StringComparer.Ordinal).FirstOrDefault()
        ?? EventSourceName.Syscall.Value;

    void IPluginLogger.Log(PluginLogSeverity severity, string component, string message)
    {
        lock (_logs)
        {
            _logs.Add(new CapturedLog(severity, component, message));
        }
    }
}
