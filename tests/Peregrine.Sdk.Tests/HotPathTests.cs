using Peregrine.Examples.Dummy;
using Peregrine.Sdk.Testing;

namespace Peregrine.Sdk.Tests;

/// <summary>Reading and extracting through the managed host allocates nothing once warm.</summary>
public sealed class HotPathTests
{
    [Fact]
    public void Next_batch_and_extraction_do_not_allocate()
    {
        using var library = PluginLoader.LoadManaged<DummyPlugin>();
        using var plugin = library.Initialize("""{"jitter": 3}""");
        using var stream = plugin.Open("100000");
        var d = plugin.Descriptor;
        Assert.True(PluginFieldArgument.TryCreate(d.FindField("dummy.divisible")!, "3", out var three, out _));
        PluginFieldRequest[] requests =
        [
            new(d.FindField("dummy.value")!.Index),
            new(d.FindField("dummy.strvalue")!.Index),
            new(d.FindField("dummy.divisible")!.Index, three),
            new(d.FindField("dummy.digits")!.Index),
        ];
        var sink = new CountingFieldSink();

        void Run(int batches)
        {
            for (var i = 0; i < batches; i++)
            {
                // No xunit assertion in the measured loop: its comparers allocate.
                if (stream.NextBatch(out var batch) != PluginBatchStatus.Success)
                {
                    throw new InvalidOperationException(stream.LastError);
                }

                foreach (var evt in batch)
                {
                    plugin.Extract(evt, requests, sink);
                }
            }
        }

        Run(4); // warm up: buffers grow, code is jitted
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(50);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sink.Count > 0);
    }

    [Fact]
    public void A_batch_grows_for_large_payloads_and_keeps_earlier_events()
    {
        using var batch = new EventBatch(pluginId: 9, capacity: 4);
        var big = new byte[100_000];
        big[^1] = 42;
        Assert.True(batch.TryAdd("small"u8, timestamp: 5));
        Assert.True(batch.TryAdd(big));
        unsafe
        {
            var pointers = batch.Publish();
            var first = new PluginEvent(pointers[0], 1, EventSourceName.Get("x"));
            var second = new PluginEvent(pointers[1], 2, EventSourceName.Get("x"));
            Assert.Equal("small"u8.ToArray(), first.Payload.ToArray());
            Assert.Equal(5ul, first.Timestamp);
            Assert.Equal(9u, first.PluginId);
            Assert.Equal(100_000, second.Payload.Length);
            Assert.Equal(42, second.Payload[^1]);
        }

        Assert.True(batch.TryAdd([]));
        Assert.True(batch.TryAdd([]));
        Assert.True(batch.IsFull);
        Assert.False(batch.TryAdd([]));
    }
}
