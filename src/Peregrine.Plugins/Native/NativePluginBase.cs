using Peregrine.Plugins.Abi;
using Peregrine.Plugins.Events;
using Peregrine.Plugins.Loading;

namespace Peregrine.Plugins.Native;

/// <summary>
/// What the 3.x plugin and the 2.0 adapter share: one plugin state (<c>ss_plugin_t*</c>), its
/// owner, the lock that serializes every call on the state and its streams, and the functions
/// whose signatures did not change between the two ABIs.
/// </summary>
internal abstract unsafe class NativePluginBase : IPlugin
{
    private readonly List<NativeStreamBase> _streams = [];
    private readonly delegate* unmanaged[Cdecl]<void*, void> _destroy;
    private readonly delegate* unmanaged[Cdecl]<void*, byte*> _getLastError;
    private readonly delegate* unmanaged[Cdecl]<void*, SsPluginRc*, byte*> _listOpenParams;
    private readonly delegate* unmanaged[Cdecl]<void*, byte*, SsPluginRc*, void*> _open;
    private bool _disposed;

    // The last source an extraction saw, and whether the plugin takes it: sources are interned,
    // so consecutive events of one source cost a reference comparison.
    private EventSourceName? _lastSource;
    private bool _lastSourceCompatible;

    protected NativePluginBase(NativePluginLibrary library, IPluginLogger? logger)
    {
        Library = library;
        Descriptor = library.Descriptor;
        Owner = new PluginOwner(Descriptor.Name, logger);
        var symbols = library.Symbols;
        _destroy = (delegate* unmanaged[Cdecl]<void*, void>)symbols[PluginSymbolNames.Destroy];
        _getLastError = (delegate* unmanaged[Cdecl]<void*, byte*>)symbols[PluginSymbolNames.GetLastError];
        _listOpenParams = (delegate* unmanaged[Cdecl]<void*, SsPluginRc*, byte*>)symbols[PluginSymbolNames.ListOpenParams];
        _open = (delegate* unmanaged[Cdecl]<void*, byte*, SsPluginRc*, void*>)symbols[PluginSymbolNames.Open];
        Close = (delegate* unmanaged[Cdecl]<void*, void*, void>)symbols[PluginSymbolNames.Close];
        GetProgress = (delegate* unmanaged[Cdecl]<void*, void*, uint*, byte*>)symbols[PluginSymbolNames.GetProgress];
        Fields = Descriptor.Fields.Select(f => new FieldSlot(f)).ToArray();
    }

    public PluginDescriptor Descriptor { get; }

    public PluginEventTypeSet ExtractEventTypes { get; protected set; } = PluginEventTypeSet.All;

    internal NativePluginLibrary Library { get; }

    /// <summary>What an extraction request needs to know about each field, in an array for the hot path.</summary>
    protected FieldSlot[] Fields { get; }

    internal PluginOwner Owner { get; }

    /// <summary>Serializes every call into this plugin state and its streams.</summary>
    internal PluginGate Gate { get; } = new();

    /// <summary>The plugin state; may legitimately be NULL if the plugin's init returned none.</summary>
    internal void* State { get; private set; }

    internal delegate* unmanaged[Cdecl]<void*, void*, void> Close { get; }

    internal delegate* unmanaged[Cdecl]<void*, void*, uint*, byte*> GetProgress { get; }

    /// <summary>
    /// The plugin's last error, copied; libsinsp's text when there is no state to ask.
    /// Call with <see cref="Gate"/> held.
    /// </summary>
    internal string LastErrorText() =>
        State != null ? NativeText.Copy(_getLastError(State)) : "plugin handle or 'get_last_error' function not defined";

    public IReadOnlyList<PluginOpenParam> ListOpenParams()
    {
        using (Gate.Enter())
        {
            ThrowIfDisposed();
            if (State == null || _listOpenParams == null)
            {
                return Array.Empty<PluginOpenParam>();
            }

            var rc = SsPluginRc.Failure;
            var previous = Owner.Enter();
            string json;
            try
            {
                json = NativeText.Copy(_listOpenParams(State, &rc));
            }
            finally
            {
                PluginOwner.Leave(previous);
            }

            if (rc != SsPluginRc.Success)
            {
                throw new PluginException(Descriptor.Name, $"error in plugin {Descriptor.Name}: list_open_params has error {LastErrorText()}");
            }

            return OpenParamsParser.Parse(Descriptor.Name, json);
        }
    }

    public IPluginStream Open(string? parameters)
    {
        if ((Descriptor.Capabilities & PluginCapabilities.Sourcing) == 0)
        {
            throw new PluginException(Descriptor.Name, $"plugin {Descriptor.Name} has not event sourcing capabilities and cannot be used as input.");
        }

        var parametersUtf8 = NativeText.PinnedUtf8Z(parameters ?? string.Empty);
        using (Gate.Enter())
        {
            ThrowIfDisposed();

            // Preset to FAILURE, as libscap does, so a plugin that forgets to set it has failed.
            var rc = SsPluginRc.Failure;
            void* instance;
            var previous = Owner.Enter();
            try
            {
                instance = _open(State, NativeText.PointerOf(parametersUtf8), &rc);
            }
            finally
            {
                PluginOwner.Leave(previous);
            }

            if (rc != SsPluginRc.Success)
            {
                var error = LastErrorText();

                // libscap closes the engine after a failed open, handing the plugin whatever it returned (maybe NULL).
                Close(State, instance);
                throw new PluginException(Descriptor.Name, error);
            }

            var stream = CreateStream(instance);
            _streams.Add(stream);
            return stream;
        }
    }

    public abstract bool Extract(in PluginEvent evt, ReadOnlySpan<PluginFieldRequest> requests, IPluginFieldSink sink);

    public string? EventToString(in PluginEvent evt)
    {
        if (!evt.IsPluginEvent || evt.PluginId != Descriptor.Id || Descriptor.Id == 0)
        {
            return null;
        }

        string text;
        using (Gate.Enter())
        {
            ThrowIfDisposed();
            text = State != null ? CallEventToString(evt) : string.Empty;
        }

        return text.Length > 0 ? text : PluginEventFormatter.Fallback(evt.Payload);
    }

    public void Dispose()
    {
        using (Gate.Enter())
        {
            if (_disposed)
            {
                return;
            }

            // Close what is still open before the state goes away, as libsinsp does.
            foreach (var stream in _streams.ToArray())
            {
                stream.CloseLocked();
            }

            _streams.Clear();
            if (State != null)
            {
                var previous = Owner.Enter();
                try
                {
                    _destroy(State);
                }
                finally
                {
                    PluginOwner.Leave(previous);
                }

                State = null;
            }

            _disposed = true;
            ReleaseResources();
        }

        // The owner handle must outlive destroy: plugins may log while shutting down.
        Owner.Dispose();
        Library.Release();
    }

    internal void Forget(NativeStreamBase stream) => _streams.Remove(stream);

    /// <summary>Sets the state returned by init; called by constructors only.</summary>
    protected void SetState(void* state) => State = state;

    /// <summary>
    /// Turns a failed init into the load error (destroying any state the plugin returned, which
    /// only exists so that its last error can be read) and releases the owner.
    /// </summary>
    protected PluginLoadException InitFailure()
    {
        var error = LastErrorText();
        if (State != null)
        {
            _destroy(State);
            State = null;
        }

        _disposed = true;
        ReleaseResources();
        Owner.Dispose();
        return PluginLoadException.Unprefixed(Library.Path, PluginLoadStage.Init, "could not initialize plugin: " + error, Descriptor.Name);
    }

    /// <summary>libsinsp's default for plugins that do not list event types.</summary>
    protected PluginEventTypeSet DefaultEventTypes() =>
        PluginDescriptor.IsCompatible(Descriptor.ExtractEventSources, EventSourceName.Syscall.Value)
            ? PluginEventTypeSet.All
            : PluginEventTypeSet.Of([PluginEventLayout.PluginEventType]);

    /// <summary>Whether the plugin extracts from events of <paramref name="source"/>. Call with <see cref="Gate"/> held.</summary>
    protected bool AcceptsSource(EventSourceName source)
    {
        if (!ReferenceEquals(source, _lastSource))
        {
            _lastSourceCompatible = Descriptor.IsExtractSourceCompatible(source.Value);
            _lastSource = source;
        }

        return _lastSourceCompatible;
    }

    protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>The slot of a requested field; a request for a field the plugin does not have is a caller bug.</summary>
    protected FieldSlot Slot(int index)
    {
        var fields = Fields;
        if ((uint)index >= (uint)fields.Length)
        {
            ThrowUnknownField(index);
        }

        return fields[index];
    }

    private void ThrowUnknownField(int index) =>
        throw new ArgumentOutOfRangeException("requests", $"plugin {Descriptor.Name} has no field #{index}");

    /// <summary>A field's name pointer, ABI type and list flag.</summary>
    protected readonly struct FieldSlot(PluginField field)
    {
        public readonly byte* Name = field.NameUtf8Z;
        public readonly PluginFieldType Type = field.Type;
        public readonly bool IsList = field.IsList;
    }

    /// <summary>Calls the plugin's event_to_string (with <see cref="Gate"/> held); empty when it has none.</summary>
    protected abstract string CallEventToString(in PluginEvent evt);

    protected abstract NativeStreamBase CreateStream(void* instance);

    /// <summary>Frees ABI buffers; called once, with <see cref="Gate"/> held, after destroy.</summary>
    protected abstract void ReleaseResources();

    public override string ToString() => $"{Descriptor} ({Library.Path})";
}
