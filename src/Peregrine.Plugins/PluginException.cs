namespace Peregrine.Plugins;

/// <summary>
/// A plugin reported an error while in use (open, open parameters, ...). The message is the text
/// Falco would show.
/// </summary>
public class PluginException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PluginException(string pluginName, string message)
        : base(message)
    {
        PluginName = pluginName;
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public PluginException(string pluginName, string message, Exception? innerException)
        : base(message, innerException)
    {
        PluginName = pluginName;
    }

    /// <summary>The plugin's name (empty when it was not known yet).</summary>
    public string PluginName { get; }
}
