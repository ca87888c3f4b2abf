namespace Peregrine.Plugins.Loading;

/// <summary>
/// A plugin's self-description or config was rejected. Thrown by the parsers and validators in
/// this folder with libsinsp's text; the loader turns it into a <see cref="PluginLoadException"/>
/// (or, after load, a <see cref="PluginException"/>).
/// </summary>
internal sealed class PluginDefinitionException(PluginLoadStage stage, string message) : Exception(message)
{
    public PluginLoadStage Stage { get; } = stage;
}
