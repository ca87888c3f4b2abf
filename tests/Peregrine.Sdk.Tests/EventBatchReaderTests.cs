using Peregrine.Sdk.Testing;

namespace Peregrine.Sdk.Tests;

/// <summary>Reading back the events a stream put into a batch, for tests that drive a stream directly.</summary>
public sealed class EventBatchReaderTests
{
    [Fact]
    public void The_events_a_stream_added_are_read_back_numbered_from_the_first_number()
    {
        using var batch = new EventBatch(pluginId: 9, capacity: 4);
        Assert.Equal(BatchResult.Eof, new TwoEvents().NextBatch(batch));
        var events = EventBatchReader.Read(batch, "two", firstNumber: 10);
        Assert.Equal([10ul, 11ul], events.Select(e => e.Number));
        Assert.All(events, e => Assert.True(e.View.IsPluginEvent));
        Assert.All(events, e => Assert.Same(EventSourceName.Get("two"), e.Source));
        Assert.All(events, e => Assert.Equal(9u, e.PluginId));
        Assert.Equal([5ul, 6ul], events.Select(e => e.Timestamp));
        Assert.Equal("first"u8.ToArray(), events[0].Payload);
        Assert.Equal("second"u8.ToArray(), events[1].Payload);
        Assert.Equal(2, batch.Count); // reading leaves the batch as it was
    }

    [Fact]
    public void The_copies_outlive_the_batch()
    {
        IReadOnlyList<CapturedEvent> events;
        using (var batch = new EventBatch())
        {
            new TwoEvents().NextBatch(batch);
            events = EventBatchReader.Read(batch, "two");
        }

        Assert.Equal([1ul, 2ul], events.Select(e => e.Number));
        Assert.Equal("second"u8.ToArray(), events[1].Payload);
    }

    [Fact]
    public void An_empty_batch_reads_as_no_events()
    {
        using var batch = new EventBatch();
        Assert.Empty(EventBatchReader.Read(batch, "two"));
    }

    private sealed class TwoEvents : EventStream
    {
        public override BatchResult NextBatch(EventBatch batch)
        {
            batch.TryAdd("first"u8, timestamp: 5);
            batch.TryAdd("second"u8, timestamp: 6);
            return BatchResult.Eof;
        }
    }
}
