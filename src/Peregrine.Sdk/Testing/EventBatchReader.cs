namespace Peregrine.Sdk.Testing;

/// <summary>
/// Reads back the events a stream added to an <see cref="EventBatch"/>. Only the host can see a
/// batch's events, so a test that drives an <see cref="EventStream"/> directly (to control the
/// batch capacity or the timing of <see cref="EventStream.NextBatch"/> calls, which
/// <see cref="PluginTestHost.ReadEvents"/> hides) reads them here.
/// </summary>
public static class EventBatchReader
{
    /// <summary>
    /// Copies the events of <paramref name="batch"/> as the host would number them: the first gets
    /// <paramref name="firstNumber"/>, the next one more, and so on. The batch is left unchanged.
    /// </summary>
    /// <param name="batch">A batch filled by <see cref="EventStream.NextBatch"/>.</param>
    /// <param name="source">The events' source, which the batch does not record (the host knows it from the plugin).</param>
    /// <param name="firstNumber">The number of the first event.</param>
    public static unsafe IReadOnlyList<CapturedEvent> Read(EventBatch batch, string source, ulong firstNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(source);
        var sourceName = EventSourceName.Get(source);
        var pointers = batch.Publish();
        var events = new CapturedEvent[batch.Count];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = new CapturedEvent(new PluginEvent(pointers[i], firstNumber + (ulong)i, sourceName));
        }

        return events;
    }
}
