namespace Peregrine.Plugins;

/// <summary>The kind of schema a plugin declares for its init config.</summary>
public enum PluginInitSchemaType
{
    /// <summary>No schema: the init config is an opaque string.</summary>
    None = 0,

    /// <summary>A JSON Schema: the init config is JSON and is validated before init.</summary>
    Json = 1,
}

/// <summary>The init config schema a plugin declares (<c>plugin_get_init_schema</c>).</summary>
/// <param name="Type">The schema type the plugin reported (a raw value other than 0 or 1 is kept as is).</param>
/// <param name="Text">The schema text; empty means "no schema".</param>
public sealed record PluginInitSchema(PluginInitSchemaType Type, string Text)
{
    /// <summary>No schema.</summary>
    public static PluginInitSchema None { get; } = new(PluginInitSchemaType.None, string.Empty);

    /// <summary>Whether the config is validated at all (libsinsp ignores an empty schema or type NONE).</summary>
    public bool IsPresent => Text.Length > 0 && Type != PluginInitSchemaType.None;
}
