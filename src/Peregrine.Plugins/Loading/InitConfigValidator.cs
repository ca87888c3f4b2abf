using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace Peregrine.Plugins.Loading;

/// <summary>
/// Validates an init config against the plugin's init schema before <c>plugin_init</c>, as
/// libsinsp's <c>validate_config</c> does: no schema (or type NONE, or an empty schema) passes the
/// config through; a JSON schema must be an object, an empty config becomes <c>{}</c>, the config
/// must be JSON and must satisfy the schema. libsinsp validates with valijson (draft 7 by default)
/// and reports only its first error; <see cref="SchemaErrorFormatter"/> renders ours the same way.
/// </summary>
internal sealed class InitConfigValidator
{
    private readonly string _pluginName;
    private readonly PluginInitSchema _schema;
    private readonly Lazy<(JsonSchema Schema, JsonDocument Document)> _compiled;

    public InitConfigValidator(string pluginName, PluginInitSchema schema)
    {
        _pluginName = pluginName;
        _schema = schema;
        _compiled = new Lazy<(JsonSchema, JsonDocument)>(Compile, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Validates <paramref name="config"/>; returns the config the plugin must receive.</summary>
    public string Validate(string config)
    {
        if (!_schema.IsPresent)
        {
            return config;
        }

        if (_schema.Type != PluginInitSchemaType.Json)
        {
            throw Error($"error in plugin {_pluginName}: get_init_schema returned an unknown schema type {((int)_schema.Type).ToString(CultureInfo.InvariantCulture)}");
        }

        var (schema, schemaDocument) = _compiled.Value;
        if (config.Length == 0)
        {
            config = "{}";
        }

        if (!LenientJson.TryParse(config, out var configDocument))
        {
            throw Error($"error in plugin {_pluginName}: init config is not a valid json");
        }

        using (configDocument)
        {
            var results = schema.Evaluate(configDocument!.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
            if (results.IsValid)
            {
                return config;
            }

            var first = SchemaErrorFormatter.FirstError(results, schemaDocument.RootElement, configDocument.RootElement);
            throw Error(first is { } error
                ? $"error in plugin {_pluginName} init config: In {error.Context}, {error.Description}"
                : $"error in plugin {_pluginName} init config: failed parsing with provided schema");
        }
    }

    private (JsonSchema, JsonDocument) Compile()
    {
        if (!LenientJson.TryParse(_schema.Text, out var document) || document!.RootElement.ValueKind != JsonValueKind.Object)
        {
            document?.Dispose();
            throw Error($"error in plugin {_pluginName}: get_init_schema did not return a json object");
        }

        try
        {
            // A private registry: two plugins (or two loads of one) may declare the same $id.
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft07 };
            return (JsonSchema.Build(document.RootElement, options), document);
        }
        catch (Exception e) when (e is JsonSchemaException or JsonException or ArgumentException or InvalidOperationException)
        {
            // valijson would abort with its own parser error here; say what was wrong instead.
            document.Dispose();
            throw Error($"error in plugin {_pluginName}: get_init_schema returned an invalid schema: {e.Message}");
        }
    }

    private static PluginDefinitionException Error(string message) => new(PluginLoadStage.InitConfig, message);
}
