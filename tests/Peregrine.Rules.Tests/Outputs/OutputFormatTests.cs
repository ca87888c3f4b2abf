using System.Text;
using System.Text.Json;
using Peregrine.Conditions.Evaluation;
using Peregrine.Conditions.Fields;
using Peregrine.Rules.Outputs;
using Peregrine.Rules.Tests.Support;

namespace Peregrine.Rules.Tests.Outputs;

/// <summary>Output format strings: tokens, widths, rendering and output_fields, as Falco 0.44 does them.</summary>
public sealed class OutputFormatTests
{
    private static readonly FieldCatalog Catalog = new(
    [
        new FieldDefinition("dt.name", FieldType.String),
        new FieldDefinition("dt.path", FieldType.String),
        new FieldDefinition("dt.maybe", FieldType.String),
        new FieldDefinition("dt.num", FieldType.UInt64),
        new FieldDefinition("dt.flag", FieldType.Bool),
        new FieldDefinition("dt.ip", FieldType.IpAddr),
        new FieldDefinition("dt.net", FieldType.IpNet),
        new FieldDefinition("dt.tags", FieldType.String, IsList: true),
        new FieldDefinition("dt.env", FieldType.String, Argument: FieldArgument.Key | FieldArgument.Required),
        new FieldDefinition("dt.rawns", FieldType.AbsTime) { PrintFormat = PrintFormat.PaddedDecimal },
    ]);

    private static readonly Dictionary<string, object?> Event = new()
    {
        ["dt.name"] = "a*b?c",
        ["dt.path"] = "/usr/bin/ls",
        ["dt.num"] = 14UL,
        ["dt.flag"] = true,
        ["dt.ip"] = "2001:db8::1",
        ["dt.net"] = "10.0.0.1",
        ["dt.tags"] = new[] { "x", "y" },
        ["dt.env[HOME]"] = "/root",
        ["dt.rawns"] = 5UL,
    };

    [Theory]
    [InlineData("name=%dt.name", "name=a*b?c")]
    [InlineData("*name=%dt.name", "name=a*b?c")] // a leading '*' is dropped
    [InlineData("[%1dt.path]", "[/]")] // a width truncates...
    [InlineData("[%3dt.num]", "[14 ]")] // ...or pads on the right
    [InlineData("[%8dt.maybe]", "[<NA>    ]")]
    [InlineData("%6toupper(dt.name)", "A*B?C ")]
    [InlineData("%dt.nameand", "a*b?cand")] // the longest prefix that is a field
    [InlineData("(%dt.path)", "(/usr/bin/ls)")]
    [InlineData("%dt.maybe", "<NA>")]
    [InlineData("%dt.flag %dt.ip %dt.net", "true 2001:db8::1 <IPNET>")]
    [InlineData("%dt.tags", "(x,y)")]
    [InlineData("%dt.env[HOME] %dt.env[\"HOME\"]", "/root /root")]
    [InlineData("%len(dt.tags) %basename(dt.path)", "2 ls")]
    [InlineData("%dt.rawns", "000000005")]
    [InlineData("unicode ünï %dt.num\ttab", "unicode ünï 14\ttab")]
    public void Renders_text(string format, string expected)
    {
        var (output, cache) = Compile(format, Event);
        Assert.Equal(expected, output.Render(cache));
    }

    [Theory]
    [InlineData(new[] { "", "", "dev", "Prod" }, "(dev,Prod)")] // empty leading elements vanish
    [InlineData(new[] { "x", "Prod", "k8s", "" }, "(x,Prod,k8s,)")]
    [InlineData(new[] { "only" }, "(only)")]
    public void Renders_lists_like_libsinsp(string[] tags, string expected)
    {
        var (output, cache) = Compile("%dt.tags", new Dictionary<string, object?> { ["dt.tags"] = tags });
        Assert.Equal(expected, output.Render(cache));
    }

    [Fact]
    public void Long_list_renderings_are_cut_at_1023_bytes()
    {
        var tags = Enumerable.Repeat(new string('a', 100), 20).ToArray();
        var (output, cache) = Compile("%dt.tags", new Dictionary<string, object?> { ["dt.tags"] = tags });
        Assert.Equal(1023, Encoding.UTF8.GetByteCount(output.Render(cache)));
    }

    [Theory]
    [InlineData("100% done", "unknown filter: unexpected token after '")]
    [InlineData("value %", "invalid formatting syntax: formatting cannot end with a %")]
    [InlineData("value %12", "invalid formatting syntax: formatting cannot end with a number")]
    [InlineData("%dt.nobody", "unknown filter: unexpected token after '")]
    [InlineData("%val(dt.name)", "unknown filter: unexpected token after '")]
    [InlineData("%dt.env", "unknown filter: unexpected token after '")]
    [InlineData("", "empty formatting token")]
    public void Rejects_bad_formats_with_Falco_messages(string format, string message)
    {
        Assert.Null(OutputFormat.Compile(format, Catalog, new FieldSlotTable(), out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void Writes_typed_output_fields_in_key_order()
    {
        var (output, cache) = Compile("%dt.num %dt.name %dt.maybe %dt.flag %dt.tags %toupper(dt.path) %dt.env[\"HOME\"] %dt.net", Event);
        Assert.Equal(
            """{"dt.env[HOME]":"/root","dt.flag":true,"dt.maybe":null,"dt.name":"a*b?c","dt.net":"<IPNET>","dt.num":14,"dt.path":"/usr/bin/ls","dt.tags":["x","y"]}""",
            Json(output, cache));
    }

    [Fact]
    public void Transformer_tokens_list_their_underlying_field()
    {
        var (output, cache) = Compile("%len(dt.tags)", Event);
        Assert.Equal("""{"dt.tags":["x","y"]}""", Json(output, cache));
        Assert.Equal(["dt.tags"], output.FieldKeys);
    }

    [Fact]
    public void Padded_numbers_are_text_in_json()
    {
        var (output, cache) = Compile("%dt.rawns", Event);
        Assert.Equal("""{"dt.rawns":"000000005"}""", Json(output, cache));
    }

    private static (OutputFormat, FieldCache) Compile(string format, Dictionary<string, object?> values)
    {
        var slots = new FieldSlotTable();
        var output = OutputFormat.Compile(format, Catalog, slots, out var error);
        Assert.True(output is not null, error);
        var cache = new FieldCache(slots, new EventValues(values));
        cache.Reset();
        return (output, cache);
    }

    private static string Json(OutputFormat output, FieldCache cache)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOutput.Options))
        {
            writer.WriteStartObject();
            output.WriteFields(cache, writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
