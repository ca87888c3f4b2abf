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
