using System.Text.Json;
using Peregrine.Plugins.CloudTrail.Fields;
using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.CloudTrail.Tests;

/// <summary>The per-event record behind extraction: which event it is for, and what reading a member costs.</summary>
public sealed class LazyRecordTests : IDisposable
{
    private readonly PluginTestHost _host = PluginTestHost.Create<CloudTrailPlugin>();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void SameNumber_InAnotherBuffer_IsNotAnsweredFromTheCache()
    {
        // Same number, same length, different bytes in different buffers: both kept alive, so
        // neither buffer's address can be reused for the other.
        var a = _host.CreateEvent("""{"eventName": "a"}""", number: 1);
        var b = _host.CreateEvent("""{"eventName": "b"}""", number: 1);

        Assert.Equal(["a"], _host.Extract(a, "ct.name"));
        Assert.Equal(["b"], _host.Extract(b, "ct.name"));
        Assert.Equal(["a"], _host.Extract(a, "ct.name"));
    }

    [Fact]
    public void SameEvent_IsReadOnce()
    {
        var evt = _host.CreateEvent(SampleRecords.S3GetObject, number: 9);
        using var record = new LazyRecord();
        record.Load(evt.View);
        Assert.True(record.TryGet("requestParameters"u8, out _));

        // Loading the same event again keeps what was read: the object is not parsed again.
        var before = GC.GetAllocatedBytesForCurrentThread();
        record.Load(evt.View);
        var found = record.TryGet("requestParameters"u8, out var again);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(found);
        Assert.Equal(JsonValueKind.Object, again.ValueKind);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ScalarMembers_AreReadFromTheText_WithoutParsing()
    {
        var events = Enumerable.Range(1, 200)
            .Select(i => _host.CreateEvent($$"""{"eventVersion": "1.08", "eventName": "Name{{i % 10}}", "readOnly": true, "n": {{i}}, "errorCode": null}""", number: (ulong)i))
            .ToArray();
        using var record = new LazyRecord();
        foreach (var evt in events)
        {
            Read(record, evt); // warm up (JIT, buffers)
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var matches = 0;
        foreach (var evt in events)
        {
            matches += Read(record, evt);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(20 * 4, matches);
        Assert.Equal(0, allocated);

        static int Read(LazyRecord record, CapturedEvent evt)
        {
            record.Load(evt.View);
            var found = 0;
            found += record.TryGetMember("eventName"u8, out var name) && name.StringEquals("Name3"u8) ? 1 : 0;
            found += record.TryGetMember("readOnly"u8, out var readOnly) && readOnly.Kind == JsonValueKind.True && name.StringEquals("Name3"u8) ? 1 : 0;
            found += record.TryGetMember("n"u8, out var n) && n.Kind == JsonValueKind.Number && name.StringEquals("Name3"u8) ? 1 : 0;
            found += record.TryGetMember("errorCode"u8, out var error) && error.Kind == JsonValueKind.Null && name.StringEquals("Name3"u8) ? 1 : 0;
            return found;
        }
    }

    [Fact]
    public void Members_ReadTheSameFromTextAsParsed()
    {
        var evt = _host.CreateEvent("""{"a": "plain", "b": "caf\u00e9 \"q\"", "c": 12.50, "d": false, "e": null, "f": {"x": [1, 2]}}""");
        using var record = new LazyRecord();
        record.Load(evt.View);

        foreach (var name in new[] { "a", "b", "c", "d", "e", "f" })
        {
            Assert.True(record.TryGetMember(System.Text.Encoding.UTF8.GetBytes(name), out var member));
            var element = member.Element;
            Assert.Equal(element.ValueKind, member.Kind);
            Assert.Equal(JsonValues.StringOrNull(element), member.StringOrNull());
            Assert.Equal(JsonValues.TrueOrFalse(element), member.TrueOrFalse());
        }

        Assert.True(record.TryGetMember("b"u8, out var escaped));
        Assert.True(escaped.StringEquals("café \"q\""u8));
        Assert.False(record.TryGetMember("missing"u8, out _));
    }
}
