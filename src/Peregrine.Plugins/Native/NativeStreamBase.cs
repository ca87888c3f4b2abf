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
    private readonly BatchSequencer _batches;
    private readonly Func<string> _pluginLastError;
    private bool _closed;

    protected NativeStreamBase(NativePluginBase plugin, void* instance)
    {
        Plugin = plugin;
        Instance = instance;
        Source = plugin.Descriptor.SourceName ?? EventSourceName.Syscall;
        _batches = new BatchSequencer(plugin.Descriptor, Source);
        // Cached once: the batch path must not allocate a delegate per call.
        _pluginLastError = plugin.LastErrorText;
    }

    public EventSourceName Source { get; }

    public string LastError => _batches.LastError;

    protected NativePluginBase Plugin { get; }

    protected void* Instance { get; }

    public PluginBatchStatus NextBatch(out PluginEventBatch batch)
    {
        batch = default;
        using (Plugin.Gate.Enter())
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            if (_batches.Replay(_pluginLastError) is { } replayed)
            {
                return replayed;
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
                return _batches.Fail(hostFailure);
            }

            var status = rc switch
            {
                SsPluginRc.Success => PluginBatchStatus.Success,
                SsPluginRc.Timeout => PluginBatchStatus.Timeout,
                SsPluginRc.Eof => PluginBatchStatus.Eof,
                _ => PluginBatchStatus.Failure, // FAILURE, NOT_SUPPORTED or an unknown code
            };
            return _batches.Accept(status, events, (int)Math.Min(count, int.MaxValue), _pluginLastError, out batch);
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
