using Peregrine.Plugins.Abi;

namespace Peregrine.Plugins.Native;

/// <summary>
/// The result of looking up every known <c>plugin_*</c> symbol in a library: NULL for each one it
/// does not export. Capabilities are inferred from this table alone, and the typed vtables for
/// the 3.x and 2.0 ABIs are built from it.
/// </summary>
internal sealed unsafe class NativeSymbolTable
{
    /// <summary>Every symbol the loader resolves, in libs' resolution order.</summary>
    public static readonly string[] AllNames =
    [
        PluginSymbolNames.GetRequiredApiVersion, PluginSymbolNames.GetVersion, PluginSymbolNames.GetLastError,
        PluginSymbolNames.GetName, PluginSymbolNames.GetDescription, PluginSymbolNames.GetContact,
        PluginSymbolNames.GetInitSchema, PluginSymbolNames.Init, PluginSymbolNames.Destroy,
        PluginSymbolNames.GetId, PluginSymbolNames.GetEventSource, PluginSymbolNames.Open, PluginSymbolNames.Close,
        PluginSymbolNames.NextBatch, PluginSymbolNames.GetProgress, PluginSymbolNames.ListOpenParams,
        PluginSymbolNames.EventToString, PluginSymbolNames.GetFields, PluginSymbolNames.ExtractFields,
        PluginSymbolNames.GetExtractEventSources, PluginSymbolNames.GetExtractEventTypes,
        PluginSymbolNames.GetParseEventTypes, PluginSymbolNames.GetParseEventSources, PluginSymbolNames.ParseEvent,
        PluginSymbolNames.GetAsyncEventSources, PluginSymbolNames.GetAsyncEvents, PluginSymbolNames.SetAsyncEventHandler,
        PluginSymbolNames.DumpState, PluginSymbolNames.SetConfig, PluginSymbolNames.GetMetrics,
        PluginSymbolNames.CaptureOpen, PluginSymbolNames.CaptureClose, PluginSymbolNames.GetRequiredEventSchemaVersion,
    ];

    /// <summary>The eight symbols every plugin must export, in the order libs checks them.</summary>
    public static readonly string[] RequiredNames =
    [
        PluginSymbolNames.GetRequiredApiVersion, PluginSymbolNames.GetVersion, PluginSymbolNames.GetName,
        PluginSymbolNames.GetDescription, PluginSymbolNames.GetContact, PluginSymbolNames.Init,
        PluginSymbolNames.Destroy, PluginSymbolNames.GetLastError,
    ];

    private readonly Dictionary<string, nint> _symbols;

    private NativeSymbolTable(Dictionary<string, nint> symbols) => _symbols = symbols;

    /// <summary>Resolves every known symbol in <paramref name="handle"/>.</summary>
    public static NativeSymbolTable Resolve(void* handle)
    {
        var symbols = new Dictionary<string, nint>(AllNames.Length, StringComparer.Ordinal);
        foreach (var name in AllNames)
        {
            symbols[name] = (nint)LibDl.Symbol(handle, name);
        }

        return new NativeSymbolTable(symbols);
    }

    /// <summary>The address of <paramref name="name"/>, or 0.</summary>
    public nint this[string name] => _symbols[name];

    /// <summary>Whether the library exports <paramref name="name"/>.</summary>
    public bool Has(string name) => _symbols[name] != 0;

    /// <summary>The API 3.x vtable.</summary>
    public PluginApi ToApi() => new()
    {
        GetRequiredApiVersion = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetRequiredApiVersion],
        GetInitSchema = (delegate* unmanaged[Cdecl]<SsPluginSchemaType*, byte*>)this[PluginSymbolNames.GetInitSchema],
        Init = (delegate* unmanaged[Cdecl]<SsPluginInitInput*, SsPluginRc*, void*>)this[PluginSymbolNames.Init],
        Destroy = (delegate* unmanaged[Cdecl]<void*, void>)this[PluginSymbolNames.Destroy],
        GetLastError = (delegate* unmanaged[Cdecl]<void*, byte*>)this[PluginSymbolNames.GetLastError],
        GetName = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetName],
        GetDescription = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetDescription],
        GetContact = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetContact],
        GetVersion = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetVersion],
        GetId = (delegate* unmanaged[Cdecl]<uint>)this[PluginSymbolNames.GetId],
        GetEventSource = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetEventSource],
        Open = (delegate* unmanaged[Cdecl]<void*, byte*, SsPluginRc*, void*>)this[PluginSymbolNames.Open],
        Close = (delegate* unmanaged[Cdecl]<void*, void*, void>)this[PluginSymbolNames.Close],
        ListOpenParams = (delegate* unmanaged[Cdecl]<void*, SsPluginRc*, byte*>)this[PluginSymbolNames.ListOpenParams],
        GetProgress = (delegate* unmanaged[Cdecl]<void*, void*, uint*, byte*>)this[PluginSymbolNames.GetProgress],
        EventToString = (delegate* unmanaged[Cdecl]<void*, SsPluginEventInput*, byte*>)this[PluginSymbolNames.EventToString],
        NextBatch = (delegate* unmanaged[Cdecl]<void*, void*, uint*, SsPluginEvent***, SsPluginRc>)this[PluginSymbolNames.NextBatch],
        GetExtractEventTypes = (delegate* unmanaged[Cdecl]<uint*, void*, ushort*>)this[PluginSymbolNames.GetExtractEventTypes],
        GetExtractEventSources = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetExtractEventSources],
        GetFields = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetFields],
        ExtractFields = (delegate* unmanaged[Cdecl]<void*, SsPluginEventInput*, SsPluginFieldExtractInput*, SsPluginRc>)this[PluginSymbolNames.ExtractFields],
        GetParseEventTypes = (delegate* unmanaged[Cdecl]<uint*, void*, ushort*>)this[PluginSymbolNames.GetParseEventTypes],
        GetParseEventSources = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetParseEventSources],
        ParseEvent = (delegate* unmanaged[Cdecl]<void*, SsPluginEventInput*, SsPluginEventParseInput*, SsPluginRc>)this[PluginSymbolNames.ParseEvent],
        GetAsyncEventSources = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetAsyncEventSources],
        GetAsyncEvents = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetAsyncEvents],
        SetAsyncEventHandler = (delegate* unmanaged[Cdecl]<void*, void*, delegate* unmanaged[Cdecl]<void*, SsPluginEvent*, byte*, SsPluginRc>, SsPluginRc>)this[PluginSymbolNames.SetAsyncEventHandler],
        DumpState = (delegate* unmanaged[Cdecl]<void*, void*, delegate* unmanaged[Cdecl]<void*, SsPluginEvent*, byte*, SsPluginRc>, SsPluginRc>)this[PluginSymbolNames.DumpState],
        SetConfig = (delegate* unmanaged[Cdecl]<void*, SsPluginSetConfigInput*, SsPluginRc>)this[PluginSymbolNames.SetConfig],
        GetMetrics = (delegate* unmanaged[Cdecl]<void*, uint*, SsPluginMetric*>)this[PluginSymbolNames.GetMetrics],
        CaptureOpen = (delegate* unmanaged[Cdecl]<void*, SsPluginCaptureListenInput*, SsPluginRc>)this[PluginSymbolNames.CaptureOpen],
        CaptureClose = (delegate* unmanaged[Cdecl]<void*, SsPluginCaptureListenInput*, SsPluginRc>)this[PluginSymbolNames.CaptureClose],
        GetRequiredEventSchemaVersion = (delegate* unmanaged[Cdecl]<void*, byte*>)this[PluginSymbolNames.GetRequiredEventSchemaVersion],
    };

    /// <summary>The API 2.0 vtable (same symbol names, 2.0 signatures).</summary>
    public PluginApiV2 ToApiV2() => new()
    {
        GetRequiredApiVersion = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetRequiredApiVersion],
        GetInitSchema = (delegate* unmanaged[Cdecl]<SsPluginSchemaType*, byte*>)this[PluginSymbolNames.GetInitSchema],
        Init = (delegate* unmanaged[Cdecl]<byte*, SsPluginRc*, void*>)this[PluginSymbolNames.Init],
        Destroy = (delegate* unmanaged[Cdecl]<void*, void>)this[PluginSymbolNames.Destroy],
        GetLastError = (delegate* unmanaged[Cdecl]<void*, byte*>)this[PluginSymbolNames.GetLastError],
        GetName = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetName],
        GetDescription = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetDescription],
        GetContact = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetContact],
        GetVersion = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetVersion],
        GetId = (delegate* unmanaged[Cdecl]<uint>)this[PluginSymbolNames.GetId],
        GetEventSource = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetEventSource],
        Open = (delegate* unmanaged[Cdecl]<void*, byte*, SsPluginRc*, void*>)this[PluginSymbolNames.Open],
        Close = (delegate* unmanaged[Cdecl]<void*, void*, void>)this[PluginSymbolNames.Close],
        ListOpenParams = (delegate* unmanaged[Cdecl]<void*, SsPluginRc*, byte*>)this[PluginSymbolNames.ListOpenParams],
        GetProgress = (delegate* unmanaged[Cdecl]<void*, void*, uint*, byte*>)this[PluginSymbolNames.GetProgress],
        EventToString = (delegate* unmanaged[Cdecl]<void*, SsPluginEventV2*, byte*>)this[PluginSymbolNames.EventToString],
        NextBatch = (delegate* unmanaged[Cdecl]<void*, void*, uint*, SsPluginEventV2**, SsPluginRc>)this[PluginSymbolNames.NextBatch],
        GetExtractEventSources = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetExtractEventSources],
        GetFields = (delegate* unmanaged[Cdecl]<byte*>)this[PluginSymbolNames.GetFields],
        ExtractFields = (delegate* unmanaged[Cdecl]<void*, SsPluginEventV2*, uint, SsPluginExtractFieldV2*, SsPluginRc>)this[PluginSymbolNames.ExtractFields],
    };
}
