using Peregrine.Plugins.Abi;
using Peregrine.Plugins.Tests.Support;
using Peregrine.TestSupport;

namespace Peregrine.Plugins.Tests.Native;

/// <summary>The extractor plugin (API 3.x) over counter events: every type, lists, arguments, batching.</summary>
public sealed class ExtractionTests : IDisposable
{
    private static readonly EventSourceName Counter = EventSourceName.Get("counter");
    private readonly IPluginLibrary _library = PluginLoader.Load(NativeFixtures.Extractor);
    private readonly IPlugin _plugin;
    private readonly TestEvents _events = new();
    private readonly RecordingSink _sink = new();

    public ExtractionTests() => _plugin = _library.Initialize("");

    public void Dispose()
    {
        _plugin.Dispose();
        _library.Dispose();
        _events.Dispose();
    }

    private PluginFieldRequest Request(string name, string? argument = null)
    {
        var field = _library.Descriptor.FindField(name) ?? throw new ArgumentException(name);
        if (argument is null)
        {
            return new PluginFieldRequest(field.Index);
        }

        Assert.True(PluginFieldArgument.TryCreate(field, argument, out var arg, out var error), error);
        return new PluginFieldRequest(field.Index, arg);
    }

    private object[] Extract(PluginEvent evt, string name, string? argument = null)
    {
        _sink.Clear();
        Assert.True(_plugin.Extract(evt, [Request(name, argument)], _sink));
        return _sink.Of(0);
    }

    [Fact]
    public void Descriptor_lists_fields_and_sources()
    {
        var d = _library.Descriptor;
        Assert.Equal(PluginCapabilities.Extraction, d.Capabilities);
        Assert.Equal(0u, d.Id);
        Assert.Null(d.SourceName);
        Assert.Equal(["counter", "other"], d.ExtractEventSources.Order()); // the empty entry is dropped
        Assert.Equal(25, d.Fields.Count);
        var hidden = d.FindField("ex.hidden")!;
        Assert.Equal(PluginFieldProperties.Hidden | PluginFieldProperties.Info | PluginFieldProperties.Conversation, hidden.Properties);
        Assert.True(hidden.IsHidden);
        Assert.True(hidden.AddOutput);
        Assert.Equal("Hidden", hidden.Display);
        Assert.Equal(PluginFieldType.RelTime, d.FindField("ex.reltime")!.Type);
        Assert.True(d.FindField("ex.iplist")!.IsList);
        Assert.Equal("ex.iplist (ipaddr list)", d.FindField("ex.iplist")!.ToString());

        // No get_extract_event_types and no "syscall" among the sources: plugin events only.
        Assert.False(_plugin.ExtractEventTypes.IsAll);
        Assert.Equal([PluginEventLayout.PluginEventType], _plugin.ExtractEventTypes.Codes);
    }

    [Fact]
    public void Every_scalar_type()
    {
        var evt = _events.Plugin(7, 999, Counter, number: 42, ts: 5555);
        Assert.Equal(["value-7"], Extract(evt, "ex.str"));
        Assert.Equal([14UL], Extract(evt, "ex.u64"));
        Assert.Equal([7000UL], Extract(evt, "ex.reltime"));
        Assert.Equal([5555UL], Extract(evt, "ex.abstime"));
        Assert.Equal([false], Extract(evt, "ex.bool"));
        Assert.Equal([true], Extract(_events.Plugin(8, 999, Counter), "ex.bool"));
        Assert.Equal(["10.0.0.7"], Extract(evt, "ex.ipv4"));
        Assert.Equal(["2001:db8::7"], Extract(evt, "ex.ipv6"));
        Assert.Equal(["192.168.0.0"], Extract(evt, "ex.net"));
        Assert.Equal([42UL], Extract(evt, "ex.evtnum"));
        Assert.Equal(["counter"], Extract(evt, "ex.src"));
        Assert.Equal(["hidden"], Extract(evt, "ex.hidden"));
    }

    [Fact]
    public void List_fields_deliver_every_element_with_its_position()
    {
        var evt = _events.Plugin(3, 999, Counter);
        Assert.Equal(["a", "b", "value-3"], Extract(evt, "ex.strlist"));
        Assert.Equal([(0, 0, 3), (0, 1, 3), (0, 2, 3)], _sink.Values.Select(v => (v.Request, v.Element, v.Count)));
        Assert.Equal([3UL, 4UL, 5UL], Extract(evt, "ex.u64list"));
        Assert.Equal([true, false], Extract(evt, "ex.boollist"));
        Assert.Equal(["127.0.0.1", "::1"], Extract(evt, "ex.iplist"));
        Assert.Empty(Extract(evt, "ex.emptylist"));
    }

    [Fact]
    public void Absent_values_get_no_call()
    {
        Assert.Equal([5UL], Extract(_events.Plugin(5, 999, Counter), "ex.maybe"));
        Assert.Empty(Extract(_events.Plugin(6, 999, Counter), "ex.maybe"));
    }

    [Fact]
    public void Arguments_reach_the_plugin()
    {
        var evt = _events.Plugin(1, 999, Counter);
        Assert.Equal(["idx-3"], Extract(evt, "ex.idx", "3"));
        Assert.Equal(["idx-0"], Extract(evt, "ex.idx", "0"));
        Assert.Empty(Extract(evt, "ex.idx", "1000"));
        Assert.Equal(["key-HOME"], Extract(evt, "ex.key", "HOME"));
        Assert.Equal(["key-01"], Extract(evt, "ex.key", "01"));
        Assert.Equal(["key-with space"], Extract(evt, "ex.key", "with space"));
        Assert.Equal(["opt-none"], Extract(evt, "ex.opt"));
        Assert.Equal(["opt-x"], Extract(evt, "ex.opt", "x"));
        Assert.Equal(["opt-"], Extract(evt, "ex.opt", ""));

        // A field taking both: a numeric argument is an index (and also passed as the key); otherwise only a key.
        Assert.Equal(["index=7 key=7"], Extract(evt, "ex.both", "7"));
        Assert.Equal(["index=none key=abc"], Extract(evt, "ex.both", "abc"));
        Assert.Equal(["index=none key=07"], Extract(evt, "ex.both", "07"));
        Assert.Equal(["index=none key=(null)"], Extract(evt, "ex.both"));
    }

    [Fact]
    public void Host_fills_every_request_member()
    {
        var evt = _events.Plugin(1, 999, Counter);
        _sink.Clear();
        Assert.True(_plugin.Extract(evt, [Request("ex.str"), Request("ex.input")], _sink));
        Assert.Equal(["field=ex.input id=23", "ftype=9 flist=1", "present=0 num_fields=2"], _sink.Of(1));
    }

    [Fact]
    public void Table_reader_is_never_null_and_value_offsets_are_not_requested()
    {
        Assert.Equal(["reader=set name=null size=0 offsets=null err=the host exposes no state tables"], Extract(_events.Plugin(1, 999, Counter), "ex.tables"));
    }

    [Fact]
    public void Several_fields_in_one_call()
    {
        var evt = _events.Plugin(9, 999, Counter, number: 77, ts: 99);
        _sink.Clear();
        PluginFieldRequest[] requests =
        [
            Request("ex.calls"), Request("ex.str"), Request("ex.u64"), Request("ex.reltime"), Request("ex.abstime"),
            Request("ex.bool"), Request("ex.ipv4"), Request("ex.ipv6"), Request("ex.net"), Request("ex.strlist"),
            Request("ex.u64list"), Request("ex.boollist"), Request("ex.iplist"), Request("ex.emptylist"),
            Request("ex.idx", "2"), Request("ex.key", "k"), Request("ex.opt"), Request("ex.both", "5"), Request("ex.maybe"),
            Request("ex.evtnum"), Request("ex.src"), Request("ex.idx", "4"), Request("ex.str"),
        ];
        Assert.True(_plugin.Extract(evt, requests, _sink));
        var callsBefore = (ulong)_sink.Single(0);
        Assert.Equal("value-9", _sink.Single(1));
        Assert.Equal(18UL, _sink.Single(2));
        Assert.Equal(9000UL, _sink.Single(3));
        Assert.Equal(99UL, _sink.Single(4));
        Assert.Equal(false, _sink.Single(5));
        Assert.Equal("10.0.0.9", _sink.Single(6));
        Assert.Equal("2001:db8::9", _sink.Single(7));
        Assert.Equal("192.168.0.0", _sink.Single(8));
        Assert.Equal(["a", "b", "value-9"], _sink.Of(9));
        Assert.Equal([9UL, 10UL, 11UL], _sink.Of(10));
        Assert.Equal([true, false], _sink.Of(11));
        Assert.Equal(["127.0.0.1", "::1"], _sink.Of(12));
        Assert.Empty(_sink.Of(13));
        Assert.Equal("idx-2", _sink.Single(14));
        Assert.Equal("key-k", _sink.Single(15));
        Assert.Equal("opt-none", _sink.Single(16));
        Assert.Equal("index=5 key=5", _sink.Single(17));
        Assert.Equal(9UL, _sink.Single(18));
        Assert.Equal(77UL, _sink.Single(19));
        Assert.Equal("counter", _sink.Single(20));
        Assert.Equal("idx-4", _sink.Single(21));
        Assert.Equal("value-9", _sink.Single(22));

        // One plugin call for the whole batch.
        _sink.Clear();
        Assert.True(_plugin.Extract(evt, requests, _sink));
        Assert.Equal(callsBefore + 1, (ulong)_sink.Single(0));
    }

    [Fact]
    public void One_field_per_call_gives_the_same_values_as_a_batch()
    {
        var evt = _events.Plugin(4, 999, Counter);
        string[] names = ["ex.str", "ex.u64", "ex.bool", "ex.ipv6", "ex.strlist", "ex.u64list", "ex.maybe"];
        var batched = new RecordingSink();
        Assert.True(_plugin.Extract(evt, names.Select(n => Request(n)).ToArray(), batched));
        for (var i = 0; i < names.Length; i++)
        {
            Assert.Equal(batched.Of(i), Extract(evt, names[i]));
        }
    }

    [Fact]
    public void Plugin_failure_means_no_value_at_all()
    {
        var evt = _events.Plugin(1, 999, Counter);
        _sink.Clear();
        Assert.False(_plugin.Extract(evt, [Request("ex.str"), Request("ex.fail"), Request("ex.u64")], _sink));
        Assert.Empty(_sink.Values);
        Assert.Equal(["value-1"], Extract(evt, "ex.str"));
    }

    [Fact]
    public void Only_events_of_compatible_sources_and_types_are_extracted()
    {
        Assert.Equal(["other"], Extract(_events.Plugin(1, 5, EventSourceName.Get("other")), "ex.src"));
        _sink.Clear();
        Assert.False(_plugin.Extract(_events.Plugin(1, 5, EventSourceName.Get("unknown")), [Request("ex.src")], _sink));
        Assert.False(_plugin.Extract(_events.Plugin(1, 5, EventSourceName.Syscall), [Request("ex.src")], _sink));
        Assert.False(_plugin.Extract(_events.Raw(PluginEventLayout.AsyncEventType, 3, 999, [1, 2, 3], Counter), [Request("ex.src")], _sink));
        Assert.True(_plugin.Extract(_events.Plugin(1, 999, Counter), [Request("ex.src")], _sink));
        Assert.Equal(["counter"], _sink.Of(0));
    }

    [Fact]
    public void Empty_request_list_calls_nothing()
    {
        Assert.True(_plugin.Extract(_events.Plugin(1, 999, Counter), [], _sink));
        Assert.Empty(_sink.Values);
    }

    [Fact]
    public void Unknown_field_index_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _plugin.Extract(_events.Plugin(1, 999, Counter), [new PluginFieldRequest(25)], _sink));
    }

    [Fact]
    public void Extraction_from_the_sourcing_plugins_own_events()
    {
        using var counter = PluginLoader.Load(NativeFixtures.Counter);
        using var plugin = counter.Initialize("{\"label\":\"mine\",\"start\":41}");
        Assert.Equal([PluginEventLayout.PluginEventType], plugin.ExtractEventTypes.Codes);
        using var stream = plugin.Open("count=2");
        Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out var batch));

        // Events stay valid until the next batch: extract with both plugins from the same batch.
        var sink = new RecordingSink();
        Assert.True(plugin.Extract(batch[1], [new(0), new(1), new(2)], sink));
        Assert.Equal([42UL, true, "mine"], sink.Values.Select(v => v.Value));
        _sink.Clear();
        Assert.True(_plugin.Extract(batch[1], [Request("ex.str"), Request("ex.evtnum")], _sink));
        Assert.Equal(["value-42", 2UL], _sink.Values.Select(v => v.Value));
    }

    [Fact]
    public void Plugin_without_extraction_refuses_extract()
    {
        using var library = PluginLoader.Load(Shape.Build(Shape.Sourcing));
        using var plugin = library.Initialize("");
        Assert.Throws<InvalidOperationException>(() => plugin.Extract(_events.Plugin(1, 5, EventSourceName.Get("shape")), [new PluginFieldRequest(0)], _sink));
    }

    [Fact]
    public void Event_types_follow_the_plugin_or_libsinsp_defaults()
    {
        using (var typed = PluginLoader.Load(Shape.Build([.. Shape.Extraction, "SHAPE_EXTRACT_TYPES"])))
        using (var plugin = typed.Initialize(""))
        {
            Assert.Equal([(ushort)322, (ushort)402], plugin.ExtractEventTypes.Codes);
            Assert.False(plugin.ExtractEventTypes.Contains(1));
        }

        // No types and no sources (= every source, syscall included): every event type.
        using (var untyped = PluginLoader.Load(Shape.Build(Shape.Extraction)))
        using (var plugin = untyped.Initialize(""))
        {
            Assert.True(plugin.ExtractEventTypes.IsAll);
            Assert.True(plugin.ExtractEventTypes.Contains(3));
        }

        using (var syscall = PluginLoader.Load(Shape.Build([.. Shape.Extraction, "SHAPE_EXTRACT_SOURCES:=[\"syscall\",\"x\"]"])))
        using (var plugin = syscall.Initialize(""))
        {
            Assert.True(plugin.ExtractEventTypes.IsAll);
        }
    }

    [Fact]
    public void A_sourcing_plugin_always_extracts_from_its_own_source()
    {
        using var library = PluginLoader.Load(Shape.Build([.. Shape.Sourcing, .. Shape.Extraction, "SHAPE_EXTRACT_SOURCES:=[\"a\"]", "SHAPE_PARSE", "SHAPE_PARSE_SOURCES:=[]",
            "SHAPE_ASYNC_HANDLER", "SHAPE_ASYNC_EVENTS:=[\"tick\",\"\",7]", "SHAPE_ASYNC_SOURCES:=[\"b\"]", "SHAPE_CAPTURE_OPEN", "SHAPE_CAPTURE_CLOSE"]));
        var d = library.Descriptor;
        Assert.Equal(PluginCapabilities.Sourcing | PluginCapabilities.Extraction | PluginCapabilities.Parsing | PluginCapabilities.Async | PluginCapabilities.CaptureListening, d.Capabilities);
        Assert.Equal(["a", "shape"], d.ExtractEventSources.Order());
        Assert.Equal(["shape"], d.ParseEventSources);
        Assert.Equal(["b", "shape"], d.AsyncEventSources.Order());
        Assert.Equal(["7", "tick"], d.AsyncEvents.Order());
    }
}
