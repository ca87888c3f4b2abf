using BenchmarkDotNet.Attributes;
using Peregrine.TestSupport;

namespace Peregrine.Plugins.Benchmarks;

/// <summary>
/// A bare next_batch loop through the host on the counter plugin: each operation is one event
/// fetched, post-processed (ID, thread, timestamp) and touched. The stream never ends, so the
/// measurement excludes open/close.
/// </summary>
[MemoryDiagnoser]
public class NextBatchBenchmarks
{
    private const int EventsPerInvoke = 1 << 19;
    private IPluginLibrary _library = null!;
    private IPlugin _plugin = null!;
    private IPluginStream _stream = null!;

    [Params(128, 1024)]
    public int Batch { get; set; }

    /// <summary>"seq": the plugin sets timestamps; "now": it asks the host to stamp each event.</summary>
    [Params("seq", "now")]
    public string Timestamps { get; set; } = "seq";

    [GlobalSetup]
    public void Setup()
    {
        _library = PluginLoader.Load(NativeFixtures.Counter);
        _plugin = _library.Initialize("{\"log\":false}");
        _stream = _plugin.Open($"count=9223372036854775807,batch={Batch},ts={Timestamps}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stream.Dispose();
        _plugin.Dispose();
        _library.Dispose();
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public ulong Events() => Drain();

    private ulong Drain()
    {
        ulong checksum = 0;
        for (var i = EventsPerInvoke / Batch; i > 0; i--)
        {
            _stream.NextBatch(out var batch);
            foreach (var evt in batch)
            {
                checksum += evt.Length;
            }
        }

        return checksum;
    }
}
