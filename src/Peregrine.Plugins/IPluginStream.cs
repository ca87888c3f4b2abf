namespace Peregrine.Plugins;

/// <summary>
/// An open event stream of a sourcing plugin (an <c>ss_instance_t</c>). Disposing it closes the
/// stream. Calls are serialized with every other call on the owning plugin.
/// </summary>
public interface IPluginStream : IDisposable
{
    /// <summary>The source of the events this stream produces.</summary>
    EventSourceName Source { get; }

    /// <summary>
    /// Fetches the next batch. On <see cref="PluginBatchStatus.Success"/>, <paramref name="batch"/>
    /// holds at least one post-processed event (plugin ID filled in, thread id and timestamp set)
    /// and is valid until the next call; otherwise it is empty. Does not allocate.
    /// </summary>
    PluginBatchStatus NextBatch(out PluginEventBatch batch);

    /// <summary>Why the last <see cref="PluginBatchStatus.Failure"/> happened (empty before any failure).</summary>
    string LastError { get; }

    /// <summary>Read progress (<see cref="PluginProgress.None"/> when the plugin reports none).</summary>
    PluginProgress GetProgress();
}
