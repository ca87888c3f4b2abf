using System.Text.Json.Nodes;
using Peregrine.Cli.Tests.Support;
using Peregrine.TestSupport;

namespace Peregrine.Cli.Tests;

/// <summary><c>--list-plugins</c>, <c>--plugin-info</c> and <c>--list</c>: exact text, exit status, errors.</summary>
public class ListingTests
{
    private const string CounterDescription =
        "Name: counter\n"
        + "Description: emits a sequence of counter events\n"
        + "Contact: peregrine tests\n"
        + "Version: 1.2.3\n"
        + "Capabilities: \n"
        + "  - Event Sourcing (ID=999, source='counter')\n"
        + "  - Field Extraction\n";

    private const string ExtractorDescription =
        "Name: extractor\n"
        + "Description: extracts every field type\n"
        + "Contact: peregrine tests\n"
        + "Version: 0.4.0\n"
        + "Capabilities: \n"
        + "  - Field Extraction\n";

    private const string CounterFieldClass =
        "-------------------------------\n"
        + "Field Class:                  counter (plugin)\n"
        + "Event Sources:                counter \n"
        + "\n"
        + "counter.value                 the counter value \n"
        + "counter.even                  whether the value is even \n"
        + "counter.label                 the label from the init config \n"
        + "counter.config                the init config the plugin received \n"
        + "counter.tables                what the table API answered at init \n"
        + "counter.mod                   (ARG_INDEX,ARG_REQUIRED) the value modulo the index argument \n"
        + "\n";

    private static readonly string[] CounterFieldNames = ["counter.value", "counter.even", "counter.label", "counter.config", "counter.tables", "counter.mod"];

    [Fact]
    public void List_plugins_describes_every_configured_plugin_without_initializing_it()
    {
        using var workspace = new Workspace();
        // fail_init would stop any run that initializes the plugin.
        var config = workspace.Write("falco.yaml", FalcoYaml.Config(
            [FalcoYaml.Plugin("counter", NativeFixtures.Counter, "", """{"fail_init":"must not be initialized"}"""), FalcoYaml.Extractor()], []));

        var result = PeregrineProcess.Run("-c", config, "--list-plugins");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("2 Plugins Loaded:\n\n" + CounterDescription + "\n" + ExtractorDescription + "\n\n", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Plugin_info_by_name_prints_description_schema_and_suggested_open_params()
    {
        using var workspace = new Workspace();
        var config = workspace.Write("falco.yaml", FalcoYaml.Config([FalcoYaml.Counter(), FalcoYaml.Extractor()], []));

        var result = PeregrineProcess.Run("-c", config, "--plugin-info", "counter");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            CounterDescription
            + "\n"
            + "Init config schema type: JSON\n"
            + """{"type":"object","properties":{"start":{"type":"integer","minimum":0},"label":{"type":"string"},"to_string":{"type":"boolean"},"fail_init":{"type":"string"},"log":{"type":"boolean"}},"additionalProperties":false}"""
            + "\n\n"
            + "Suggested open params:\n"
            + "count=10: ten events\n"
            + "count=1000,batch=256: a thousand events\n"
            + "\n",
            result.Stdout);
    }

    [Fact]
    public void Plugin_info_by_library_path_finds_the_configured_plugin()
    {
        using var workspace = new Workspace();
        var config = workspace.Write("falco.yaml", FalcoYaml.Config([FalcoYaml.Counter(), FalcoYaml.Extractor()], []));

        var result = PeregrineProcess.Run("-c", config, "--plugin-info", NativeFixtures.Extractor);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ExtractorDescription
            + "\n"
            + "Init config schema type: Not available, plugin does not implement the init config schema functionality\n"
            + "\n\n",
            result.Stdout);
    }

    [Fact]
    public void Plugin_info_of_an_unknown_plugin_is_an_error()
    {
        using var workspace = new Workspace();
        var config = workspace.Write("falco.yaml", FalcoYaml.Config([FalcoYaml.Counter()], []));

        var result = PeregrineProcess.Run("-c", config, "--plugin-info", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("Error: can't find plugin and print its info: nope\n", result.Stderr);
    }

    [Fact]
    public void Plugin_info_of_a_plugin_whose_init_fails_prints_what_it_can_then_the_error()
    {
        using var workspace = new Workspace();
        var config = workspace.Write("falco.yaml", FalcoYaml.Config(
            [FalcoYaml.Plugin("counter", NativeFixtures.Counter, "", """{"fail_init":"no way"}""")], []));

        var result = PeregrineProcess.Run("-c", config, "--plugin-info", "counter");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(CounterDescription + "\nInit config schema type: JSON\n", result.Stdout);
        Assert.DoesNotContain("Suggested open params", result.Stdout);
        Assert.Equal("Error: could not initialize plugin: no way\n", result.Stderr);
    }

    [Fact]
    public void List_prints_every_field_class_of_every_loaded_source()
    {
        using var workspace = new Workspace();
        var config = workspace.Write("falco.yaml", FalcoYaml.Config([FalcoYaml.Counter(), FalcoYaml.Extractor()], []));

        var result = PeregrineProcess.Run("-c", config, "--list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["Field Class:                  evt (All event types)", "Field Class:                  counter (plugin)", "Field Class:                  extractor (plugin)"],
            result.Stdout.Split('\n').Where(l => l.StartsWith("Field Class:", StringComparison.Ordinal)));
        Assert.StartsWith("-------------------------------\nField Class:                  evt (All event types)\nDescription:                  These fields can be used for all event types \nEvent Sources:                counter \n\nevt.num ", result.Stdout);
        Assert.Contains(CounterFieldClass, result.Stdout);
        Assert.Contains("\nex.strlist                    (EPF_IS_LIST) [a, b, value-<n>] \n", result.Stdout);
        // Hidden fields are listed only with -v.
        Assert.DoesNotContain("ex.hidden", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void List_of_one_source_with_names_only()
    {
        using var workspace = new Workspace();
        var config = workspace.Write("falco.yaml", FalcoYaml.Config([FalcoYaml.Counter()], []));

        var result = PeregrineProcess.Run("-c", config, "--list", "counter", "-N");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith("\n", result.Stdout);
        var names = result.Stdout[..^1].Split('\n');
        var evt = names.TakeWhile(n => n.StartsWith("evt.", StringComparison.Ordinal)).ToList();
        Assert.Equal(CounterFieldNames, names.Skip(evt.Count));
        Assert.Subset(evt.ToHashSet(), new HashSet<string> { "evt.num", "evt.time", "evt.source", "evt.pluginname", "evt.plugininfo", "evt.hostname" });
    }

    [Fact]
    public void List_in_json_format()
    {
        using var workspace = new Workspace();
        var config = workspace.Write("falco.yaml", FalcoYaml.Config([FalcoYaml.Counter(), FalcoYaml.Extractor()], []));

        var result = PeregrineProcess.Run("-c", config, "--list", "counter", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var classes = JsonNode.Parse(result.Stdout)!["fieldclasses"]!.AsArray();
        Assert.Equal(["evt", "counter (plugin)", "extractor (plugin)"], classes.Select(c => c!["name"]!.GetValue<string>()));
        var counter = classes[1]!;
        Assert.Equal("""{"event_sources":["counter"],"name":"counter (plugin)"}""", Without(counter, "fields"));
        Assert.Equal(CounterFieldNames, counter["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal(
            """{"argument":{"required":true,"type":["INDEX"]},"desc":"the value modulo the index argument","is_list":false,"name":"counter.mod","type":"UINT64"}""",
            counter["fields"]![5]!.ToJsonString());
        Assert.Equal(
            """{"argument":null,"desc":"whether the value is even","is_list":false,"name":"counter.even","type":"BOOL"}""",
            counter["fields"]![1]!.ToJsonString());
    }

    [Fact]
    public void List_of_a_source_no_plugin_opens_is_an_error()
    {
        // The extractor can extract from "other", but no loaded plugin sources it.
        using var workspace = new Workspace();
        var config = workspace.Write("falco.yaml", FalcoYaml.Config([FalcoYaml.Counter(), FalcoYaml.Extractor()], []));

        var result = PeregrineProcess.Run("-c", config, "--list", "other");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("Error: Value for --list must be a valid source type\n", result.Stderr);
    }

    [Fact]
    public void List_syscall_explains_that_peregrine_has_no_syscall_source()
    {
        using var workspace = new Workspace();
        var config = workspace.Write("falco.yaml", FalcoYaml.Config([FalcoYaml.Counter()], []));

        var result = PeregrineProcess.Run("-c", config, "--list", "syscall");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "Error: Value for --list must be a valid source type (Peregrine has no syscall source: it reads events from plugins only, so it has no syscall fields to list)\n",
            result.Stderr);
    }

    private static string Without(JsonNode node, string key)
    {
        var copy = node.DeepClone().AsObject();
        copy.Remove(key);
        return copy.ToJsonString();
    }
}
