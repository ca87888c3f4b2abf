using Peregrine.Plugins.Abi;
using Peregrine.Plugins.Events;

namespace Peregrine.Plugins.Native;

/// <summary>
/// An open instance (<c>ss_instance_t*</c>) and libscap's batch consumption rules: events returned
/// together with a non-success code are delivered first and the code is reported on the next
/// call; <c>SUCCESS</c> with no events is an error; a failure reports the plugin's last error;
/// every event is post-processed before it is handed out, and an event that fails
/// post-processing stops the stream after the events before it have been delivered.
/// </summary>
internal abstract unsafe class NativeStreamBase : IPluginStream
{
    private ulong _nextNumber = 1;
    private PluginBatchStatus? _pendingStatus;
    private string? _pendingFault;
    private string? _fault;
    private bool _closed;

    protected NativeStreamBase(NativePluginBase plugin, void* instance)
    {
        Plugin = plugin;
        Instance = instance;
        Source = plugin.Descriptor.SourceName ?? EventSourceName.Syscall;
    }

    public EventSourceName Source { get; }

    public string LastError { get; private set; } = string.Empty;

    protected NativePluginBase Plugin { get; }

    protected void* Instance { get; }

    public PluginBatchStatus NextBatch(out PluginEventBatch batch)
    {
        batch = default;
        using (Plugin.Gate.Enter())
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
                if (pending == PluginBatchStatus.Failure)
                {
                    LastError = Plugin.LastErrorText();
                }

                return pending;
            }

            SsPluginRc rc;
            uint count;
            byte** events;
            var previous = Plugin.Owner.Enter();
            try
            {
                rc = Fetch(out count, out events);
            }
            finally
            {
                PluginOwner.Leave(previous);
            }

            if (HostFailure is { } hostFailure)
            {
                HostFailure = null;
                _fault = hostFailure;
                LastError = hostFailure;
                return PluginBatchStatus.Failure;
            }

            var status = rc switch
            {
                SsPluginRc.Success => PluginBatchStatus.Success,
                SsPluginRc.Timeout => PluginBatchStatus.Timeout,
                SsPluginRc.Eof => PluginBatchStatus.Eof,
                _ => PluginBatchStatus.Failure, // FAILURE, NOT_SUPPORTED or an unknown code
            };

            if (count == 0)
            {
                if (status == PluginBatchStatus.Success)
                {
                    LastError = $"unexpected 0 size event returned by plugin {Plugin.Descriptor.Name}";
                    return PluginBatchStatus.Failure;
                }

                if (status == PluginBatchStatus.Failure)
                {
                    LastError = Plugin.LastErrorText();
                }

                return status;
            }

            if (events == null)
            {
                LastError = $"unexpected null event array returned by plugin {Plugin.Descriptor.Name}";
                _fault = LastError;
                return PluginBatchStatus.Failure;
            }

            var delivered = (int)Math.Min(count, int.MaxValue);
            var id = Plugin.Descriptor.Id;
            var name = Plugin.Descriptor.Name;
            for (var i = 0; i < delivered; i++)
            {
                var error = PluginEventPostProcessor.Process(events[i], id, name);
                if (error is null)
                {
                    continue;
                }

                if (i == 0)
                {
                    _fault = error;
                    LastError = error;
                    return PluginBatchStatus.Failure;
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
        using (Plugin.Gate.Enter())
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            if (Plugin.GetProgress == null || Plugin.State == null)
            {
                return PluginProgress.None;
            }

            uint hundredths = 0;
            var previous = Plugin.Owner.Enter();
            try
            {
                var text = NativeText.Copy(Plugin.GetProgress(Plugin.State, Instance, &hundredths));
                return new PluginProgress(text, hundredths);
            }
            finally
            {
                PluginOwner.Leave(previous);
            }
        }
    }

    public void Dispose()
    {
        using (Plugin.Gate.Enter())
        {
            if (_closed)
            {
                return;
            }

            CloseLocked();
            Plugin.Forget(this);
        }
    }

    /// <summary>Closes the instance; called with the plugin's lock held.</summary>
    internal void CloseLocked()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        var previous = Plugin.Owner.Enter();
        try
        {
            Plugin.Close(Plugin.State, Instance);
        }
        finally
        {
            PluginOwner.Leave(previous);
            ReleaseResources();
        }
    }

    /// <summary>Set by <see cref="Fetch"/> when the host, not the plugin, cannot deliver the batch; the stream then fails for good.</summary>
    protected string? HostFailure { get; set; }

    /// <summary>Calls the plugin's <c>next_batch</c> and returns pointers to complete libscap events.</summary>
    protected abstract SsPluginRc Fetch(out uint count, out byte** events);

    /// <summary>Frees buffers the stream owns; called once after close.</summary>
    protected virtual void ReleaseResources()
    {
    }
}
