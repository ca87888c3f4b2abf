namespace Peregrine.Plugins.Managed;

/// <summary>
/// An open stream of a managed sourcing plugin (the counterpart of <c>ss_instance_t</c>).
/// Disposing it is <c>plugin_close</c>.
/// </summary>
public unsafe interface IManagedEventStream : IDisposable
{
    /// <summary>
    /// <c>plugin_next_batch</c>: points <paramref name="events"/> at <paramref name="count"/>
    /// complete libscap plugin events (see <see cref="Abi.PluginEventLayout"/>) in memory the stream
    /// owns until its next call. Returns <see cref="PluginBatchStatus.Success"/>,
    /// <see cref="PluginBatchStatus.Timeout"/> or <see cref="PluginBatchStatus.Eof"/>; events given
    /// with the last two are delivered first, as for native plugins. Failure is an exception.
    /// </summary>
    PluginBatchStatus NextBatch(out byte** events, out int count);

    /// <summary><c>plugin_get_progress</c> (<see cref="PluginProgress.None"/> when there is none).</summary>
    PluginProgress GetProgress();
}
