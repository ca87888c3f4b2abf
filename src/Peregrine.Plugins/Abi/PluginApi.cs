using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Abi;

/// <summary>
/// <c>plugin_api</c> (API 3.12 layout, 264 bytes): every plugin function with its exact
/// signature, in the order of the C vtable. A dlopen-based host only uses it as a typed symbol
/// table (each member is the <c>dlsym</c> result of <c>plugin_&lt;name&gt;</c>, NULL when absent);
/// the layout matters only for in-process vtable registration. Note that API 3.10 inserted
/// <see cref="DumpState"/> in the middle, so a pre-3.10 vtable is shifted from there on.
/// Pointer arguments named <c>s</c> are the plugin state (<c>ss_plugin_t*</c>), <c>h</c> the open
/// instance (<c>ss_instance_t*</c>), <c>o</c> the owner.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PluginApi
{
    /// <summary><c>const char* plugin_get_required_api_version(void)</c>. Required.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetRequiredApiVersion;

    /// <summary><c>const char* plugin_get_init_schema(ss_plugin_schema_type* schema_type)</c>.</summary>
    public delegate* unmanaged[Cdecl]<SsPluginSchemaType*, byte*> GetInitSchema;

    /// <summary><c>ss_plugin_t* plugin_init(const ss_plugin_init_input* in, ss_plugin_rc* rc)</c>. Required.</summary>
    public delegate* unmanaged[Cdecl]<SsPluginInitInput*, SsPluginRc*, void*> Init;

    /// <summary><c>void plugin_destroy(ss_plugin_t* s)</c>. Required.</summary>
    public delegate* unmanaged[Cdecl]<void*, void> Destroy;

    /// <summary><c>const char* plugin_get_last_error(ss_plugin_t* s)</c>. Required.</summary>
    public delegate* unmanaged[Cdecl]<void*, byte*> GetLastError;

    /// <summary><c>const char* plugin_get_name(void)</c>. Required.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetName;

    /// <summary><c>const char* plugin_get_description(void)</c>. Required.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetDescription;

    /// <summary><c>const char* plugin_get_contact(void)</c>. Required.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetContact;

    /// <summary><c>const char* plugin_get_version(void)</c>. Required.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetVersion;

    /// <summary><c>uint32_t plugin_get_id(void)</c>. Sourcing.</summary>
    public delegate* unmanaged[Cdecl]<uint> GetId;

    /// <summary><c>const char* plugin_get_event_source(void)</c>. Sourcing.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetEventSource;

    /// <summary><c>ss_instance_t* plugin_open(ss_plugin_t* s, const char* params, ss_plugin_rc* rc)</c>. Sourcing.</summary>
    public delegate* unmanaged[Cdecl]<void*, byte*, SsPluginRc*, void*> Open;

    /// <summary><c>void plugin_close(ss_plugin_t* s, ss_instance_t* h)</c>; <c>h</c> may be NULL. Sourcing.</summary>
    public delegate* unmanaged[Cdecl]<void*, void*, void> Close;

    /// <summary><c>const char* plugin_list_open_params(ss_plugin_t* s, ss_plugin_rc* rc)</c>. Sourcing.</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginRc*, byte*> ListOpenParams;

    /// <summary><c>const char* plugin_get_progress(ss_plugin_t* s, ss_instance_t* h, uint32_t* progress_pct)</c>. Sourcing.</summary>
    public delegate* unmanaged[Cdecl]<void*, void*, uint*, byte*> GetProgress;

    /// <summary><c>const char* plugin_event_to_string(ss_plugin_t* s, const ss_plugin_event_input* evt)</c>. Sourcing.</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginEventInput*, byte*> EventToString;

    /// <summary><c>ss_plugin_rc plugin_next_batch(ss_plugin_t* s, ss_instance_t* h, uint32_t* nevts, ss_plugin_event*** evts)</c>. Sourcing.</summary>
    public delegate* unmanaged[Cdecl]<void*, void*, uint*, SsPluginEvent***, SsPluginRc> NextBatch;

    /// <summary><c>uint16_t* plugin_get_extract_event_types(uint32_t* numtypes, ss_plugin_t* s)</c> (3.0/3.1 implementations take only the first argument). Extraction.</summary>
    public delegate* unmanaged[Cdecl]<uint*, void*, ushort*> GetExtractEventTypes;

    /// <summary><c>const char* plugin_get_extract_event_sources(void)</c>. Extraction.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetExtractEventSources;

    /// <summary><c>const char* plugin_get_fields(void)</c>. Extraction.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetFields;

    /// <summary><c>ss_plugin_rc plugin_extract_fields(ss_plugin_t* s, const ss_plugin_event_input* evt, const ss_plugin_field_extract_input* in)</c>. Extraction.</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginEventInput*, SsPluginFieldExtractInput*, SsPluginRc> ExtractFields;

    /// <summary><c>uint16_t* plugin_get_parse_event_types(uint32_t* numtypes, ss_plugin_t* s)</c>. Parsing.</summary>
    public delegate* unmanaged[Cdecl]<uint*, void*, ushort*> GetParseEventTypes;

    /// <summary><c>const char* plugin_get_parse_event_sources(void)</c>. Parsing.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetParseEventSources;

    /// <summary><c>ss_plugin_rc plugin_parse_event(ss_plugin_t* s, const ss_plugin_event_input* evt, const ss_plugin_event_parse_input* in)</c>. Parsing.</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginEventInput*, SsPluginEventParseInput*, SsPluginRc> ParseEvent;

    /// <summary><c>const char* plugin_get_async_event_sources(void)</c>. Async.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetAsyncEventSources;

    /// <summary><c>const char* plugin_get_async_events(void)</c>. Async.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetAsyncEvents;

    /// <summary><c>ss_plugin_rc plugin_set_async_event_handler(ss_plugin_t* s, ss_plugin_owner_t* owner, ss_plugin_async_event_handler_t handler)</c>. Async.</summary>
    public delegate* unmanaged[Cdecl]<void*, void*, delegate* unmanaged[Cdecl]<void*, SsPluginEvent*, byte*, SsPluginRc>, SsPluginRc> SetAsyncEventHandler;

    /// <summary><c>ss_plugin_rc plugin_dump_state(ss_plugin_t* s, ss_plugin_owner_t* owner, ss_plugin_async_event_handler_t handler)</c> (API 3.10+). Async.</summary>
    public delegate* unmanaged[Cdecl]<void*, void*, delegate* unmanaged[Cdecl]<void*, SsPluginEvent*, byte*, SsPluginRc>, SsPluginRc> DumpState;

    /// <summary><c>ss_plugin_rc plugin_set_config(ss_plugin_t* s, const ss_plugin_set_config_input* i)</c> (API 3.4+).</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginSetConfigInput*, SsPluginRc> SetConfig;

    /// <summary><c>ss_plugin_metric* plugin_get_metrics(ss_plugin_t* s, uint32_t* num_metrics)</c> (API 3.6+).</summary>
    public delegate* unmanaged[Cdecl]<void*, uint*, SsPluginMetric*> GetMetrics;

    /// <summary><c>ss_plugin_rc plugin_capture_open(ss_plugin_t* s, const ss_plugin_capture_listen_input* i)</c> (API 3.7+). Capture listening.</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginCaptureListenInput*, SsPluginRc> CaptureOpen;

    /// <summary><c>ss_plugin_rc plugin_capture_close(ss_plugin_t* s, const ss_plugin_capture_listen_input* i)</c> (API 3.7+). Capture listening.</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginCaptureListenInput*, SsPluginRc> CaptureClose;

    /// <summary><c>const char* plugin_get_required_event_schema_version(ss_plugin_t* s)</c> (API 3.12+).</summary>
    public delegate* unmanaged[Cdecl]<void*, byte*> GetRequiredEventSchemaVersion;
}
