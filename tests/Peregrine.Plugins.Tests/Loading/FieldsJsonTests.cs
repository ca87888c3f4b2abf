using Peregrine.Plugins.Tests.Support;

namespace Peregrine.Plugins.Tests.Loading;

/// <summary>
/// The get_fields JSON checks, end to end through a compiled plugin. Falco reports these without
/// the library prefix (libsinsp throws them from inside plugin creation); the exception message
/// adds it.
/// </summary>
public class FieldsJsonTests
{
    private const string Field = "\"type\":\"string\",\"name\":\"a\",\"desc\":\"d\"";

    public static TheoryData<string, string> Rejected() => new()
    {
        { "not json", "get_fields returned an invalid JSON" },
        { "{\"type\":\"string\"}", "get_fields returned an invalid JSON" },
        { "\"[]\"", "get_fields returned an invalid JSON" },
        { "[]", "plugins with extraction capability must export at least one field" },
        { "[{\"name\":\"a\",\"desc\":\"d\"}]", "field JSON entry has no type" },
        { "[{\"type\":\"\",\"name\":\"a\",\"desc\":\"d\"}]", "field JSON entry has no type" },
        { "[{\"desc\":\"d\"}]", "field JSON entry has no type" },
        { "[\"a string\"]", "field JSON entry has no type" },
        { "[{\"type\":{},\"name\":\"a\",\"desc\":\"d\"}]", "field JSON entry has no type" },
        { "[{\"type\":\"string\",\"desc\":\"d\"}]", "field JSON entry has no name" },
        { "[{\"type\":\"string\",\"name\":\"\",\"desc\":\"d\"}]", "field JSON entry has no name" },
        { "[{\"type\":\"string\",\"name\":\"a\"}]", "field JSON entry has no desc" },
        { "[{\"type\":\"float\",\"name\":\"a\"}]", "field JSON entry has no desc" },
        { "[{\"type\":\"float\",\"name\":\"a\",\"desc\":\"d\"}]", "invalid field type float" },
        { "[{\"type\":\"String\",\"name\":\"a\",\"desc\":\"d\"}]", "invalid field type String" },
        { "[{" + Field + ",\"isList\":\"yes\"}]", "field a isList property is not boolean " },
        { "[{" + Field + ",\"isList\":1}]", "field a isList property is not boolean " },
        { "[{" + Field + ",\"addOutput\":\"true\"}]", "field a addOutput property is not boolean " },
        { "[{" + Field + ",\"arg\":{\"isRequired\":1}}]", "field a isRequired property is not boolean" },
        { "[{" + Field + ",\"arg\":{\"isIndex\":\"true\"}}]", "field a isIndex property is not boolean" },
        { "[{" + Field + ",\"arg\":{\"isKey\":[]}}]", "field a isKey property is not boolean" },
        { "[{" + Field + ",\"arg\":{\"isRequired\":true}}]", "field a arg has isRequired true, but none of isKey nor isIndex is true" },
        { "[{" + Field + ",\"arg\":{\"isRequired\":true,\"isIndex\":false,\"isKey\":false}}]", "field a arg has isRequired true, but none of isKey nor isIndex is true" },
        { "[{" + Field + ",\"arg\":true}]", "field a arg property is not an object" },
        { "[{" + Field + ",\"properties\":\"hidden\"}]", "field a properties property is not array " },
        { "[{" + Field + ",\"properties\":[\"hidden\",1]}]", "field a properties value is not string " },
        { "[{" + Field + "},{\"type\":\"uint64\",\"name\":\"b\",\"desc\":\"d\",\"isList\":null,\"addOutput\":0}]", "field b addOutput property is not boolean " },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Invalid_fields_json(string json, string reason)
    {
        var path = Shape.Build("SHAPE_FIELDS:=" + json, "SHAPE_EXTRACT");
        var error = Shape.LoadFails(path);
        Assert.Equal($"error in plugin shape: {reason}", error.FalcoMessage);
        Assert.Equal($"cannot load plugin {path}: error in plugin shape: {reason}", error.Message);
        Assert.Equal(PluginLoadStage.Fields, error.Stage);
        Assert.Equal("shape", error.PluginName);
    }

    [Fact]
    public void Null_fields_string()
    {
        var path = Shape.Build("SHAPE_FIELDS_NULL", "SHAPE_EXTRACT");
        Assert.Equal("error in plugin shape: get_fields returned a null string", Shape.LoadFails(path).FalcoMessage);
    }

    [Theory]
    [InlineData("reltime")]
    [InlineData("abstime")]
    [InlineData("bool")]
    [InlineData("ipaddr")]
    [InlineData("ipnet")]
    public void Legacy_plugins_only_declare_string_and_uint64(string type)
    {
        var path = Shape.Build("SHAPE_API_VERSION:=2.0.0", $"SHAPE_FIELDS:=[{{\"type\":\"{type}\",\"name\":\"a\",\"desc\":\"d\"}}]", "SHAPE_EXTRACT");
        Assert.Equal($"error in plugin shape: invalid field type {type}", Shape.LoadFails(path).FalcoMessage);
    }

    [Fact]
    public void Accepts_what_the_cpp_and_go_sdks_emit()
    {
        const string json = """
            [
              {"type":"uint64","name":"cpp.f","display":"the f","desc":"the f","isList":false,
               "arg":{"isIndex":true,"isKey":false,"isRequired":true},"properties":[],"addOutput":false},
              {"type":"string","name":"go.f","desc":"go style","isList":true,"arg":{"isIndex":false,"isKey":true,"isRequired":false},
               "properties":null,"display":""},
              {"type":"ipnet","name":"n","desc":"d","arg":null,"properties":["conversation","unknown"]},
              {"type":"string","name":12,"desc":true}
            ]
            """;
        var path = Shape.Build("SHAPE_FIELDS:=" + json, "SHAPE_EXTRACT");
        using var library = PluginLoader.Load(path);
        var fields = library.Descriptor.Fields;
        Assert.Equal(["cpp.f", "go.f", "n", "12"], fields.Select(f => f.Name));
        Assert.Equal([0, 1, 2, 3], fields.Select(f => f.Index));

        var cpp = fields[0];
        Assert.Equal(PluginFieldType.UInt64, cpp.Type);
        Assert.Equal("the f", cpp.Display);
        Assert.True(cpp.ArgIsIndex && cpp.ArgIsRequired && !cpp.ArgIsKey && cpp.ArgIsAllowed);
        Assert.False(cpp.IsList || cpp.AddOutput || cpp.IsHidden);

        var go = fields[1];
        Assert.True(go.IsList && go.ArgIsKey && !go.ArgIsRequired);
        Assert.Equal(PluginFieldProperties.None, go.Properties);

        Assert.Equal(PluginFieldProperties.Conversation, fields[2].Properties);
        Assert.Equal(PluginFieldType.IpNet, fields[2].Type);
        Assert.False(fields[2].ArgIsAllowed);
        Assert.Equal("true", fields[3].Description); // jsoncpp's asString of a boolean
        Assert.Same(cpp, library.Descriptor.FindField("cpp.f"));
        Assert.Null(library.Descriptor.FindField("nope"));
    }

    [Fact]
    public void Comments_are_tolerated_like_jsoncpp()
    {
        var path = Shape.Build("SHAPE_FIELDS:=[ /* one */ {" + Field + "} // done\n]", "SHAPE_EXTRACT");
        using var library = PluginLoader.Load(path);
        Assert.Equal("a", Assert.Single(library.Descriptor.Fields).Name);
    }
}
