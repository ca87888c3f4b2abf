using Peregrine.Plugins.Events;

namespace Peregrine.Plugins.Managed;

/// <summary>
/// An open stream of a managed plugin with libscap's batch rules, as for native streams: events
/// returned with TIMEOUT or EOF are delivered first and the code reported on the next call; a
/// batch without events is an error; every event is post-processed (ID, thread, "now" timestamps)
/// and one that fails stops the stream after the events before it; an exception from the plugin
/// is FAILURE with its message as the last error, and the stream stays failed.
/// </summary>
internal sealed unsafe class ManagedPluginStream : IPluginStream
{
    private readonly ManagedPlugin _plugin;
    private readonly IManagedEventStream _stream;
    private readonly BatchSequencer _batches;
    private readonly Func<string> _pluginLastError;
    private bool _closed;

    public ManagedPluginStream(ManagedPlugin plugin, IManagedEventStream stream)
    {
        _plugin = plugin;
        _stream = stream;
        Source = plugin.Descriptor.SourceName ?? EventSourceName.Syscall;
        _batches = new BatchSequencer(plugin.Descriptor, Source);
        // Cached once: the batch path must not allocate a delegate per call.
        _pluginLastError = () => _plugin.LastError;
    }

    public EventSourceName Source { get; }

    public string LastError => _batches.LastError;

    public PluginBatchStatus NextBatch(out PluginEventBatch batch)
    {
        batch = default;
        using (_plugin.Gate.Enter())
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            if (_batches.Replay(_pluginLastError) is { } replayed)
            {
                return replayed;
            }

            PluginBatchStatus status;
            byte** events;
            int count;
            try
            {
                status = _stream.NextBatch(out events, out count);
            }
            catch (Exception e)
            {
                _plugin.Fail(e);
                return _batches.Fail(_plugin.LastError);
            }

            if (status is not (PluginBatchStatus.Success or PluginBatchStatus.Timeout or PluginBatchStatus.Eof))
            {
                return _batches.Fail($"unexpected batch status {status} returned by plugin {_plugin.Descriptor.Name}");
            }

            return _batches.Accept(status, events, count, _pluginLastError, out batch);
        }
    }

    public PluginProgress GetProgress()
    {
        using (_plugin.Gate.Enter())
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            try
            {
                return _stream.GetProgress();
            }
            catch (Exception e)
            {
                _plugin.Fail(e);
                return PluginProgress.None;
            }
        }
    }

    public void Dispose()
    {
        using (_plugin.Gate.Enter())
        {
            if (_closed)
            {
                return;
            }

            CloseLocked();
            _plugin.Forget(this);
        }
    }

    /// <summary>Closes the plugin's stream; called with the plugin's lock held.</summary>
    internal void CloseLocked()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        try
        {
            _stream.Dispose();
        }
        catch (Exception e)
        {
            // plugin_close has no way to fail either; keep the text for diagnosis.
            _plugin.Fail(e);
        }
    }
}
