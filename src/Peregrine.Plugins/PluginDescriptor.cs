namespace Peregrine.Plugins;

/// <summary>
/// Everything that is known about a plugin before it is initialized: identity, capabilities,
/// fields and source lists. For a native plugin it is read and validated at load time, exactly
/// as libsinsp does when it registers a plugin.
/// </summary>
public sealed class PluginDescriptor
{
    private readonly Dictionary<string, int> _fieldIndexes;

    /// <summary>Creates a descriptor. Field indexes must equal their positions in <paramref name="fields"/>.</summary>
    public PluginDescriptor(
        string location,
        PluginAbiVersion abi,
        string name,
        string description,
        string contact,
        PluginVersion version,
        string versionText,
        string requiredApiVersion,
        PluginCapabilities capabilities,
        uint id,
        string eventSource,
        IReadOnlyList<PluginField> fields,
        IReadOnlySet<string> extractEventSources,
        IReadOnlySet<string> parseEventSources,
        IReadOnlySet<string> asyncEventSources,
        IReadOnlySet<string> asyncEvents,
        PluginInitSchema initSchema)
    {
        Location = location;
        Abi = abi;
        Name = name;
        Description = description;
        Contact = contact;
        Version = version;
        VersionText = versionText;
        RequiredApiVersion = requiredApiVersion;
        Capabilities = capabilities;
        Id = id;
        EventSource = eventSource;
        Fields = fields;
        ExtractEventSources = extractEventSources;
        ParseEventSources = parseEventSources;
        AsyncEventSources = asyncEventSources;
        AsyncEvents = asyncEvents;
        InitSchema = initSchema;
        _fieldIndexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Index != i)
            {
                throw new ArgumentException($"field {fields[i].Name} has index {fields[i].Index} but is at position {i}", nameof(fields));
            }

            // libsinsp does not reject duplicate names inside one plugin; the first one wins a lookup.
            _fieldIndexes.TryAdd(fields[i].Name, i);
        }

        SourceName = (capabilities & PluginCapabilities.Sourcing) != 0
            ? (id != 0 ? EventSourceName.Get(eventSource) : EventSourceName.Syscall)
            : null;
    }

    /// <summary>Where the plugin came from: the library path given to the loader.</summary>
    public string Location { get; }

    /// <summary>The ABI the plugin is driven through.</summary>
    public PluginAbiVersion Abi { get; }

    /// <summary><c>plugin_get_name</c>.</summary>
    public string Name { get; }

    /// <summary><c>plugin_get_description</c>.</summary>
    public string Description { get; }

    /// <summary><c>plugin_get_contact</c>.</summary>
    public string Contact { get; }

    /// <summary>The plugin's own version, parsed.</summary>
    public PluginVersion Version { get; }

    /// <summary>The plugin's own version as it reported it.</summary>
    public string VersionText { get; }

    /// <summary>The API version the plugin requires, as it reported it.</summary>
    public string RequiredApiVersion { get; }

    /// <summary>What the plugin can do.</summary>
    public PluginCapabilities Capabilities { get; }

    /// <summary>Whether the plugin has <paramref name="capability"/>.</summary>
    public bool Has(PluginCapabilities capability) => (Capabilities & capability) == capability;

    /// <summary>The plugin ID of a sourcing plugin with a specific source, otherwise 0.</summary>
    public uint Id { get; }

    /// <summary>The event source of a sourcing plugin with a non-zero ID, otherwise empty.</summary>
    public string EventSource { get; }

    /// <summary>
    /// The source of the events this plugin produces: its <see cref="EventSource"/> for a plugin
    /// with an ID, "syscall" for an ID-0 sourcing plugin, null without the sourcing capability.
    /// </summary>
    public EventSourceName? SourceName { get; }

    /// <summary>Extractable fields, in declaration order (empty without the extraction capability).</summary>
    public IReadOnlyList<PluginField> Fields { get; }

    /// <summary>Sources the plugin extracts from; empty means every source. A sourcing plugin's own source is included.</summary>
    public IReadOnlySet<string> ExtractEventSources { get; }

    /// <summary>Sources the plugin parses (parsing capability); empty means every source.</summary>
    public IReadOnlySet<string> ParseEventSources { get; }

    /// <summary>Sources the plugin's async events may be injected into; empty means every source.</summary>
    public IReadOnlySet<string> AsyncEventSources { get; }

    /// <summary>Names of the async events the plugin may push.</summary>
    public IReadOnlySet<string> AsyncEvents { get; }

    /// <summary>The init config schema.</summary>
    public PluginInitSchema InitSchema { get; }

    /// <summary>Finds a field by exact name.</summary>
    public PluginField? FindField(string name) =>
        _fieldIndexes.TryGetValue(name, out var index) ? Fields[index] : null;

    /// <summary>Whether the plugin extracts from events of <paramref name="source"/> (libsinsp's <c>is_source_compatible</c>).</summary>
    public bool IsExtractSourceCompatible(string source) => IsCompatible(ExtractEventSources, source);

    /// <summary>libsinsp's rule: a set is compatible with a source when it is empty or contains it.</summary>
    public static bool IsCompatible(IReadOnlySet<string> sources, string source)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return sources.Count == 0 || sources.Contains(source);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name}@{VersionText}";
}
