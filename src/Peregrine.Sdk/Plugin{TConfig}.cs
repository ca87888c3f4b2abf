using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Peregrine.Sdk;

/// <summary>
/// A plugin whose init config is JSON bound to <typeparamref name="TConfig"/>. The init schema is
/// generated from the type (see <see cref="ConfigSchema"/>), so the host rejects a bad config
/// before init with a message that says where and why; an empty config is <c>{}</c>.
/// </summary>
/// <typeparam name="TConfig">The config type; give its metadata through <see cref="ConfigTypeInfo"/>.</typeparam>
public abstract class Plugin<TConfig> : Plugin
    where TConfig : class
{
    private PluginInitSchema? _schema;
    private TConfig? _config;

    /// <summary>
    /// The serializer metadata of <typeparamref name="TConfig"/>, normally from a source-generated
    /// context (<c>MyJsonContext.Default.MyConfig</c>), which keeps the plugin trimming and
    /// NativeAOT friendly.
    /// </summary>
    protected abstract JsonTypeInfo<TConfig> ConfigTypeInfo { get; }

    /// <summary>The config given at init.</summary>
    protected TConfig Config => _config ?? throw new InvalidOperationException("the plugin is not initialized");

    /// <summary>Initializes the plugin with its config (also in <see cref="Config"/>). Throw to refuse.</summary>
    protected virtual void OnInit(TConfig config)
    {
    }

    private protected sealed override PluginInitSchema InitSchema =>
        _schema ??= new PluginInitSchema(PluginInitSchemaType.Json, ConfigSchema.Generate(ConfigTypeInfo));

    /// <inheritdoc />
    protected sealed override void OnInit(string config)
    {
        try
        {
            _config = JsonSerializer.Deserialize(config.Length == 0 ? "{}" : config, ConfigTypeInfo)
                ?? throw new JsonException("the config is null");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException("invalid init config: " + e.Message, e);
        }

        OnInit(_config);
    }
}
