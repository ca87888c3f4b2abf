using System.Text;
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

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Descriptor_IsTheJsonExtractionPlugin()
    {
        var descriptor = _host.Descriptor;
        Assert.Equal("json", descriptor.Name);
        Assert.Equal("0.7.4", descriptor.Version.ToString());
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
    [InlineData("/a/01", """{"b":"x"}""")] // indexes are read as Go's Atoi reads them
    [InlineData("user/name", "alice")] // the leading slash is optional upstream
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
    [InlineData("/a/x")]
    [InlineData("/user/name/deeper")]
    [InlineData("/a~2b")]
    public void Value_MissingOrInvalidPointer_IsAbsent(string pointer)
    {
        Assert.Equal([], Extract(Payload, $"json.value[{pointer}]"));
        Assert.Equal([], Extract(Payload, $"jevt.value[{pointer}]"));
    }

    [Fact]
    public void Obj_IsTheWholePayloadIndentedAsGoIndentsIt()
    {
        const string payload = """{ "a" : [1, 2], "b": {"c": true}, "e": {} }""";
        const string indented = "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {\n    \"c\": true\n  },\n  \"e\": {}\n}";
        Assert.Equal([indented], Extract(payload, "json.obj"));
        Assert.Equal([indented], Extract(payload, "jevt.obj"));
    }

    [Fact]
    public void Obj_OfAnArrayPayload()
    {
        Assert.Equal(["[\n  1,\n  \"x\"\n]"], Extract("[ 1, \"x\" ]", "json.obj"));
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
        var values = _host.ExtractMany(_host.CreateEvent(Payload, timestamp: 7UL), "json.value[/user/name]", "json.value[/a/0]", "jevt.value[/user/admin]", "json.rawtime");
        IReadOnlyList<object>[] expected = [["alice"], ["10"], ["false"], ["7"]];
        Assert.Equal(expected, values);
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

    [Fact]
    public void RepeatedExtraction_OfAParsedEvent_DoesNotAllocate()
    {
        var evt = _host.CreateEvent(Payload, timestamp: 1UL, number: 12345);
        var cost = _host.MeasureExtraction(evt, ["json.value[/user/name]", "json.value[/user/uid]", "jevt.value[/a/1]", "json.obj", "json.rawtime", "json.value[/missing]"], times: 100);
        Assert.Equal(0, cost.AllocatedBytes);
        Assert.Equal(500, cost.Values);
    }

    private IReadOnlyList<object> Extract(string payload, string field, ulong timestamp = 1UL) =>
        ExtractEvent(payload, _host.CreateEvent(payload, timestamp), field);

    private IReadOnlyList<object> ExtractWithNumber(string payload, ulong number, string field) =>
        ExtractEvent(payload, _host.CreateEvent(payload, timestamp: 1UL, number: number), field);

    /// <summary>The values of <paramref name="field"/>; the json plugin takes every event, even one whose payload is not JSON.</summary>
    private IReadOnlyList<object> ExtractEvent(string payload, CapturedEvent evt, string field)
    {
        Assert.Equal(Encoding.UTF8.GetBytes(payload), evt.Payload);
        var values = _host.Extract(evt, field);
        Assert.NotNull(values);
        return values;
    }
}
