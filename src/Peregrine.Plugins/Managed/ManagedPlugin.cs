using Peregrine.Plugins.Abi;
using Peregrine.Plugins.Events;
using Peregrine.Plugins.Native;

namespace Peregrine.Plugins.Managed;

/// <summary>
/// An initialized managed plugin behind the same <see cref="IPlugin"/> as a native one: the same
/// lock discipline, routing checks and error texts. Calls go straight to the plugin object, with
/// no marshalling; an exception from plugin code is the plugin's FAILURE and its message the
/// plugin's last error, so plugin bugs never escape as anything else than the native errors.
/// </summary>
internal sealed class ManagedPlugin : IPlugin
{
    private readonly ManagedPluginLibrary _library;
    private readonly IManagedPlugin _plugin;
    private readonly List<ManagedPluginStream> _streams = [];
    private readonly int _fieldCount;
    private EventSourceName? _lastSource;
    private bool _lastSourceCompatible;
    private bool _disposed;

    public ManagedPlugin(ManagedPluginLibrary library, Func<IManagedPlugin> factory, string config, IPluginLogger? logger)
    {
        _library = library;
        Descriptor = library.Descriptor;
        _fieldCount = Descriptor.Fields.Count;
        IManagedPlugin? plugin = null;
        try
        {
            plugin = factory();
            plugin.Init(config, logger);
        }
        catch (Exception e)
        {
            DisposeQuietly(plugin);
            throw PluginLoadException.Unprefixed(library.Path, PluginLoadStage.Init, "could not initialize plugin: " + Unwrap(e).Message, Descriptor.Name);
        }

        _plugin = plugin;

        // libsinsp's default for plugins that do not list event types.
        ExtractEventTypes = PluginDescriptor.IsCompatible(Descriptor.ExtractEventSources, EventSourceName.Syscall.Value)
            ? PluginEventTypeSet.All
            : PluginEventTypeSet.Of([PluginEventLayout.PluginEventType]);
    }

    public PluginDescriptor Descriptor { get; }

    public PluginEventTypeSet ExtractEventTypes { get; }

    /// <summary>The message of the last exception thrown by plugin code (empty before any).</summary>
    public string LastError { get; private set; } = string.Empty;

    internal PluginGate Gate { get; } = new();

    internal IManagedPlugin Plugin => _plugin;

    public IReadOnlyList<PluginOpenParam> ListOpenParams()
    {
        using (Gate.Enter())
        {
            ThrowIfDisposed();
            if (!Descriptor.Has(PluginCapabilities.Sourcing))
            {
                return Array.Empty<PluginOpenParam>();
            }

            try
            {
                return _plugin.ListOpenParams();
            }
            catch (Exception e)
            {
                Fail(e);
                throw new PluginException(Descriptor.Name, $"error in plugin {Descriptor.Name}: list_open_params has error {LastError}", e);
            }
        }
    }

    public IPluginStream Open(string? parameters)
    {
        if (!Descriptor.Has(PluginCapabilities.Sourcing))
        {
            throw new PluginException(Descriptor.Name, $"plugin {Descriptor.Name} has not event sourcing capabilities and cannot be used as input.");
        }

        using (Gate.Enter())
        {
            ThrowIfDisposed();
            IManagedEventStream opened;
            try
            {
                opened = _plugin.Open(parameters ?? string.Empty);
            }
            catch (Exception e)
            {
                Fail(e);
                throw new PluginException(Descriptor.Name, LastError, e);
            }

            var stream = new ManagedPluginStream(this, opened);
            _streams.Add(stream);
            return stream;
        }
    }

    public bool Extract(in PluginEvent evt, ReadOnlySpan<PluginFieldRequest> requests, IPluginFieldSink sink)
    {
        if (!Descriptor.Has(PluginCapabilities.Extraction))
        {
            throw new InvalidOperationException($"plugin {Descriptor.Name} has no field extraction capability");
        }

        if (requests.IsEmpty)
        {
            return true;
        }

        if (!ExtractEventTypes.Contains(evt.Type))
        {
            return false;
        }

        using (Gate.Enter())
        {
            ThrowIfDisposed();
            if (!AcceptsSource(evt.Source))
            {
                return false;
            }

            foreach (var request in requests)
            {
                if ((uint)request.FieldIndex >= (uint)_fieldCount)
                {
                    ThrowUnknownField(request.FieldIndex);
                }
            }

            try
            {
                return _plugin.Extract(evt, requests, sink);
            }
            catch (Exception e)
            {
                Fail(e);
                return false;
            }
        }
    }

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
            try
            {
                text = _plugin.EventToString(evt) ?? string.Empty;
            }
            catch (Exception e)
            {
                Fail(e);
                text = string.Empty;
            }
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

            // Close what is still open before the state goes away, as for native plugins.
            foreach (var stream in _streams.ToArray())
            {
                stream.CloseLocked();
            }

            _streams.Clear();
            DisposeQuietly(_plugin);
            _disposed = true;
        }

        _library.Release();
    }

    /// <summary>Records a plugin exception as the last error. Call with <see cref="Gate"/> held.</summary>
    internal void Fail(Exception e) => LastError = Unwrap(e).Message;

    internal void Forget(ManagedPluginStream stream) => _streams.Remove(stream);

    private bool AcceptsSource(EventSourceName source)
    {
        if (!ReferenceEquals(source, _lastSource))
        {
            _lastSourceCompatible = Descriptor.IsExtractSourceCompatible(source.Value);
            _lastSource = source;
        }

        return _lastSourceCompatible;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private void ThrowUnknownField(int index) =>
        throw new ArgumentOutOfRangeException("requests", $"plugin {Descriptor.Name} has no field #{index}");

    private static Exception Unwrap(Exception e) =>
        e is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : e;

    private static void DisposeQuietly(IDisposable? disposable)
    {
        try
        {
            disposable?.Dispose();
        }
        catch (Exception)
        {
            // A plugin failing to clean up has nobody left to report to, as with a native destroy.
        }
    }

    public override string ToString() => $"{Descriptor} ({_library.Path})";
}
