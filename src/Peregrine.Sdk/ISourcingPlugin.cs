namespace Peregrine.Sdk;

/// <summary>
/// Implemented by a plugin that produces events (the sourcing capability). The host infers the
/// capability from the interface, as it infers a native plugin's from its exported functions.
/// </summary>
public interface ISourcingPlugin
{
    /// <summary>
    /// Opens a stream for <paramref name="parameters"/> (the <c>open_params</c> text). Throw to
    /// refuse: the exception's message is the error the host reports.
    /// </summary>
    EventStream Open(string parameters);

    /// <summary>Suggested open parameters (<c>list_open_params</c>); informational.</summary>
    IReadOnlyList<PluginOpenParam> ListOpenParams() => [];

    /// <summary>
    /// A one-line rendering of an event of this plugin (<c>evt.plugininfo</c>); null or empty lets
    /// the host show its default (<c>datalen=... data=...</c>).
    /// </summary>
    string? EventToString(in PluginEvent evt) => null;
}
