using Peregrine.Plugins.Loading;
using Peregrine.Plugins.Tests.Support;
using Peregrine.TestSupport;

namespace Peregrine.Plugins.Tests.Loading;

/// <summary>Init config validation against the plugin's schema, before init, in libsinsp's words.</summary>
public class InitConfigTests
{
    private static string Validate(string schema, string config, PluginInitSchemaType type = PluginInitSchemaType.Json) =>
        new InitConfigValidator("p", new PluginInitSchema(type, schema)).Validate(config);

    private static string Rejection(string schema, string config) =>
        Assert.Throws<PluginDefinitionException>(() => Validate(schema, config)).Message;

    [Fact]
    public void Config_is_validated_before_init()
    {
        using var library = PluginLoader.Load(NativeFixtures.Counter);
        var logger = new RecordingLogger();
        var error = Assert.Throws<PluginLoadException>(() => library.Initialize("{\"start\":\"ten\"}", logger));
        Assert.Equal("error in plugin counter init config: In <root>[start], Value type not permitted by 'type' constraint.", error.FalcoMessage);
        Assert.Equal($"cannot load plugin {NativeFixtures.Counter}: {error.FalcoMessage}", error.Message);
        Assert.Equal(PluginLoadStage.InitConfig, error.Stage);
        Assert.Empty(logger.Messages); // init never ran, so it never logged
    }

    [Fact]
    public void Counter_schema_rejections()
    {
        using var library = PluginLoader.Load(NativeFixtures.Counter);
        Assert.Equal("error in plugin counter init config: In <root>[start], Expected number greater than or equal to 0.000000",
            Assert.Throws<PluginLoadException>(() => library.Initialize("{\"start\":-1}")).FalcoMessage);
        Assert.Equal("error in plugin counter init config: In <root>, Object contains a property that could not be validated using 'properties' or 'additionalProperties' constraints: 'surprise'.",
            Assert.Throws<PluginLoadException>(() => library.Initialize("{\"label\":\"x\",\"surprise\":1}")).FalcoMessage);
        Assert.Equal("error in plugin counter: init config is not a valid json",
            Assert.Throws<PluginLoadException>(() => library.Initialize("start=1")).FalcoMessage);
        Assert.Equal("error in plugin counter init config: In <root>, Value type not permitted by 'type' constraint.",
            Assert.Throws<PluginLoadException>(() => library.Initialize("[1]")).FalcoMessage);
    }

    [Theory]
    [InlineData(null, "{}")]
    [InlineData("", "{}")]
    [InlineData("{ \"start\" : 3 }", "{ \"start\" : 3 }")]
    public void Plugin_receives_the_validated_config(string? given, string received)
    {
        using var library = PluginLoader.Load(NativeFixtures.Counter);
        using var plugin = library.Initialize(given);
        using var events = new TestEvents();
        var sink = new RecordingSink();
        Assert.True(plugin.Extract(events.Plugin(0, 999, EventSourceName.Get("counter")), [new PluginFieldRequest(3)], sink));
        Assert.Equal(received, sink.Single(0));
    }

    [Fact]
    public void Schema_must_be_a_json_object()
    {
        var path = Shape.Build([.. Shape.Extraction, "SHAPE_INIT_SCHEMA:=[]"]);
        using var library = PluginLoader.Load(path);
        var error = Assert.Throws<PluginLoadException>(() => library.Initialize("{}"));
        Assert.Equal("error in plugin shape: get_init_schema did not return a json object", error.FalcoMessage);
        Assert.Equal(PluginLoadStage.InitConfig, error.Stage);
    }

    [Fact]
    public void Unknown_schema_type()
    {
        var path = Shape.Build([.. Shape.Extraction, "SHAPE_INIT_SCHEMA:={}", "SHAPE_INIT_SCHEMA_TYPE=7"]);
        using var library = PluginLoader.Load(path);
        Assert.Equal("error in plugin shape: get_init_schema returned an unknown schema type 7",
            Assert.Throws<PluginLoadException>(() => library.Initialize("")).FalcoMessage);
    }

    [Fact]
    public void No_schema_means_an_opaque_config()
    {
        using (var library = PluginLoader.Load(Shape.Build([.. Shape.Extraction, "SHAPE_INIT_SCHEMA:={\"type\":\"object\"}", "SHAPE_INIT_SCHEMA_TYPE=0"])))
        using (library.Initialize("not json at all"))
        {
            Assert.Equal(PluginInitSchemaType.None, library.Descriptor.InitSchema.Type);
        }

        using (var library = PluginLoader.Load(Shape.Build([.. Shape.Extraction, "SHAPE_INIT_SCHEMA:="])))
        using (library.Initialize("not json either"))
        {
            Assert.False(library.Descriptor.InitSchema.IsPresent);
        }

        Assert.Equal("anything", Validate("", "anything"));
        Assert.Equal("", Validate("{\"type\":\"object\"}", "", PluginInitSchemaType.None));
    }

    [Fact]
    public void Empty_config_becomes_an_empty_object()
    {
        Assert.Equal("{}", Validate("{\"type\":\"object\"}", ""));
        Assert.Equal("error in plugin p init config: In <root>, Missing required property 'a'.", Rejection("{\"required\":[\"a\"]}", ""));
    }

    public static TheoryData<string, string, string> Messages() => new()
    {
        { """{"type":"object","required":["a","b"],"properties":{"a":{"type":"string"}}}""", """{"b":1}""", "In <root>, Missing required property 'a'." },
        { """{"properties":{"o":{"type":"object","properties":{"x":{"enum":[1,2]}}}}}""", """{"o":{"x":3}}""", "In <root>[o][x], Failed to match against any enum values." },
        { """{"properties":{"l":{"type":"array","items":{"type":"string"}}}}""", """{"l":["a",1]}""", "In <root>[l][1], Value type not permitted by 'type' constraint." },
        { """{"properties":{"b":{"type":"integer"},"a":{"type":"integer"}}}""", """{"b":"x","a":"y"}""", "In <root>[a], Value type not permitted by 'type' constraint." },
        { """{"required":["z"],"properties":{"a":{"type":"integer"}}}""", """{"a":"y"}""", "In <root>[a], Value type not permitted by 'type' constraint." },
        { """{"type":"object","properties":{"a":{"minimum":5}}}""", """{"a":"text"}""", "" },
        { """{"properties":{"s":{"maxLength":2}}}""", """{"s":"abc"}""", "In <root>[s], String should be no more than 2 characters in length." },
        { """{"properties":{"s":{"minLength":2,"pattern":"^x"}}}""", """{"s":"a"}""", "In <root>[s], String should be no fewer than 2 characters in length." },
        { """{"properties":{"s":{"pattern":"^x"}}}""", """{"s":"a"}""", "In <root>[s], Failed to match regex specified by 'pattern' constraint." },
        { """{"properties":{"n":{"exclusiveMaximum":3}}}""", """{"n":3}""", "In <root>[n], Expected number less than 3.000000" },
        { """{"properties":{"n":{"maximum":2.5}}}""", """{"n":3}""", "In <root>[n], Expected number less than or equal to 2.500000" },
        { """{"properties":{"n":{"multipleOf":4}}}""", """{"n":6}""", "In <root>[n], Value should be a multiple of 4" },
        { """{"properties":{"c":{"const":"k"}}}""", """{"c":"j"}""", "In <root>[c], Failed to match expected value set by 'const' constraint." },
        { """{"properties":{"l":{"minItems":2}}}""", """{"l":[1]}""", "In <root>[l], Array should contain no fewer than 2 elements." },
        { """{"properties":{"l":{"uniqueItems":true}}}""", """{"l":[1,2,1]}""", "In <root>[l], Elements at indexes #0 and #2 violate uniqueness constraint." },
        { """{"maxProperties":1}""", """{"a":1,"b":2}""", "In <root>, Object should have no more than 1 properties." },
        { """{"properties":{"x":{"not":{"type":"string"}}}}""", """{"x":"s"}""", "In <root>[x], Target should not validate against schema specified in 'not' constraint." },
        { """{"properties":{"x":{"anyOf":[{"type":"string"},{"type":"integer","minimum":3}]}}}""", """{"x":1}""", "In <root>[x], Value type not permitted by 'type' constraint." },
        { """{"definitions":{"n":{"type":"integer"}},"properties":{"x":{"$ref":"#/definitions/n"}}}""", """{"x":"s"}""", "In <root>[x], Value type not permitted by 'type' constraint." },
        { """{"properties":{"x":{"oneOf":[{"type":"string"},{"minLength":0}]}}}""", """{"x":"s"}""", "In <root>[x], Failed to validate against exactly one child schema." },
        { """{"if":{"required":["a"]},"then":{"required":["b"]}}""", """{"a":1}""", "In <root>, Missing required property 'b'." },
        { """{"dependencies":{"a":["b"]}}""", """{"a":1}""", "In <root>, Missing dependency 'b'." },
        { """{"additionalProperties":{"type":"integer"}}""", """{"a":"s"}""", "In <root>[a], Value type not permitted by 'type' constraint." },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Errors_read_like_valijson(string schema, string config, string expected)
    {
        if (expected.Length == 0)
        {
            // minimum ignores non-numbers: valid
            Assert.Equal(config, Validate(schema, config));
            return;
        }

        Assert.Equal("error in plugin p init config: " + expected, Rejection(schema, config));
    }

    [Fact]
    public void Invalid_schema_is_reported()
    {
        Assert.StartsWith("error in plugin p: get_init_schema returned an invalid schema: ", Rejection("""{"type":5}""", "{}"));
    }

    [Fact]
    public void Two_libraries_may_declare_the_same_schema_id()
    {
        const string schema = """{"$id":"https://example.com/same","type":"object"}""";
        Assert.Equal("{}", Validate(schema, "{}"));
        Assert.Equal("{}", Validate(schema, "{}"));
    }
}
