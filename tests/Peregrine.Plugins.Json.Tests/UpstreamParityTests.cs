using Peregrine.Plugins.Json;
using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.Json.Tests;

/// <summary>
/// The json plugin's behaviour where upstream's (Go, fastjson, json.Indent) differs from a plain
/// reading of RFC 6901 or from System.Text.Json's defaults. Rules written for Falco rely on these.
/// </summary>
public sealed class UpstreamParityTests : IDisposable
{
    private readonly PluginTestHost _host = PluginTestHost.Create<JsonPlugin>();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void DeclaresTheUpstreamVersionItMatches() => Assert.Equal("0.7.4", _host.Descriptor.Version.ToString());

    [Fact]
    public void Obj_IsIndentedAsGoJsonIndent()
    {
        const string payload = """{ "a" : [1, 2.50e1], "b": {"c": true, "d": null}, "e": {}, "f": [ ], "s": "x\u003cy \/ , : { [" }""";
        const string expected = """
            {
              "a": [
                1,
                2.50e1
              ],
              "b": {
                "c": true,
                "d": null
              },
              "e": {},
              "f": [],
              "s": "x\u003cy \/ , : { ["
            }
            """;
        Assert.Equal([expected.ReplaceLineEndings("\n")], Extract(payload, "json.obj"));
        Assert.Equal([expected.ReplaceLineEndings("\n")], Extract(payload, "jevt.obj"));
    }

    [Fact]
    public void Obj_OfAnArray_AndWhitespaceAfterTheDocumentIsKept()
    {
        Assert.Equal(["[\n  1,\n  \"x\"\n]"], Extract("[ 1, \"x\" ]", "json.obj"));
        Assert.Equal(["{\n  \"a\": [\n    []\n  ]\n}\r\n "], Extract("{\"a\":[[]]}\r\n ", "json.obj"));
        Assert.Equal(["{}"], Extract("{}", "json.obj"));
    }

    [Fact]
    public void Value_OfAnObject_KeepsStringsAndNumbersAsWritten()
    {
        const string payload = """{"o": {"s" : "a\u003cb\u0026c\/d", "n": 1.50e3, "l": [ true , null ]}}""";
        Assert.Equal(["""{"s":"a\u003cb\u0026c\/d","n":1.50e3,"l":[true,null]}"""], Extract(payload, "json.value[/o]"));
        Assert.Equal(["a<b&c/d"], Extract(payload, "json.value[/o/s]"));
        Assert.Equal(["1.50e3"], Extract(payload, "json.value[/o/n]"));
    }

    [Theory]
    [InlineData("""{"user": "first", "user": "second"}""", "/user", "first")]
    [InlineData("""{"a": {"b": 1}, "a": {"b": 2}}""", "/a/b", "1")]
    [InlineData("""{"a": [{"b": "x", "b": "y"}]}""", "/a/0/b", "x")]
    // Names as written are compared first: a plain duplicate wins over an earlier escaped one...
    [InlineData("""{"us\u0065r": "escaped", "user": "plain"}""", "/user", "plain")]
    // ...and an escaped name still matches when no name is written plainly.
    [InlineData("""{"us\u0065r": "escaped", "other": 1}""", "/user", "escaped")]
    public void DuplicateKeys_TheFirstMemberWins(string payload, string pointer, string expected)
    {
        Assert.Equal([expected], Extract(payload, $"json.value[{pointer}]"));
    }

    [Fact]
    public void LoneSurrogate_IsKeptAsWritten_AndDoesNotFailTheCall()
    {
        const string payload = """{"s": "\udc00x", "p": "\ud800\u0041", "t": "ok"}""";
        var values = _host.ExtractMany(_host.CreateEvent(payload, timestamp: 1UL), "json.value[/s]", "json.value[/p]", "json.value[/t]");
        IReadOnlyList<object>[] expected = [[@"\udc00x"], ["\uFFFD"], ["ok"]];
        Assert.Equal(expected, values);
    }

    [Theory]
    [InlineData("user/name", "alice")]
    [InlineData("a/01", "x")]
    [InlineData("/a/+1", "x")]
    [InlineData("/a/-0", "10")]
    [InlineData("/a~2b", "tilde as text")]
    [InlineData("/t~", "trailing tilde")]
    [InlineData("/~01", "escaped tilde then one")]
    public void Pointer_IsReadAsUpstreamReadsIt(string pointer, string expected)
    {
        const string payload = """{"user": {"name": "alice"}, "a": [10, "x"], "a~2b": "tilde as text", "t~": "trailing tilde", "~1": "escaped tilde then one"}""";
        Assert.Equal([expected], Extract(payload, $"json.value[{pointer}]"));
    }

    [Theory]
    [InlineData("/a/-1")]
    [InlineData("/a/2")]
    [InlineData("/a/1x")]
    [InlineData("/a/ 1")]
    [InlineData("/a/99999999999999999999")]
    public void Pointer_ArrayIndexOutsideWhatAtoiReads_IsAbsent(string pointer)
    {
        Assert.Equal([], Extract("""{"a": [10, "x"]}""", $"json.value[{pointer}]"));
    }

    [Theory]
    [InlineData("\"text\"")]
    [InlineData("123")]
    [InlineData("null")]
    [InlineData(" {\"a\": 1}")]
    [InlineData("\n[1]")]
    public void PayloadNotStartingWithABraceOrBracket_HasNoValueForAnyField(string payload)
    {
        foreach (var field in new[] { "json.value[/a]", "json.value[]", "json.obj", "json.rawtime", "jevt.rawtime" })
        {
            Assert.Equal([], Extract(payload, field));
        }
    }

    [Fact]
    public void DeeplyNestedPayloads_AreReadAsUpstreamReadsThem()
    {
        const int depth = 250;
        var deep = new string('[', depth) + "1" + new string(']', depth);
        Assert.Equal(["1"], Extract(deep, "json.value[" + string.Concat(Enumerable.Repeat("/0", depth)) + "]"));

        var tooDeep = new string('[', 400) + new string(']', 400);
        Assert.Equal([], Extract(tooDeep, "json.rawtime"));
    }

    private IReadOnlyList<object> Extract(string payload, string field)
    {
        var values = _host.Extract(_host.CreateEvent(payload, timestamp: 1UL), field);
        Assert.NotNull(values);
        return values;
    }
}
