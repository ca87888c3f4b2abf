using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Abi;

/// <summary>
/// <c>plugin_api</c> as defined by API 2.0 (160 bytes). The common and sourcing members keep the
/// 3.x names; four signatures differ from 3.x: <see cref="Init"/>, <see cref="EventToString"/>,
/// <see cref="NextBatch"/> and <see cref="ExtractFields"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PluginApiV2
{
    /// <summary><c>const char* plugin_get_required_api_version(void)</c>.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetRequiredApiVersion;

    /// <summary><c>const char* plugin_get_init_schema(ss_plugin_schema_type* schema_type)</c>.</summary>
    public delegate* unmanaged[Cdecl]<SsPluginSchemaType*, byte*> GetInitSchema;

    /// <summary><c>ss_plugin_t* plugin_init(const char* config, ss_plugin_rc* rc)</c>.</summary>
    public delegate* unmanaged[Cdecl]<byte*, SsPluginRc*, void*> Init;

    /// <summary><c>void plugin_destroy(ss_plugin_t* s)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, void> Destroy;

    /// <summary><c>const char* plugin_get_last_error(ss_plugin_t* s)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, byte*> GetLastError;

    /// <summary><c>const char* plugin_get_name(void)</c>.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetName;

    /// <summary><c>const char* plugin_get_description(void)</c>.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetDescription;

    /// <summary><c>const char* plugin_get_contact(void)</c>.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetContact;

    /// <summary><c>const char* plugin_get_version(void)</c>.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetVersion;

    /// <summary><c>uint32_t plugin_get_id(void)</c>.</summary>
    public delegate* unmanaged[Cdecl]<uint> GetId;

    /// <summary><c>const char* plugin_get_event_source(void)</c>.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetEventSource;

    /// <summary><c>ss_instance_t* plugin_open(ss_plugin_t* s, const char* params, ss_plugin_rc* rc)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, byte*, SsPluginRc*, void*> Open;

    /// <summary><c>void plugin_close(ss_plugin_t* s, ss_instance_t* h)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, void*, void> Close;

    /// <summary><c>const char* plugin_list_open_params(ss_plugin_t* s, ss_plugin_rc* rc)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginRc*, byte*> ListOpenParams;

    /// <summary><c>const char* plugin_get_progress(ss_plugin_t* s, ss_instance_t* h, uint32_t* progress_pct)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, void*, uint*, byte*> GetProgress;

    /// <summary><c>const char* plugin_event_to_string(ss_plugin_t* s, const ss_plugin_event* evt)</c> (2.0 event).</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginEventV2*, byte*> EventToString;

    /// <summary><c>ss_plugin_rc plugin_next_batch(ss_plugin_t* s, ss_instance_t* h, uint32_t* nevts, ss_plugin_event** evts)</c>: a contiguous array of 2.0 events.</summary>
    public delegate* unmanaged[Cdecl]<void*, void*, uint*, SsPluginEventV2**, SsPluginRc> NextBatch;

    /// <summary><c>const char* plugin_get_extract_event_sources(void)</c>.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetExtractEventSources;

    /// <summary><c>const char* plugin_get_fields(void)</c>.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetFields;

    /// <summary><c>ss_plugin_rc plugin_extract_fields(ss_plugin_t* s, const ss_plugin_event* evt, uint32_t num_fields, ss_plugin_extract_field* fields)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginEventV2*, uint, SsPluginExtractFieldV2*, SsPluginRc> ExtractFields;
}
