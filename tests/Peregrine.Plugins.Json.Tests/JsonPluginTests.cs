using System.Buffers.Binary;
using System.Text;
using Peregrine.Plugins.Abi;
using Peregrine.Plugins.Json;
using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.Json.Tests;

public sealed class JsonPluginTests : IDisposable
{
    private const string Payload = """
        {
          "user": {"name": "alice", "uid": 1000, "admin": false, "groups": ["wheel", "dev"]},
          "a": [10, {"b": "x"}],
          "a/b": "slash",
          "m~n": "tilde",
          "": "empty key",
          "note": "say \"hi\"",
          "nothing": null,
          "ratio": 1.5,
          "unicode": "héllo"
        }
        """;

    private readonly PluginTestHost _host = PluginTestHost.Create<JsonPlugin>();
    private ulong _nextNumber;

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Descriptor_IsTheJsonExtractionPlugin()
    {
        var descriptor = _host.Descriptor;
        Assert.Equal("json", descriptor.Name);
        Assert.Equal("0.7.3", descriptor.Version.ToString());
        Assert.True(descriptor.Has(PluginCapabilities.Extraction));
        Assert.False(descriptor.Has(PluginCapabilities.Sourcing));
        Assert.Equal(
            ["json.value", "json.obj", "json.rawtime", "jevt.value", "jevt.obj", "jevt.rawtime"],
            descriptor.Fields.Select(f => f.Name));
        Assert.All(descriptor.Fields, f => Assert.Equal(PluginFieldType.String, f.Type));
        Assert.True(descriptor.FindField("json.value")!.ArgIsRequired);
        Assert.True(descriptor.FindField("json.value")!.ArgIsKey);
        Assert.True(descriptor.FindField("jevt.value")!.ArgIsRequired);
        Assert.False(descriptor.FindField("json.obj")!.ArgIsAllowed);
    }

    [Theory]
    [InlineData("/user/name", "alice")]
    [InlineData("/user/uid", "1000")]
    [InlineData("/user/admin", "false")]
    [InlineData("/user/groups", """["wheel","dev"]""")]
    [InlineData("/user/groups/1", "dev")]
    [InlineData("/a/0", "10")]
    [InlineData("/a/1", """{"b":"x"}""")]
    [InlineData("/a/1/b", "x")]
    [InlineData("/a~1b", "slash")]
    [InlineData("/m~0n", "tilde")]
    [InlineData("/", "empty key")]
    [InlineData("/note", "say \"hi\"")]
    [InlineData("/nothing", "null")]
    [InlineData("/ratio", "1.5")]
    [InlineData("/unicode", "héllo")]
    public void Value_FollowsThePointer(string pointer, string expected)
    {
        Assert.Equal([expected], Extract(Payload, $"json.value[{pointer}]"));
        Assert.Equal([expected], Extract(Payload, $"jevt.value[{pointer}]"));
    }

    [Theory]
    [InlineData("/missing")]
    [InlineData("/user/missing")]
    [InlineData("/a/2")]
    [InlineData("/a/-")]
    [InlineData("/a/01")]
    [InlineData("/a/x")]
    [InlineData("/user/name/deeper")]
    [InlineData("/a~2b")]
    [InlineData("user/name")]
    public void Value_MissingOrInvalidPointer_IsAbsent(string pointer)
    {
        Assert.Equal([], Extract(Payload, $"json.value[{pointer}]"));
        Assert.Equal([], Extract(Payload, $"jevt.value[{pointer}]"));
    }

    [Fact]
    public void Obj_IsTheWholePayloadAsCompactJson()
    {
        const string payload = """{ "a" : [1, 2], "b": {"c": true} }""";
        Assert.Equal(["""{"a":[1,2],"b":{"c":true}}"""], Extract(payload, "json.obj"));
        Assert.Equal(["""{"a":[1,2],"b":{"c":true}}"""], Extract(payload, "jevt.obj"));
    }

    [Fact]
    public void Obj_OfAnArrayPayload()
    {
        Assert.Equal(["[1,\"x\"]"], Extract("[ 1, \"x\" ]", "json.obj"));
        Assert.Equal(["x"], Extract("[ 1, \"x\" ]", "json.value[/1]"));
    }

    [Fact]
    public void RawTime_IsTheTimestampInNanoseconds()
    {
        Assert.Equal(["1700000000123456789"], Extract("{}", "json.rawtime", 1_700_000_000_123_456_789UL));
        Assert.Equal(["42"], Extract("{}", "jevt.rawtime", 42UL));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"a\": ")]
    [InlineData("{\"a\": 1} trailing")]
    [InlineData("")]
    public void InvalidJson_GivesNoValue(string payload)
    {
        foreach (var field in new[] { "json.value[/a]", "json.obj", "json.rawtime", "jevt.value[/a]", "jevt.obj", "jevt.rawtime" })
        {
            Assert.Equal([], Extract(payload, field));
        }
    }

    [Fact]
    public void AllFieldsOfOneEvent_InOneCall()
    {
        var values = ExtractMany(Payload, 7UL, "json.value[/user/name]", "json.value[/a/0]", "jevt.value[/user/admin]", "json.rawtime");
        Assert.Equal(["alice", "10", "false", "7"], values);
    }

    [Fact]
    public void EventsWithTheSameNumber_ButDifferentPayloads_AreNotConfused()
    {
        // A new stream numbers its events from 1 again: the cache must not answer from the old payload.
        Assert.Equal(["1"], ExtractWithNumber("""{"v": 1}""", 1, "json.value[/v]"));
        Assert.Equal(["2"], ExtractWithNumber("""{"v": 2}""", 1, "json.value[/v]"));
        Assert.Equal([], ExtractWithNumber("oops", 1, "json.value[/v]"));
        Assert.Equal(["3"], ExtractWithNumber("""{"v": 3}""", 1, "json.value[/v]"));
    }

    [Fact]
    public void LargePayloadsAndLongPointers()
    {
        var key = new string('k', 300);
        var payload = "{\"" + key + "\": {\"list\": [" + string.Join(',', Enumerable.Range(0, 5000)) + "]}}";
        Assert.Equal(["4999"], Extract(payload, $"json.value[/{key}/list/4999]"));
    }

    private IReadOnlyList<object> Extract(string payload, string field, ulong timestamp = 1UL) =>
        ExtractEvent(payload, ++_nextNumber, timestamp, [field]);

    private IReadOnlyList<object> ExtractMany(string payload, ulong timestamp, params string[] fields) =>
        ExtractEvent(payload, ++_nextNumber, timestamp, fields);

    private IReadOnlyList<object> ExtractWithNumber(string payload, ulong number, string field) =>
        ExtractEvent(payload, number, 1UL, [field]);

    [Fact]
    public unsafe void RepeatedExtraction_OfAParsedEvent_DoesNotAllocate()
    {
        var bytes = BuildEvent(Payload, 1UL, out _);
        var requests = Requests("json.value[/user/name]", "json.value[/user/uid]", "jevt.value[/a/1]", "json.obj", "json.rawtime", "json.value[/missing]");
        var sink = new CountingSink();
        fixed (byte* pointer = bytes)
        {
            var evt = new PluginEvent(pointer, 12345, EventSourceName.Get("test"));
            for (var i = 0; i < 10; i++)
            {
                _host.Plugin.Extract(evt, requests, sink);
            }

            sink.Count = 0;
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++)
            {
                _host.Plugin.Extract(evt, requests, sink);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(500, sink.Count);
    }

    private static byte[] BuildEvent(string payload, ulong timestamp, out byte[] data)
    {
        data = Encoding.UTF8.GetBytes(payload);
        var bytes = new byte[PluginEventLayout.PayloadOffset + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, timestamp);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8), PluginEventLayout.NoThread);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), (uint)bytes.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(20), PluginEventLayout.PluginEventType);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(22), PluginEventLayout.PluginEventParameterCount);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(PluginEventLayout.PluginIdLengthOffset), sizeof(uint));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(PluginEventLayout.PayloadLengthOffset), (uint)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(PluginEventLayout.PluginIdOffset), 999u);
        data.CopyTo(bytes.AsSpan(PluginEventLayout.PayloadOffset));
        return bytes;
    }

    private PluginFieldRequest[] Requests(params string[] fields)
    {
        var requests = new PluginFieldRequest[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var bracket = field.IndexOf('[', StringComparison.Ordinal);
            var definition = _host.Descriptor.FindField(bracket < 0 ? field : field[..bracket])!;
            var argument = PluginFieldArgument.None;
            if (bracket >= 0)
            {
                Assert.True(PluginFieldArgument.TryCreate(definition, field[(bracket + 1)..^1], out argument, out var error), error);
            }

            requests[i] = new PluginFieldRequest(definition.Index, argument);
        }

        return requests;
    }

    /// <summary>Builds a plugin event (libscap layout) around the payload and extracts the fields from it in one call.</summary>
    private unsafe IReadOnlyList<object> ExtractEvent(string payload, ulong number, ulong timestamp, string[] fields)
    {
        var bytes = BuildEvent(payload, timestamp, out var data);
        var requests = Requests(fields);
        var sink = new Collector();
        fixed (byte* pointer = bytes)
        {
            var evt = new PluginEvent(pointer, number, EventSourceName.Get("test"));
            Assert.Equal(data, evt.Payload.ToArray());
            Assert.True(_host.Plugin.Extract(evt, requests, sink));
        }

        return sink.Values;
    }

    private sealed class CountingSink : IPluginFieldSink
    {
        public int Count { get; set; }

        public void OnUInt64(int request, int element, int count, ulong value) => Count++;

        public void OnString(int request, int element, int count, ReadOnlySpan<byte> utf8) => Count++;

        public void OnBool(int request, int element, int count, bool value) => Count++;

        public void OnBytes(int request, int element, int count, ReadOnlySpan<byte> value) => Count++;
    }

    private sealed class Collector : IPluginFieldSink
    {
        public List<object> Values { get; } = [];

        public void OnUInt64(int request, int element, int count, ulong value) => Values.Add(value);

        public void OnString(int request, int element, int count, ReadOnlySpan<byte> utf8) => Values.Add(Encoding.UTF8.GetString(utf8));

        public void OnBool(int request, int element, int count, bool value) => Values.Add(value);

        public void OnBytes(int request, int element, int count, ReadOnlySpan<byte> value) => Values.Add(value.ToArray());
    }
}
