using Peregrine.Plugins.Abi;
using Peregrine.Plugins.Tests.Support;
using Peregrine.TestSupport;

namespace Peregrine.Plugins.Tests.Native;

/// <summary>The counter plugin (API 3.x) through the host: lifecycle, batches and libscap's rules.</summary>
public sealed class SourcingTests : IDisposable
{
    private readonly IPluginLibrary _library = PluginLoader.Load(NativeFixtures.Counter);
    private readonly RecordingLogger _logger = new();

    public void Dispose() => _library.Dispose();

    private IPlugin Init(string config = "") => _library.Initialize(config, _logger);

    private static List<PluginBatchStatus> Drain(IPluginStream stream, List<ulong>? values = null, int limit = 1000)
    {
        var statuses = new List<PluginBatchStatus>();
        for (var i = 0; i < limit; i++)
        {
            var status = stream.NextBatch(out var batch);
            statuses.Add(status);
            foreach (var evt in batch)
            {
                values?.Add(BitConverter.ToUInt64(evt.Payload));
            }

            if (status is PluginBatchStatus.Eof or PluginBatchStatus.Failure)
            {
                break;
            }
        }

        return statuses;
    }

    [Fact]
    public void Descriptor_describes_the_plugin()
    {
        var d = _library.Descriptor;
        Assert.Equal("counter", d.Name);
        Assert.Equal("emits a sequence of counter events", d.Description);
        Assert.Equal("peregrine tests", d.Contact);
        Assert.Equal(new PluginVersion(1, 2, 3), d.Version);
        Assert.Equal("1.2.3", d.VersionText);
        Assert.Equal("3.12.0", d.RequiredApiVersion);
        Assert.Equal(PluginAbiVersion.V3, d.Abi);
        Assert.Equal(PluginCapabilities.Sourcing | PluginCapabilities.Extraction, d.Capabilities);
        Assert.True(d.Has(PluginCapabilities.Sourcing));
        Assert.Equal(999u, d.Id);
        Assert.Equal("counter", d.EventSource);
        Assert.Same(EventSourceName.Get("counter"), d.SourceName);
        Assert.Equal(["counter.value", "counter.even", "counter.label", "counter.config", "counter.tables", "counter.mod"], d.Fields.Select(f => f.Name));
        Assert.Equal("Value", d.Fields[0].Display);
        Assert.Equal(["counter"], d.ExtractEventSources);
        Assert.True(d.IsExtractSourceCompatible("counter"));
        Assert.False(d.IsExtractSourceCompatible("syscall"));
        Assert.Equal(PluginInitSchemaType.Json, d.InitSchema.Type);
        Assert.True(d.InitSchema.IsPresent);
        Assert.Contains("\"start\"", d.InitSchema.Text);
        Assert.Equal(NativeFixtures.Counter, d.Location);
    }

    [Fact]
    public void Events_come_in_batches_post_processed_and_numbered()
    {
        using var plugin = Init("{\"start\":100}");
        using var stream = plugin.Open("count=300,batch=128");
        Assert.Same(EventSourceName.Get("counter"), stream.Source);
        var sizes = new List<int>();
        ulong expectedNumber = 1;
        ulong expectedValue = 100;
        PluginBatchStatus status;
        while ((status = stream.NextBatch(out var batch)) == PluginBatchStatus.Success)
        {
            sizes.Add(batch.Count);
            Assert.Equal(expectedNumber, batch.FirstNumber);
            for (var i = 0; i < batch.Count; i++)
            {
                var evt = batch[i];
                Assert.Equal(expectedNumber++, evt.Number);
                Assert.Same(stream.Source, evt.Source);
                Assert.Equal(PluginEventLayout.PluginEventType, evt.Type);
                Assert.Equal(2u, evt.ParameterCount);
                Assert.Equal(46u, evt.Length);
                Assert.True(evt.IsPluginEvent);
                Assert.Equal(999u, evt.PluginId); // filled in by the host: the plugin leaves 0
                Assert.Equal(PluginEventLayout.NoThread, evt.ThreadId);
                Assert.Equal(expectedValue, BitConverter.ToUInt64(evt.Payload));
                Assert.Equal(1_000_000_000_000_000_000UL + expectedValue, evt.Timestamp);
                Assert.Equal(46, evt.Span.Length);
                expectedValue++;
            }
        }

        Assert.Equal(PluginBatchStatus.Eof, status);
        Assert.Equal([128, 128, 44], sizes);
        Assert.Equal(PluginBatchStatus.Eof, stream.NextBatch(out var after));
        Assert.Equal(0, after.Count);
    }

    [Fact]
    public void Batch_can_be_enumerated_and_indexed_only_within_bounds()
    {
        using var plugin = Init();
        using var stream = plugin.Open("count=3");
        Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out var batch));
        var numbers = new List<ulong>();
        foreach (var evt in batch)
        {
            numbers.Add(evt.Number);
        }

        Assert.Equal([1UL, 2UL, 3UL], numbers);
        Assert.Throws<ArgumentOutOfRangeException>(() => batch[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => batch[-1]);
    }

    [Fact]
    public void Timestamp_max_means_now()
    {
        using var plugin = Init();
        using var stream = plugin.Open("count=2,ts=now");
        var before = (ulong)(DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out var batch));
        var after = (ulong)(DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        foreach (var evt in batch)
        {
            Assert.InRange(evt.Timestamp, before, after);
        }
    }

    [Fact]
    public void Events_returned_with_eof_are_delivered_first()
    {
        using var plugin = Init();
        using var stream = plugin.Open("count=5,eof_with_last=1");
        var values = new List<ulong>();
        Assert.Equal([PluginBatchStatus.Success, PluginBatchStatus.Eof], Drain(stream, values: values));
        Assert.Equal([0UL, 1, 2, 3, 4], values);

        // The remembered EOF was reported without calling the plugin; the next call asks it again.
        Assert.Equal("5/5", stream.GetProgress().Text);
        Assert.Equal(PluginBatchStatus.Eof, stream.NextBatch(out _));
    }

    [Fact]
    public void Timeout_then_events()
    {
        using var plugin = Init();
        using var stream = plugin.Open("count=3,timeout_first=2");
        var values = new List<ulong>();
        Assert.Equal([PluginBatchStatus.Timeout, PluginBatchStatus.Timeout, PluginBatchStatus.Success, PluginBatchStatus.Eof], Drain(stream, values: values));
        Assert.Equal([0UL, 1, 2], values);
    }

    [Fact]
    public void Events_returned_with_timeout_come_before_the_timeout()
    {
        using var plugin = Init();
        using var stream = plugin.Open("count=3,batch=1,timeout_every=1");
        var values = new List<ulong>();
        var statuses = Drain(stream, values: values);
        Assert.Equal(
            [PluginBatchStatus.Success, PluginBatchStatus.Timeout, PluginBatchStatus.Success, PluginBatchStatus.Timeout,
             PluginBatchStatus.Success, PluginBatchStatus.Timeout, PluginBatchStatus.Eof],
            statuses);
        Assert.Equal([0UL, 1, 2], values);
    }

    [Fact]
    public void Failure_after_some_events_delivers_them_then_reports_the_plugin_error()
    {
        using var plugin = Init();
        using var stream = plugin.Open("count=100,batch=3,fail_after=5");
        var values = new List<ulong>();
        Assert.Equal([PluginBatchStatus.Success, PluginBatchStatus.Success, PluginBatchStatus.Failure], Drain(stream, values: values));
        Assert.Equal([0UL, 1, 2, 3, 4], values);
        Assert.Equal("counter failed after 5 events", stream.LastError);
    }

    [Fact]
    public void Success_without_events_is_an_error()
    {
        using var plugin = Init();
        using var stream = plugin.Open("empty_success=1");
        Assert.Equal(PluginBatchStatus.Failure, stream.NextBatch(out var batch));
        Assert.Equal(0, batch.Count);
        Assert.Equal("unexpected 0 size event returned by plugin counter", stream.LastError);
    }

    [Fact]
    public void Wrong_plugin_id_stops_the_stream_after_the_good_events()
    {
        using var plugin = Init();
        using var stream = plugin.Open("count=5,bad=wrong_id,bad_at=2");
        var values = new List<ulong>();
        Assert.Equal([PluginBatchStatus.Success, PluginBatchStatus.Failure], Drain(stream, values: values));
        Assert.Equal([0UL, 1], values);
        const string expected = "unexpected plugin ID in plugin event: plugin='counter', expected_id=999, actual_id=12345";
        Assert.Equal(expected, stream.LastError);
        Assert.Equal(PluginBatchStatus.Failure, stream.NextBatch(out _));
        Assert.Equal(expected, stream.LastError);
    }

    [Theory]
    [InlineData("bad_type")]
    [InlineData("bad_nparams")]
    public void Malformed_plugin_event(string kind)
    {
        using var plugin = Init();
        using var stream = plugin.Open($"count=5,bad={kind},bad_at=0");
        Assert.Equal(PluginBatchStatus.Failure, stream.NextBatch(out var batch));
        Assert.Equal(0, batch.Count);
        Assert.Equal("malformed plugin event produced by plugin: 'counter'", stream.LastError);
    }

    [Fact]
    public void Plugin_may_set_its_own_id()
    {
        using var plugin = Init();
        using var stream = plugin.Open("count=3,bad=own_id,bad_at=1");
        Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out var batch));
        Assert.Equal(3, batch.Count);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(999u, batch[i].PluginId));
    }

    [Fact]
    public void Plugin_event_without_id_from_an_id_zero_plugin_is_malformed()
    {
        using var library = PluginLoader.Load(NativePluginBuilder.BuildPlugin("counter", new Dictionary<string, string?> { ["COUNTER_NO_ID"] = null }));
        Assert.Equal(0u, library.Descriptor.Id);
        Assert.Equal("", library.Descriptor.EventSource);
        Assert.Same(EventSourceName.Syscall, library.Descriptor.SourceName);
        Assert.Empty(library.Descriptor.ExtractEventSources);
        using var plugin = library.Initialize("");
        using var stream = plugin.Open("count=3");
        Assert.Same(EventSourceName.Syscall, stream.Source);
        Assert.Equal(PluginBatchStatus.Failure, stream.NextBatch(out _));
        Assert.Equal("malformed plugin event produced by plugin (no ID): 'counter'", stream.LastError);
    }

    [Fact]
    public void Open_failure_reports_the_plugin_error()
    {
        using var plugin = Init();
        var error = Assert.Throws<PluginException>(() => plugin.Open("fail_open=1"));
        Assert.Equal("counter refused to open: fail_open=1", error.Message);
        Assert.Equal("counter", error.PluginName);
        using var stream = plugin.Open("count=1");
        Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out _));
    }

    [Fact]
    public void Progress_is_reported_in_hundredths()
    {
        using var plugin = Init();
        using var stream = plugin.Open("count=300,batch=128");
        Assert.Equal(new PluginProgress("0/300", 0), stream.GetProgress());
        stream.NextBatch(out _);
        var progress = stream.GetProgress();
        Assert.Equal("128/300", progress.Text);
        Assert.Equal(4266u, progress.Hundredths);
        Assert.Equal(42.66, progress.Percent, 5);
    }

    [Fact]
    public void Event_to_string_uses_the_plugin_then_falls_back()
    {
        using var plugin = Init();
        using var stream = plugin.Open("count=10");
        stream.NextBatch(out var batch);
        Assert.Equal("counter value=5 evtnum=6 src=counter", plugin.EventToString(batch[5]));

        using var plain = Init("{\"to_string\":false}");
        Assert.Equal("datalen=8 data=<binary>", plain.EventToString(batch[5]));

        using var events = new TestEvents();
        Assert.Null(plugin.EventToString(events.Plugin(1, 12345, EventSourceName.Get("counter"))));
        Assert.Null(plugin.EventToString(events.Raw(402, 3, 999, [1, 2], EventSourceName.Get("counter"))));
    }

    [Fact]
    public void Open_params_are_listed()
    {
        using var plugin = Init();
        Assert.Equal(
            [new PluginOpenParam("count=10", "ten events", ""), new PluginOpenParam("count=1000,batch=256", "a thousand events", ",")],
            plugin.ListOpenParams());
    }

    [Fact]
    public void Plugin_logs_reach_the_logger()
    {
        var plugin = Init();
        Assert.Equal(
            [(PluginLogSeverity.Info, "counter", "initialized"), (PluginLogSeverity.Debug, "counter-worker", "worker ready")],
            _logger.Messages.ToArray());
        plugin.Dispose();
        Assert.Equal((PluginLogSeverity.Info, "counter", "destroyed"), _logger.Messages.Last());
        plugin.Dispose(); // idempotent
    }

    [Fact]
    public void Table_api_is_never_null_and_every_stub_answers()
    {
        using var plugin = Init();
        using var events = new TestEvents();
        var sink = new RecordingSink();
        Assert.True(plugin.Extract(events.Plugin(1, 999, EventSourceName.Get("counter")), [new PluginFieldRequest(4)], sink));
        Assert.Equal(
            "tables=ok list=null n=0 get=null field=null added=null name=null size=0 clear=1 add=1 err=the host exposes no state tables",
            sink.Single(0));
    }

    [Fact]
    public void Init_failure_reports_the_plugin_error()
    {
        var error = Assert.Throws<PluginLoadException>(() => Init("{\"fail_init\":\"no luck today\"}"));
        Assert.Equal($"cannot load plugin {NativeFixtures.Counter}: could not initialize plugin: no luck today", error.Message);
        Assert.Equal("could not initialize plugin: no luck today", error.FalcoMessage);
        Assert.Equal(PluginLoadStage.Init, error.Stage);
        Assert.Equal("counter", error.PluginName);
    }

    [Fact]
    public void Init_failure_without_state()
    {
        var path = Shape.Build(["SHAPE_INIT_FAIL_NULL", .. Shape.Extraction]);
        using var library = PluginLoader.Load(path);
        var error = Assert.Throws<PluginLoadException>(() => library.Initialize(""));
        Assert.Equal($"cannot load plugin {path}: could not initialize plugin: plugin handle or 'get_last_error' function not defined", error.Message);
    }

    [Fact]
    public void Init_failure_with_state()
    {
        var path = Shape.Build(["SHAPE_INIT_FAIL:=shape says no", .. Shape.Extraction]);
        using var library = PluginLoader.Load(path);
        Assert.Equal("could not initialize plugin: shape says no", Assert.Throws<PluginLoadException>(() => library.Initialize("")).FalcoMessage);
    }

    [Fact]
    public void Loading_the_same_library_twice_gives_independent_instances()
    {
        using var second = PluginLoader.Load(NativeFixtures.Counter);
        Assert.NotSame(_library, second);
        using var a = _library.Initialize("{\"start\":1000,\"label\":\"a\"}");
        using var b = second.Initialize("{\"start\":2000,\"label\":\"b\"}");
        using var c = _library.Initialize("{\"start\":3000}"); // a second state from one library
        using var sa = a.Open("count=4,batch=2");
        using var sb = b.Open("count=4,batch=2");
        using var sc = c.Open("count=4,batch=2");
        var seen = new List<ulong>();
        for (var round = 0; round < 2; round++)
        {
            foreach (var stream in new[] { sa, sb, sc })
            {
                Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out var batch));
                foreach (var evt in batch)
                {
                    seen.Add(BitConverter.ToUInt64(evt.Payload));
                }
            }
        }

        Assert.Equal([1000UL, 1001, 2000, 2001, 3000, 3001, 1002, 1003, 2002, 2003, 3002, 3003], seen);
        var sink = new RecordingSink();
        using var events = new TestEvents();
        var evt0 = events.Plugin(0, 999, EventSourceName.Get("counter"));
        a.Extract(evt0, [new PluginFieldRequest(2)], sink);
        b.Extract(evt0, [new PluginFieldRequest(2)], sink);
        Assert.Equal(["a", "b"], sink.Values.Select(v => v.Value));
    }

    [Fact]
    public void Disposing_the_plugin_closes_its_streams()
    {
        var plugin = Init();
        var stream = plugin.Open("count=10");
        plugin.Dispose();
        Assert.Throws<ObjectDisposedException>(() => stream.NextBatch(out _));
        Assert.Throws<ObjectDisposedException>(() => plugin.Open("count=1"));
        stream.Dispose();
    }

    [Fact]
    public void A_closed_stream_refuses_further_use()
    {
        using var plugin = Init();
        var stream = plugin.Open("count=10");
        stream.Dispose();
        stream.Dispose();
        Assert.Throws<ObjectDisposedException>(() => stream.GetProgress());
    }

    [Fact]
    public void Extractor_cannot_be_opened()
    {
        using var library = PluginLoader.Load(NativeFixtures.Extractor);
        using var plugin = library.Initialize("");
        var error = Assert.Throws<PluginException>(() => plugin.Open(""));
        Assert.Equal("plugin extractor has not event sourcing capabilities and cannot be used as input.", error.Message);
        Assert.Empty(plugin.ListOpenParams());
    }

    [Fact]
    public void Library_stays_usable_until_every_instance_is_gone()
    {
        var library = PluginLoader.Load(NativeFixtures.Counter);
        var plugin = library.Initialize("");
        library.Dispose();
        Assert.Throws<ObjectDisposedException>(() => library.Initialize(""));
        using (var stream = plugin.Open("count=2"))
        {
            Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out var batch));
            Assert.Equal(2, batch.Count);
        }

        plugin.Dispose();
    }
}
