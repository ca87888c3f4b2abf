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
    private ulong _nextNumber = 1;
    private PluginBatchStatus? _pendingStatus;
    private string? _pendingFault;
    private string? _fault;
    private bool _closed;

    public ManagedPluginStream(ManagedPlugin plugin, IManagedEventStream stream)
    {
        _plugin = plugin;
        _stream = stream;
        Source = plugin.Descriptor.SourceName ?? EventSourceName.Syscall;
    }

    public EventSourceName Source { get; }

    public string LastError { get; private set; } = string.Empty;

    public PluginBatchStatus NextBatch(out PluginEventBatch batch)
    {
        batch = default;
        using (_plugin.Gate.Enter())
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            if (_fault is not null)
            {
                LastError = _fault;
                return PluginBatchStatus.Failure;
            }

            if (_pendingFault is not null)
            {
                _fault = _pendingFault;
                _pendingFault = null;
                LastError = _fault;
                return PluginBatchStatus.Failure;
            }

            if (_pendingStatus is { } pending)
            {
                _pendingStatus = null;
                return pending;
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
                return Failed(_plugin.LastError);
            }

            if (status is not (PluginBatchStatus.Success or PluginBatchStatus.Timeout or PluginBatchStatus.Eof))
            {
                return Failed($"unexpected batch status {status} returned by plugin {_plugin.Descriptor.Name}");
            }

            if (count <= 0)
            {
                if (status == PluginBatchStatus.Success)
                {
                    LastError = $"unexpected 0 size event returned by plugin {_plugin.Descriptor.Name}";
                    return PluginBatchStatus.Failure;
                }

                return status;
            }

            if (events == null)
            {
                return Failed($"unexpected null event array returned by plugin {_plugin.Descriptor.Name}");
            }

            var delivered = count;
            var id = _plugin.Descriptor.Id;
            var name = _plugin.Descriptor.Name;
            for (var i = 0; i < count; i++)
            {
                var error = PluginEventPostProcessor.Process(events[i], id, name);
                if (error is null)
                {
                    continue;
                }

                if (i == 0)
                {
                    return Failed(error);
                }

                _pendingFault = error;
                delivered = i;
                break;
            }

            if (_pendingFault is null && status != PluginBatchStatus.Success)
            {
                _pendingStatus = status;
            }

            batch = new PluginEventBatch(events, delivered, _nextNumber, Source);
            _nextNumber += (ulong)delivered;
            return PluginBatchStatus.Success;
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

    private PluginBatchStatus Failed(string error)
    {
        _fault = error;
        LastError = error;
        return PluginBatchStatus.Failure;
    }
}
