namespace Peregrine.Plugins.Events;

/// <summary>
/// libscap's rules for the batches of one open stream, shared by native and managed plugins:
/// a batch with events is delivered even when the plugin also said TIMEOUT, EOF or FAILURE
/// (that status is then replayed on the next call); an event that fails post-processing cuts
/// the batch there and its error is replayed next; a failure is final; SUCCESS without events
/// or a NULL event array is a protocol error. Events are numbered from 1 across batches.
/// Callers hold the plugin's gate.
/// </summary>
internal sealed unsafe class BatchSequencer(PluginDescriptor descriptor, EventSourceName source)
{
    private ulong _nextNumber = 1;
    private PluginBatchStatus? _pendingStatus;
    private string? _pendingFault;
    private string? _fault;

    /// <summary>Why the last <see cref="PluginBatchStatus.Failure"/> happened.</summary>
    public string LastError { get; private set; } = string.Empty;

    /// <summary>
    /// What the previous batch left to report (a final failure, a cut batch's error, a status
    /// that came with events), or null when the plugin must be asked for a new batch.
    /// </summary>
    /// <param name="pluginLastError">The plugin's get_last_error, for a replayed FAILURE.</param>
    public PluginBatchStatus? Replay(Func<string> pluginLastError)
    {
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

        if (_pendingStatus is not { } pending)
        {
            return null;
        }

        _pendingStatus = null;
        if (pending == PluginBatchStatus.Failure)
        {
            LastError = pluginLastError();
        }

        return pending;
    }

    /// <summary>A failure after which the stream gives no more events.</summary>
    public PluginBatchStatus Fail(string error)
    {
        _fault = error;
        LastError = error;
        return PluginBatchStatus.Failure;
    }

    /// <summary>Applies the rules to what the plugin returned and, on success, hands out the batch.</summary>
    public PluginBatchStatus Accept(PluginBatchStatus status, byte** events, int count, Func<string> pluginLastError, out PluginEventBatch batch)
    {
        batch = default;
        if (count <= 0)
        {
            if (status == PluginBatchStatus.Success)
            {
                LastError = $"unexpected 0 size event returned by plugin {descriptor.Name}";
                return PluginBatchStatus.Failure;
            }

            if (status == PluginBatchStatus.Failure)
            {
                LastError = pluginLastError();
            }

            return status;
        }

        if (events == null)
        {
            return Fail($"unexpected null event array returned by plugin {descriptor.Name}");
        }

        var delivered = count;
        for (var i = 0; i < count; i++)
        {
            var error = PluginEventPostProcessor.Process(events[i], descriptor.Id, descriptor.Name);
            if (error is null)
            {
                continue;
            }

            if (i == 0)
            {
                return Fail(error);
            }

            _pendingFault = error;
            delivered = i;
            break;
        }

        if (_pendingFault is null && status != PluginBatchStatus.Success)
        {
            _pendingStatus = status;
        }

        batch = new PluginEventBatch(events, delivered, _nextNumber, source);
        _nextNumber += (ulong)delivered;
        return PluginBatchStatus.Success;
    }
}
