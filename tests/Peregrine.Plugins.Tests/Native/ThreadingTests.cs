using Peregrine.Plugins.Tests.Support;
using Peregrine.TestSupport;

namespace Peregrine.Plugins.Tests.Native;

/// <summary>
/// Calls into one plugin instance are serialized by the host; separate instances are independent.
/// The fixtures keep results in one per-state buffer that every call resets, so an unserialized
/// host would hand out another thread's values.
/// </summary>
public class ThreadingTests
{
    private const int Threads = 4;
    private const int Iterations = 3000;

    [Fact]
    public void Concurrent_extractions_on_one_instance_are_serialized()
    {
        using var library = PluginLoader.Load(NativeFixtures.Extractor);
        using var plugin = library.Initialize("");
        var str = library.Descriptor.FindField("ex.str")!.Index;
        var list = library.Descriptor.FindField("ex.u64list")!.Index;
        var failures = 0;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            using var events = new TestEvents();
            var sink = new RecordingSink();
            var source = EventSourceName.Get("counter");
            PluginFieldRequest[] requests = [new(str), new(list)];
            for (var i = 0; i < Iterations; i++)
            {
                var value = (ulong)((t * 1_000_000) + i);
                var evt = events.Plugin(value, 999, source);
                sink.Clear();
                if (!plugin.Extract(evt, requests, sink)
                    || (string)sink.Single(0) != $"value-{value}"
                    || !sink.Of(1).SequenceEqual([value, value + 1, value + 2]))
                {
                    Interlocked.Increment(ref failures);
                }

                if (i % 256 == 255)
                {
                    events.Dispose();
                }
            }
        });
        Assert.Equal(0, failures);
    }

    [Fact]
    public void Batches_and_extractions_on_one_instance_from_two_threads()
    {
        using var library = PluginLoader.Load(NativeFixtures.Counter);
        using var plugin = library.Initialize("{\"log\":false}");
        using var stream = plugin.Open("count=200000,batch=64");
        var extractorErrors = 0;
        var done = 0;
        var extractor = new Thread(() =>
        {
            using var events = new TestEvents();
            var sink = new RecordingSink();
            var evt = events.Plugin(12, 999, EventSourceName.Get("counter"));
            while (Volatile.Read(ref done) == 0)
            {
                sink.Clear();
                if (!plugin.Extract(evt, [new(0), new(1)], sink) || (ulong)sink.Single(0) != 12UL || !(bool)sink.Single(1))
                {
                    Interlocked.Increment(ref extractorErrors);
                }
            }
        });
        extractor.Start();

        ulong expected = 0;
        var ordered = true;
        PluginBatchStatus status;
        while ((status = stream.NextBatch(out var batch)) == PluginBatchStatus.Success)
        {
            foreach (var evt in batch)
            {
                ordered &= BitConverter.ToUInt64(evt.Payload) == expected++;
            }
        }

        Volatile.Write(ref done, 1);
        extractor.Join();
        Assert.Equal(PluginBatchStatus.Eof, status);
        Assert.True(ordered);
        Assert.Equal(200000UL, expected);
        Assert.Equal(0, extractorErrors);
    }

    [Fact]
    public void Separate_instances_run_in_parallel_independently()
    {
        using var library = PluginLoader.Load(NativeFixtures.Counter);
        var sums = new ulong[Threads];
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            using var plugin = library.Initialize($"{{\"start\":{t * 1_000_000},\"log\":false}}");
            using var stream = plugin.Open("count=50000,batch=100");
            var expected = (ulong)(t * 1_000_000);
            while (stream.NextBatch(out var batch) == PluginBatchStatus.Success)
            {
                foreach (var evt in batch)
                {
                    Assert.Equal(expected++, BitConverter.ToUInt64(evt.Payload));
                    sums[t]++;
                }
            }
        });
        Assert.All(sums, s => Assert.Equal(50000UL, s));
    }
}
