namespace Peregrine.Plugins.Abi;

/// <summary><c>ss_plugin_schema_type</c>: the kind of schema returned by <c>plugin_get_init_schema</c>.</summary>
public enum SsPluginSchemaType
{
    /// <summary><c>SS_PLUGIN_SCHEMA_NONE</c>: the init config is an opaque string.</summary>
    None = 0,

    /// <summary><c>SS_PLUGIN_SCHEMA_JSON</c>: the init config is JSON validated against a JSON Schema.</summary>
    Json = 1,
}
