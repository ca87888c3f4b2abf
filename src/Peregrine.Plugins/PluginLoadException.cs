namespace Peregrine.Plugins;

/// <summary>
/// The one error type of plugin loading and initialization. <see cref="Exception.Message"/> always
/// names the library: <c>cannot load plugin &lt;path&gt;: &lt;reason&gt;</c>, where the reason uses
/// Falco's wording. <see cref="FalcoMessage"/> is the text Falco itself prints, which for some
/// checks (fields JSON, init config, init) does not name the library.
/// </summary>
public sealed class PluginLoadException : PluginException
{
    /// <summary>Creates the exception.</summary>
    public PluginLoadException(string libraryPath, PluginLoadStage stage, string reason, string falcoMessage, string pluginName = "")
        : base(pluginName, "cannot load plugin " + libraryPath + ": " + reason)
    {
        LibraryPath = libraryPath;
        Stage = stage;
        Reason = reason;
        FalcoMessage = falcoMessage;
    }

    /// <summary>The library path as given to the loader.</summary>
    public string LibraryPath { get; }

    /// <summary>Which check failed.</summary>
    public PluginLoadStage Stage { get; }

    /// <summary>The reason in Falco's wording, without the library prefix.</summary>
    public string Reason { get; }

    /// <summary>Exactly what Falco 0.44 reports for this failure.</summary>
    public string FalcoMessage { get; }

    /// <summary>A failure of the dlopen..reserved-source checks, which Falco prefixes with the library path.</summary>
    internal static PluginLoadException Load(string path, PluginLoadStage stage, string reason, string pluginName = "") =>
        new(path, stage, reason, "cannot load plugin " + path + ": " + reason, pluginName);

    /// <summary>A failure Falco reports without the library prefix (thrown from inside plugin creation or init).</summary>
    internal static PluginLoadException Unprefixed(string path, PluginLoadStage stage, string reason, string pluginName) =>
        new(path, stage, reason, reason, pluginName);
}
