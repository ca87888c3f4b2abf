using Peregrine.Plugins.Abi;
using Peregrine.Plugins.Tests.Support;
using Peregrine.TestSupport;

namespace Peregrine.Plugins.Tests.Native;

/// <summary>API 2.0 plugins (Falco 0.33 era) through the adapter, beside 3.x ones.</summary>
public sealed class LegacyPluginTests : IDisposable
{
    private readonly IPluginLibrary _source = PluginLoader.Load(NativeFixtures.LegacySource);
    private readonly IPluginLibrary _extractor = PluginLoader.Load(NativeFixtures.LegacyExtractor);

    public void Dispose()
    {
        _source.Dispose();
        _extractor.Dispose();
    }

    [Fact]
    public void Descriptors()
    {
        var s = _source.Descriptor;
        Assert.Equal(PluginAbiVersion.V2, s.Abi);
        Assert.Equal("2.0.0", s.RequiredApiVersion);
        Assert.Equal("legacy_source", s.Name);
        Assert.Equal(998u, s.Id);
        Assert.Equal("legacy", s.EventSource);
        Assert.Equal(PluginCapabilities.Sourcing | PluginCapabilities.Extraction, s.Capabilities);
        Assert.Equal(["legacy"], s.ExtractEventSources);
        Assert.False(s.InitSchema.IsPresent);

        var x = _extractor.Descriptor;
        Assert.Equal(PluginAbiVersion.V2, x.Abi);
        Assert.Equal(PluginCapabilities.Extraction, x.Capabilities);
        Assert.Equal(["lx.str", "lx.u64", "lx.list", "lx.idx", "lx.key", "lx.input"], x.Fields.Select(f => f.Name));
    }

    [Fact]
    public void Payloads_are_wrapped_into_plugin_events()
    {
        using var plugin = _source.Initialize("start=50");
        Assert.Equal([PluginEventLayout.PluginEventType], plugin.ExtractEventTypes.Codes);
        using var stream = plugin.Open("count=5,batch=2");
        Assert.Same(EventSourceName.Get("legacy"), stream.Source);
        var values = new List<ulong>();
        var numbers = new List<ulong>();
        PluginBatchStatus status;
        while ((status = stream.NextBatch(out var batch)) == PluginBatchStatus.Success)
        {
            foreach (var evt in batch)
            {
                Assert.Equal(PluginEventLayout.PluginEventType, evt.Type);
                Assert.Equal(2u, evt.ParameterCount);
                Assert.Equal(46u, evt.Length);
                Assert.Equal(998u, evt.PluginId);
                Assert.Equal(PluginEventLayout.NoThread, evt.ThreadId);
                var value = BitConverter.ToUInt64(evt.Payload);
                Assert.Equal(2_000_000_000_000_000_000UL + value, evt.Timestamp);
                values.Add(value);
                numbers.Add(evt.Number);
            }
        }

        Assert.Equal(PluginBatchStatus.Eof, status);
        Assert.Equal([50UL, 51, 52, 53, 54], values);
        Assert.Equal([1UL, 2, 3, 4, 5], numbers);
    }

    [Fact]
    public void Timestamp_max_means_now()
    {
        using var plugin = _source.Initialize("");
        using var stream = plugin.Open("count=1,ts=now");
        var before = (ulong)(DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out var batch));
        Assert.InRange(batch[0].Timestamp, before, before + 60_000_000_000UL);
    }

    [Fact]
    public void Eof_and_failure_with_events()
    {
        using var plugin = _source.Initialize("");
        using (var stream = plugin.Open("count=3,eof_with_last=1"))
        {
            Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out var batch));
            Assert.Equal(3, batch.Count);
            Assert.Equal(PluginBatchStatus.Eof, stream.NextBatch(out _));
        }

        using (var stream = plugin.Open("count=10,batch=4,fail_after=6"))
        {
            Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out var first));
            Assert.Equal(4, first.Count);
            Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out var second));
            Assert.Equal(2, second.Count);
            Assert.Equal(PluginBatchStatus.Failure, stream.NextBatch(out _));
            Assert.Equal("legacy source failed after 6 events", stream.LastError);
        }
    }

    [Fact]
    public void Progress_and_event_to_string_use_the_2_0_signatures()
    {
        using var plugin = _source.Initialize("start=3");
        using var stream = plugin.Open("count=4");
        Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out var batch));
        Assert.Equal(new PluginProgress("legacy 4/4", 10000), stream.GetProgress());
        Assert.Equal($"legacy value=4 evtnum=2 ts={2_000_000_000_000_000_004UL}", plugin.EventToString(batch[1]));
        Assert.Empty(plugin.ListOpenParams());
    }

    [Fact]
    public void Own_fields_and_a_legacy_extractor()
    {
        using var plugin = _source.Initialize("start=20");
        using var extractor = _extractor.Initialize("");
        using var stream = plugin.Open("count=2");
        Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out var batch));
        var evt = batch[1];

        var sink = new RecordingSink();
        Assert.True(plugin.Extract(evt, [new(0), new(1)], sink));
        Assert.Equal([21UL, "legacy-21"], sink.Values.Select(v => v.Value));

        var d = _extractor.Descriptor;
        Assert.True(PluginFieldArgument.TryCreate(d.Fields[3], "4", out var index, out _));
        Assert.True(PluginFieldArgument.TryCreate(d.Fields[4], "abc", out var key, out _));
        sink.Clear();
        Assert.True(extractor.Extract(evt, [new(0), new(1), new(2), new(3, index), new(4, key), new(5)], sink));
        Assert.Equal("lx-21", sink.Single(0));
        Assert.Equal(121UL, sink.Single(1));
        Assert.Equal(["x", "y"], sink.Of(2));
        Assert.Equal(40UL, sink.Single(3));
        Assert.Equal("key=abc", sink.Single(4));

        // 2.0 flags are single bytes, an absent index is 0, and the event is the payload view.
        Assert.Equal($"present=0 index=0 ftype=9 flist=0 evtnum=2 ts={2_000_000_000_000_000_021UL} datalen=8", sink.Single(5));
    }

    [Fact]
    public void Legacy_and_current_extractors_only_take_their_sources()
    {
        using var legacy = _extractor.Initialize("");
        using var current = PluginLoader.Load(NativeFixtures.Extractor);
        using var currentPlugin = current.Initialize("");
        using var events = new TestEvents();
        var sink = new RecordingSink();
        Assert.False(legacy.Extract(events.Plugin(1, 999, EventSourceName.Get("counter")), [new(0)], sink));
        Assert.False(currentPlugin.Extract(events.Plugin(1, 998, EventSourceName.Get("legacy")), [new(0)], sink));
        Assert.False(legacy.Extract(events.Raw(PluginEventLayout.AsyncEventType, 3, 998, [1], EventSourceName.Get("legacy")), [new(0)], sink));
        Assert.True(legacy.Extract(events.Plugin(1, 998, EventSourceName.Get("legacy")), [new(0)], sink));
        Assert.Equal("lx-1", sink.Single(0));
    }

    [Fact]
    public void Legacy_init_failure()
    {
        var error = Assert.Throws<PluginLoadException>(() => _extractor.Initialize("fail"));
        Assert.Equal("could not initialize plugin: legacy extractor init failed", error.FalcoMessage);
        Assert.Equal($"cannot load plugin {NativeFixtures.LegacyExtractor}: could not initialize plugin: legacy extractor init failed", error.Message);
    }
}
