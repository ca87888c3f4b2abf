namespace Peregrine.Sdk;

/// <summary>
/// An open stream of events (what <c>plugin_open</c> returns). The host calls
/// <see cref="NextBatch"/> until <see cref="BatchResult.Eof"/> or an exception, then disposes it.
/// Calls are never concurrent.
/// </summary>
public abstract class EventStream : IDisposable
{
    /// <summary>
    /// Adds the next events to <paramref name="batch"/> (empty on entry, reused across calls) and
    /// says how the stream stands. An exception is the stream's failure; its message is the
    /// stream's last error and the stream is not called again.
    /// </summary>
    public abstract BatchResult NextBatch(EventBatch batch);

    /// <summary>Read progress (<c>get_progress</c>); <see cref="PluginProgress.None"/> when unknown.</summary>
    public virtual PluginProgress Progress => PluginProgress.None;

    /// <summary>Closes the stream (<c>plugin_close</c>).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the stream holds.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
