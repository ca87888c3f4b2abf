using Peregrine.Engine.Listing;
using Peregrine.Plugins;
using Peregrine.TestSupport;
using static Peregrine.Engine.Tests.Listing.ListingEngines;

namespace Peregrine.Engine.Tests.Listing;

public class PluginInfoTests
{
    private static readonly string CounterBlock = Lines(
        "Name: counter",
        "Description: emits a sequence of counter events",
        "Contact: peregrine tests",
        "Version: 1.2.3",
        "Capabilities: ",
        "  - Event Sourcing (ID=999, source='counter')",
        "  - Field Extraction");

    private static readonly string CounterSchema = Lines(
        "Init config schema type: JSON",
        "{\"type\":\"object\",\"properties\":{\"start\":{\"type\":\"integer\",\"minimum\":0},\"label\":{\"type\":\"string\"},"
        + "\"to_string\":{\"type\":\"boolean\"},\"fail_init\":{\"type\":\"string\"},\"log\":{\"type\":\"boolean\"}},\"additionalProperties\":false}",
        "");

    private static readonly string[] Sourcing = ShapePlugin.Sourcing;

    [Fact]
    public void Lists_the_configured_plugins()
    {
        using var engine = Create(Counter, Extractor);
        Assert.Equal(
            "2 Plugins Loaded:\n\n" + CounterBlock + "\n"
            + Lines("Name: extractor", "Description: extracts every field type", "Contact: peregrine tests", "Version: 0.4.0", "Capabilities: ", "  - Field Extraction")
            + "\n\n",
            PluginInfoText.ListPlugins(engine.Registry.Plugins.Select(p => p.Descriptor).ToList()));
        Assert.Equal("0 Plugins Loaded:\n\n\n", PluginInfoText.ListPlugins([]));
    }

    [Fact]
    public void Describes_every_capability_and_the_parsed_version()
    {
        using var library = PluginLoader.Load(ShapePlugin.Build(
            "SHAPE_OPEN", "SHAPE_CLOSE", "SHAPE_NEXT_BATCH", "SHAPE_PARSE", "SHAPE_ASYNC_EVENTS:=[\"ping\"]", "SHAPE_ASYNC_HANDLER",
            "SHAPE_CAPTURE_OPEN", "SHAPE_CAPTURE_CLOSE", "SHAPE_VERSION:=2.5.1-rc1"));
        Assert.Equal(Lines(
            "Name: shape",
            "Description: a plugin of configurable shape",
            "Contact: peregrine tests",
            "Version: 2.5.1",
            "Capabilities: ",
            "  - Event Sourcing (system events)",
            "  - Event Parsing",
            "  - Async Events"),
            PluginInfoText.Describe(library.Descriptor));
    }

    [Fact]
    public void Prints_info_schema_and_suggested_open_params()
    {
        using var engine = Create(Counter);
        var outcome = PluginInfo.Print(engine.Registry.Plugins[0].Library, "");
        Assert.Null(outcome.Error);
        Assert.Equal(CounterBlock + "\n" + CounterSchema + Lines(
            "Suggested open params:",
            "count=10: ten events",
            "count=1000,batch=256: a thousand events",
            ""), outcome.Output);
    }

    [Fact]
    public void A_plugin_without_schema_or_sourcing_prints_no_open_params()
    {
        using var engine = Create(Counter, Extractor);
        var outcome = PluginInfo.Print(engine.Registry.Plugins[1].Library, "");
        Assert.Null(outcome.Error);
        Assert.EndsWith(Lines(
            "  - Field Extraction",
            "",
            "Init config schema type: Not available, plugin does not implement the init config schema functionality",
            "",
            ""), outcome.Output);
    }

    [Fact]
    public void A_schema_that_is_not_json_is_not_available_but_still_printed()
    {
        using var library = PluginLoader.Load(ShapePlugin.Build([.. Sourcing, "SHAPE_INIT_SCHEMA:=free text", "SHAPE_INIT_SCHEMA_TYPE=0"]));
        var outcome = PluginInfo.Print(library, "");
        Assert.Null(outcome.Error);
        Assert.EndsWith(Lines(
            "  - Event Sourcing (ID=5, source='shape')",
            "",
            "Init config schema type: Not available, plugin does not implement the init config schema functionality",
            "free text",
            "",
            "No suggested open params available: plugin has not been configured, or it does not implement the open params suggestion functionality",
            ""), outcome.Output);
    }

    [Fact]
    public void An_open_param_without_description_is_printed_alone()
    {
        using var library = PluginLoader.Load(ShapePlugin.Build(
            [.. Sourcing, "SHAPE_OPEN_PARAMS:=[{\"value\":\"a\"},{\"value\":\"b\",\"desc\":\"\"},{\"value\":\"c\",\"desc\":\"the c\",\"separator\":\";\"}]"]));
        var outcome = PluginInfo.Print(library, "");
        Assert.EndsWith(Lines("Suggested open params:", "a", "b", "c: the c", ""), outcome.Output);
    }

    [Fact]
    public void A_failing_init_ends_after_the_schema_with_an_error()
    {
        using var library = PluginLoader.Load(ShapePlugin.Build([.. Sourcing, "SHAPE_INIT_FAIL:=no way"]));
        var outcome = PluginInfo.Print(library, "");
        Assert.EndsWith("Init config schema type: Not available, plugin does not implement the init config schema functionality\n\n\n", outcome.Output);
        Assert.Equal("Error: could not initialize plugin: no way", outcome.Error?.StderrLine);
    }

    [Fact]
    public void A_rejected_init_config_is_a_runtime_error()
    {
        using var engine = Create(Counter);
        var outcome = PluginInfo.Print(engine.Registry.Plugins[0].Library, "{\"start\":-1}");
        Assert.Equal(CounterBlock + "\n" + CounterSchema, outcome.Output);
        Assert.Equal(
            "Runtime error: error in plugin counter init config: In <root>[start], Expected number greater than or equal to 0.000000. Exiting.",
            outcome.Error?.StderrLine);
    }

    [Fact]
    public void A_failing_open_params_call_is_a_runtime_error()
    {
        using var library = PluginLoader.Load(ShapePlugin.Build([.. Sourcing, "SHAPE_OPEN_PARAMS:=[]", "SHAPE_OPEN_PARAMS_RC=1"]));
        var outcome = PluginInfo.Print(library, "");
        Assert.EndsWith("functionality\n\n\n", outcome.Output);
        Assert.Equal("Runtime error: error in plugin shape: list_open_params has error open params unavailable. Exiting.", outcome.Error?.StderrLine);
    }

    [Fact]
    public void Finds_the_first_configured_plugin_by_name_or_library_path()
    {
        (string, string, string)[] configured =
        [
            ("json", "/usr/share/falco/plugins/libjson.so", "a"),
            ("k8saudit", "/usr/share/falco/plugins/libk8saudit.so", "b"),
            ("other", "/usr/share/falco/plugins/libjson.so", "c"),
        ];
        Assert.Equal(("k8saudit", "/usr/share/falco/plugins/libk8saudit.so", "b"), PluginInfo.Find(configured, "k8saudit"));
        Assert.Equal(("json", "/usr/share/falco/plugins/libjson.so", "a"), PluginInfo.Find(configured, "/usr/share/falco/plugins/libjson.so"));
        Assert.Null(PluginInfo.Find(configured, "libjson.so"));
        Assert.Equal("Error: can't find plugin and print its info: libjson.so", PluginInfo.NotFound("libjson.so").StderrLine);
    }
}
