using System.Text.Json.Nodes;
using Peregrine.Engine.Listing;

namespace Peregrine.Engine.Tests.Listing;

public class NlohmannJsonTests
{
    [Fact]
    public void Compact_form_sorts_keys_by_bytes()
    {
        var json = new JsonObject { ["é"] = 1, ["b"] = true, ["B"] = null, ["a"] = new JsonArray("x", 2), ["c"] = new JsonObject() };
        Assert.Equal("{\"B\":null,\"a\":[\"x\",2],\"b\":true,\"c\":{},\"é\":1}", NlohmannJson.Dump(json));
    }

    [Fact]
    public void Indented_form_puts_a_space_after_keys_and_keeps_empty_containers_on_one_line()
    {
        var json = new JsonObject { ["list"] = new JsonArray("a", new JsonObject { ["k"] = false }), ["none"] = new JsonArray(), ["o"] = new JsonObject() };
        Assert.Equal("{\n  \"list\": [\n    \"a\",\n    {\n      \"k\": false\n    }\n  ],\n  \"none\": [],\n  \"o\": {}\n}", NlohmannJson.Dump(json, 2));
    }

    [Fact]
    public void Escapes_only_quotes_backslashes_and_control_characters()
    {
        var json = new JsonArray("q\" b\\ \b\f\n\r\t \u0001\u001f \u007f <&> 日本 \u2028");
        Assert.Equal("[\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f \u007f <&> 日本 \u2028\"]", NlohmannJson.Dump(json));
    }

    [Fact]
    public void Prints_numbers_in_decimal()
    {
        var json = new JsonArray(0, uint.MaxValue, ulong.MaxValue, -5L);
        Assert.Equal("[0,4294967295,18446744073709551615,-5]", NlohmannJson.Dump(json));
    }
}
