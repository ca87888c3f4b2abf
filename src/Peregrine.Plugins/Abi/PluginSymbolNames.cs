namespace Peregrine.Plugins.Abi;

/// <summary>
/// The exported C symbol of every plugin function (<c>plugin_&lt;name&gt;</c>). Capabilities are
/// decided purely by which of these a library exports, so an SDK must export exactly the ones it
/// implements. The constants can be used in <c>UnmanagedCallersOnly(EntryPoint = ...)</c>.
/// </summary>
public static class PluginSymbolNames
{
    /// <summary><c>plugin_get_required_api_version</c>.</summary>
    public const string GetRequiredApiVersion = "plugin_get_required_api_version";

    /// <summary><c>plugin_get_init_schema</c>.</summary>
    public const string GetInitSchema = "plugin_get_init_schema";

    /// <summary><c>plugin_init</c>.</summary>
    public const string Init = "plugin_init";

    /// <summary><c>plugin_destroy</c>.</summary>
    public const string Destroy = "plugin_destroy";

    /// <summary><c>plugin_get_last_error</c>.</summary>
    public const string GetLastError = "plugin_get_last_error";

    /// <summary><c>plugin_get_name</c>.</summary>
    public const string GetName = "plugin_get_name";

    /// <summary><c>plugin_get_description</c>.</summary>
    public const string GetDescription = "plugin_get_description";

    /// <summary><c>plugin_get_contact</c>.</summary>
    public const string GetContact = "plugin_get_contact";

    /// <summary><c>plugin_get_version</c>.</summary>
    public const string GetVersion = "plugin_get_version";

    /// <summary><c>plugin_get_id</c>.</summary>
    public const string GetId = "plugin_get_id";

    /// <summary><c>plugin_get_event_source</c>.</summary>
    public const string GetEventSource = "plugin_get_event_source";

    /// <summary><c>plugin_open</c>.</summary>
    public const string Open = "plugin_open";

    /// <summary><c>plugin_close</c>.</summary>
    public const string Close = "plugin_close";

    /// <summary><c>plugin_list_open_params</c>.</summary>
    public const string ListOpenParams = "plugin_list_open_params";

    /// <summary><c>plugin_get_progress</c>.</summary>
    public const string GetProgress = "plugin_get_progress";

    /// <summary><c>plugin_event_to_string</c>.</summary>
    public const string EventToString = "plugin_event_to_string";

    /// <summary><c>plugin_next_batch</c>.</summary>
    public const string NextBatch = "plugin_next_batch";

    /// <summary><c>plugin_get_extract_event_types</c>.</summary>
    public const string GetExtractEventTypes = "plugin_get_extract_event_types";

    /// <summary><c>plugin_get_extract_event_sources</c>.</summary>
    public const string GetExtractEventSources = "plugin_get_extract_event_sources";

    /// <summary><c>plugin_get_fields</c>.</summary>
    public const string GetFields = "plugin_get_fields";

    /// <summary><c>plugin_extract_fields</c>.</summary>
    public const string ExtractFields = "plugin_extract_fields";

    /// <summary><c>plugin_get_parse_event_types</c>.</summary>
    public const string GetParseEventTypes = "plugin_get_parse_event_types";

    /// <summary><c>plugin_get_parse_event_sources</c>.</summary>
    public const string GetParseEventSources = "plugin_get_parse_event_sources";

    /// <summary><c>plugin_parse_event</c>.</summary>
    public const string ParseEvent = "plugin_parse_event";

    /// <summary><c>plugin_get_async_event_sources</c>.</summary>
    public const string GetAsyncEventSources = "plugin_get_async_event_sources";

    /// <summary><c>plugin_get_async_events</c>.</summary>
    public const string GetAsyncEvents = "plugin_get_async_events";

    /// <summary><c>plugin_set_async_event_handler</c>.</summary>
    public const string SetAsyncEventHandler = "plugin_set_async_event_handler";

    /// <summary><c>plugin_dump_state</c>.</summary>
    public const string DumpState = "plugin_dump_state";

    /// <summary><c>plugin_set_config</c>.</summary>
    public const string SetConfig = "plugin_set_config";

    /// <summary><c>plugin_get_metrics</c>.</summary>
    public const string GetMetrics = "plugin_get_metrics";

    /// <summary><c>plugin_capture_open</c>.</summary>
    public const string CaptureOpen = "plugin_capture_open";

    /// <summary><c>plugin_capture_close</c>.</summary>
    public const string CaptureClose = "plugin_capture_close";

    /// <summary><c>plugin_get_required_event_schema_version</c>.</summary>
    public const string GetRequiredEventSchemaVersion = "plugin_get_required_event_schema_version";
}
