namespace Peregrine.Plugins;

/// <summary>
/// Receives the log messages plugins send through the host's log function. Falco prints them as
/// <c>&lt;component&gt;: &lt;message&gt;</c>. Implementations must be thread-safe and must not
/// throw: plugins may log from any thread at any point of their lifetime, including from their
/// own worker threads. Exceptions thrown by an implementation are swallowed by the host.
/// </summary>
public interface IPluginLogger
{
    /// <summary>Logs one message.</summary>
    /// <param name="severity">The plugin's severity.</param>
    /// <param name="component">The component the plugin named, or the plugin name when it named none.</param>
    /// <param name="message">The message text.</param>
    void Log(PluginLogSeverity severity, string component, string message);
}
