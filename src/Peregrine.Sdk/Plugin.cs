using Peregrine.Plugins.Managed;

namespace Peregrine.Sdk;

/// <summary>
/// The base class of a plugin written in C#. Derive from it (or from <see cref="Plugin{TConfig}"/>
/// to get a typed init config), give <see cref="Info"/>, and implement <see cref="ISourcingPlugin"/>,
/// <see cref="IExtractionPlugin"/> or both: the capabilities follow from the interfaces.
/// </summary>
/// <remarks>
/// One object is one plugin state: the host creates a fresh object for each initialization (and
/// one that is never initialized to read <see cref="Info"/> and the fields), so keep state in
/// instance members and have a public parameterless constructor. Calls on one object are never
/// concurrent. Anything thrown from plugin code is reported as the plugin's failure, with the
/// exception's message as the error text.
/// </remarks>
public abstract class Plugin : IManagedPlugin
{
    private readonly Utf8Scratch _scratch = new();
    private FieldDefinition[] _fields = [];

    /// <summary>Name, version and the rest of the static information.</summary>
    public abstract PluginInfo Info { get; }

    /// <summary>The host's logger, set before <see cref="OnInit(string)"/> (null: messages are dropped).</summary>
    protected IPluginLogger? Logger { get; private set; }

    /// <summary>Logs a message under the plugin's name.</summary>
    protected void Log(string message, PluginLogSeverity severity = PluginLogSeverity.Info)
    {
        try
        {
            Logger?.Log(severity, Info.Name, message);
        }
        catch (Exception)
        {
            // A logger must not break the plugin; the host's loggers do not throw anyway.
        }
    }

    /// <summary>Initializes the plugin with its raw init config (empty when none was given). Throw to refuse.</summary>
    protected virtual void OnInit(string config)
    {
    }

    /// <summary>The init schema; <see cref="Plugin{TConfig}"/> derives it from the config type.</summary>
    private protected virtual PluginInitSchema InitSchema => PluginInitSchema.None;

    /// <summary>Releases what the plugin holds (<c>plugin_destroy</c>).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the plugin holds.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    ManagedPluginInfo IManagedPlugin.Describe()
    {
        var info = Info;
        var caps = PluginCapabilities.None;
        if (this is ISourcingPlugin)
        {
            caps |= PluginCapabilities.Sourcing;
        }

        string? fieldsJson = null;
        string? extractSources = null;
        if (this is IExtractionPlugin extraction)
        {
            caps |= PluginCapabilities.Extraction;
            fieldsJson = FieldsJson.Write(extraction.Fields);
            extractSources = info.ExtractEventSources.Count == 0 ? null : FieldsJson.WriteStrings(info.ExtractEventSources);
        }

        return new ManagedPluginInfo
        {
            RequiredApiVersion = info.RequiredApiVersion,
            Name = info.Name,
            Description = info.Description,
            Contact = info.Contact,
            Version = info.Version,
            Capabilities = caps,
            Id = info.Id,
            EventSource = info.EventSource,
            FieldsJson = fieldsJson,
            ExtractEventSourcesJson = extractSources,
            InitSchema = InitSchema,
        };
    }

    void IManagedPlugin.Init(string config, IPluginLogger? logger)
    {
        Logger = logger;
        if (this is IExtractionPlugin extraction)
        {
            // Kept in an array: requests index it on the hot path.
            _fields = [.. extraction.Fields];
        }

        OnInit(config);
    }

    IReadOnlyList<PluginOpenParam> IManagedPlugin.ListOpenParams() =>
        this is ISourcingPlugin sourcing ? sourcing.ListOpenParams() : [];

    IManagedEventStream IManagedPlugin.Open(string parameters)
    {
        var sourcing = this as ISourcingPlugin ?? throw new InvalidOperationException($"plugin {Info.Name} is not a sourcing plugin");
        return new EventStreamAdapter(sourcing.Open(parameters), Info.Id);
    }

    bool IManagedPlugin.Extract(in PluginEvent evt, ReadOnlySpan<PluginFieldRequest> requests, IPluginFieldSink sink)
    {
        var extraction = (IExtractionPlugin)this;
        var fields = _fields;
        for (var i = 0; i < requests.Length; i++)
        {
            var request = requests[i];
            var field = fields[request.FieldIndex];
            var writer = new FieldWriter(sink, i, field, _scratch);
            extraction.Extract(evt, new FieldRequest(request.FieldIndex, field, request.Argument), ref writer);
            writer.Complete();
        }

        return true;
    }

    string IManagedPlugin.EventToString(in PluginEvent evt) =>
        (this as ISourcingPlugin)?.EventToString(evt) ?? string.Empty;
}
