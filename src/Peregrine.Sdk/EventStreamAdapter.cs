using Peregrine.Plugins.Managed;

namespace Peregrine.Sdk;

/// <summary>
/// Presents an author's <see cref="EventStream"/> to the host: resets and publishes the reusable
/// <see cref="EventBatch"/> around each call, so the host reads events in place.
/// </summary>
internal sealed unsafe class EventStreamAdapter(EventStream stream, uint pluginId) : IManagedEventStream
{
    private readonly EventBatch _batch = new(pluginId);

    public PluginBatchStatus NextBatch(out byte** events, out int count)
    {
        _batch.Reset();
        var result = stream.NextBatch(_batch);
        count = _batch.Count;
        events = _batch.Publish();
        return result switch
        {
            BatchResult.Success => PluginBatchStatus.Success,
            BatchResult.Timeout => PluginBatchStatus.Timeout,
            BatchResult.Eof => PluginBatchStatus.Eof,
            _ => throw new InvalidOperationException($"unknown batch result {result}"),
        };
    }

    public PluginProgress GetProgress() => stream.Progress;

    public void Dispose()
    {
        try
        {
            stream.Dispose();
        }
        finally
        {
            _batch.Dispose();
        }
    }
}
