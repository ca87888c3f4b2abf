using System.Net;
using Peregrine.Examples.Dummy;
using Peregrine.Sdk.Testing;

namespace Peregrine.Sdk.Tests;

/// <summary>The helper plugin authors use in their own unit tests, on the example plugin.</summary>
public sealed class PluginTestHostTests
{
    [Fact]
    public void Reads_events_and_extracts_fields_by_name()
    {
        using var host = PluginTestHost.Create<DummyPlugin>("""{"jitter": 0}""");
        var events = host.ReadEvents("3");
        Assert.Equal([1ul, 2ul, 3ul], events.Select(e => e.Number));
        Assert.All(events, e => Assert.Equal(999u, e.PluginId));
        Assert.Equal([2ul], host.Extract(events[2], "dummy.value"));
        Assert.Equal(["2"], host.Extract(events[2], "dummy.strvalue"));
        Assert.Equal([true], host.Extract(events[2], "dummy.divisible[2]"));
        Assert.Equal([false], host.Extract(events[1], "dummy.divisible[2]"));
        Assert.Equal([], host.Extract(events[1], "dummy.divisible[0]"));
        Assert.Equal("sample=1", host.EventToString(events[1]));
        Assert.Contains(host.Logs, l => l.Component == "dummy" && l.Message == "initialized with jitter 0");
    }

    [Fact]
    public void A_bad_field_argument_is_reported_with_the_host_wording()
    {
        using var host = PluginTestHost.Create<DummyPlugin>();
        var events = host.ReadEvents("1");
        var e = Assert.Throws<ArgumentException>(() => host.Extract(events[0], "dummy.divisible[x]"));
        Assert.StartsWith("field dummy.divisible has an invalid index argument not composed only by digits: x", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_failure_is_thrown_with_the_last_error()
    {
        Misbehaving.Next = Fault.SecondBatch;
        using var host = PluginTestHost.Create<Misbehaving>();
        var e = Assert.Throws<PluginException>(() => host.ReadEvents());
        Assert.Equal("boom in SecondBatch", e.Message);
    }

    [Fact]
    public void Address_fields_come_back_as_addresses()
    {
        using var host = PluginTestHost.Create<AddressPlugin>();
        var events = host.ReadEvents();
        Assert.Equal([IPAddress.Parse("10.1.2.3"), IPAddress.Parse("::1")], host.Extract(events[0], "addr.all"));
    }

    [Fact]
    public void A_made_event_is_laid_out_as_the_plugins_stream_would_and_numbered_in_order()
    {
        using var host = PluginTestHost.Create<DummyPlugin>();
        var first = host.CreateEvent(Sample(1234), timestamp: 77);
        var second = host.CreateEvent(Sample(5));
        Assert.True(first.View.IsPluginEvent);
        Assert.Equal([1ul, 2ul], [first.Number, second.Number]);
        Assert.Equal(999u, first.PluginId);
        Assert.Same(EventSourceName.Get("dummy"), first.Source);
        Assert.Equal(77ul, first.Timestamp);
        Assert.Equal(0ul, second.Timestamp);
        Assert.Equal(Sample(1234), first.Payload);
        Assert.Equal([1234ul], host.Extract(first, "dummy.value"));
        Assert.Equal("sample=5", host.EventToString(second));
    }

    [Fact]
    public void A_made_event_takes_a_given_number_and_source()
    {
        using var host = PluginTestHost.Create<DummyPlugin>();
        var evt = host.CreateEvent(Sample(3), number: 42, source: "elsewhere");
        Assert.Equal(42ul, evt.Number);
        Assert.Equal("elsewhere", evt.Source.Value);
        Assert.Null(host.Extract(evt, "dummy.value")); // the plugin does not take events of another source
        Assert.Equal(1ul, host.CreateEvent(Sample(3)).Number); // a given number does not move the count
    }

    [Fact]
    public void A_made_event_of_an_extraction_only_plugin_has_a_source_it_extracts_from()
    {
        using var some = PluginTestHost.Create<ExtractOnly>();
        Assert.Equal("aws_cloudtrail", some.CreateEvent("{}").Source.Value);
        Assert.Equal(0u, some.CreateEvent("{}").PluginId);
        using var any = PluginTestHost.Create<AnySource>();
        Assert.Same(EventSourceName.Syscall, any.CreateEvent("{}").Source);
        Assert.Equal("text"u8.ToArray(), any.CreateEvent("text").Payload);
    }

    [Fact]
    public void Several_fields_come_back_from_one_call_each_with_its_own_values()
    {
        using var host = PluginTestHost.Create<DummyPlugin>();
        var evt = host.CreateEvent(Sample(1234));
        IReadOnlyList<object>[] expected = [[1234ul], ["1234"], [], [true], [1ul, 2ul, 3ul, 4ul]];
        Assert.Equal(expected, host.ExtractMany(evt, "dummy.value", "dummy.strvalue", "dummy.divisible[0]", "dummy.divisible[2]", "dummy.digits"));
        Assert.Equal([], host.ExtractMany(evt)!);
    }

    [Fact]
    public void A_failing_extraction_of_several_fields_is_null()
    {
        Misbehaving.Next = Fault.Extract;
        using var host = PluginTestHost.Create<Misbehaving>();
        var evt = host.CreateEvent("x");
        Assert.Null(host.ExtractMany(evt, "bad.value", "bad.list"));
    }

    [Fact]
    public void A_bad_field_name_is_reported_with_the_host_wording()
    {
        using var host = PluginTestHost.Create<DummyPlugin>();
        var evt = host.CreateEvent(Sample(1));
        var e = Assert.Throws<ArgumentException>(() => host.ExtractMany(evt, "dummy.value", "dummy.nope"));
        Assert.StartsWith("plugin dummy has no field dummy.nope", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => host.Extract(evt, "dummy.divisible[3"));
        Assert.StartsWith("field dummy.divisible[3 has no closing bracket", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Measured_extraction_reports_allocations_values_and_failures()
    {
        using var host = PluginTestHost.Create<DummyPlugin>();
        var evt = host.CreateEvent(Sample(1234));
        var cost = host.MeasureExtraction(evt, ["dummy.value", "dummy.strvalue", "dummy.divisible[2]", "dummy.digits"], times: 50);
        Assert.Equal(new ExtractionCost(AllocatedBytes: 0, Values: 50 * 7, Failures: 0), cost);
        Assert.Equal(50, host.MeasureExtraction(host.CreateEvent(Sample(1), source: "elsewhere"), ["dummy.value"], times: 50).Failures);
    }

    [Fact]
    public void Measured_extraction_counts_what_the_plugin_allocates()
    {
        using var host = PluginTestHost.Create<Allocating>();
        var cost = host.MeasureExtraction(host.CreateEvent("abc"), ["alloc.copy"], times: 10);
        Assert.True(cost.AllocatedBytes > 0, $"{cost}");
    }

    private static byte[] Sample(ulong value)
    {
        var payload = new byte[sizeof(ulong)];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(payload, value);
        return payload;
    }

    /// <summary>An extraction-only plugin that copies the payload on every call, as a plugin must not.</summary>
    public sealed class Allocating : Plugin, IExtractionPlugin
    {
        public override PluginInfo Info { get; } = new() { Name = "alloc", Version = "1.0.0" };

        public IReadOnlyList<FieldDefinition> Fields { get; } = [new("alloc.copy", PluginFieldType.UInt64, "Length of a copy of the payload")];

        public void Extract(in PluginEvent evt, in FieldRequest request, ref FieldWriter values) => values.Write((ulong)evt.Payload.ToArray().Length);
    }

    /// <summary>An extraction-only plugin that declares no sources, so it takes events of any.</summary>
    public sealed class AnySource : Described
    {
        public override PluginInfo Info { get; } = new() { Name = "anysource", Version = "1.0.0" };
    }

    public sealed class AddressPlugin : Plugin, ISourcingPlugin, IExtractionPlugin
    {
        public override PluginInfo Info { get; } = new() { Name = "addr", Version = "1.0.0", Id = 5, EventSource = "addr" };

        public IReadOnlyList<FieldDefinition> Fields { get; } = [new("addr.all", PluginFieldType.IpAddr, "Addresses") { IsList = true }];

        public EventStream Open(string parameters) => new OneEvent();

        public void Extract(in PluginEvent evt, in FieldRequest request, ref FieldWriter values)
        {
            values.BeginList(2);
            values.WriteAddress([10, 1, 2, 3]);
            values.Write(IPAddress.IPv6Loopback);
        }

        private sealed class OneEvent : EventStream
        {
            public override BatchResult NextBatch(EventBatch batch)
            {
                batch.TryAdd("a"u8);
                return BatchResult.Eof;
            }
        }
    }
}
