using Peregrine.Cli.Tests.Support;
using Peregrine.TestSupport;
using static Peregrine.Cli.Tests.Support.CounterRules;

namespace Peregrine.Cli.Tests;

/// <summary>
/// Plugins that cannot work together or at all: each stops Peregrine with exit status 1 and
/// Falco's message on stderr, before any event. Also which plugin opens a source two plugins offer.
/// </summary>
public class PluginLoadingErrorTests
{
    [Theory]
    [InlineData("counter.value")] // the sourcing plugin's own field
    [InlineData("ex.str")] // a field of the extractor loaded before
    [InlineData("evt.num")] // a built-in field
    public void An_extractor_exporting_a_field_the_source_already_has_is_rejected(string field)
    {
        using var workspace = new Workspace();
        var overlap = ShapePlugin.Build("SHAPE_NAME:=overlap", $$"""SHAPE_FIELDS:=[{"type":"uint64","name":"{{field}}","desc":"d"}]""", "SHAPE_EXTRACT", """SHAPE_EXTRACT_SOURCES:=["counter"]""");
        var config = Config(workspace, FalcoYaml.Counter(), FalcoYaml.Extractor(), FalcoYaml.Plugin("overlap", overlap));

        var result = PeregrineProcess.Run("-c", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"Error: Plugin 'overlap' supports extraction of field '{field}' that is overlapping for source 'counter'\n", result.Stderr);
    }

    [Fact]
    public void An_extractor_compatible_with_no_loaded_source_is_rejected()
    {
        using var workspace = new Workspace();
        var unused = ShapePlugin.Build("SHAPE_NAME:=unused", """SHAPE_FIELDS:=[{"type":"uint64","name":"un.f","desc":"d"}]""", "SHAPE_EXTRACT", """SHAPE_EXTRACT_SOURCES:=["nope"]""");
        var config = Config(workspace, FalcoYaml.Counter(), FalcoYaml.Plugin("unused", unused));

        var result = PeregrineProcess.Run("-c", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: Plugin 'unused' is loaded but unused as not compatible with any known event source\n", result.Stderr);
    }

    [Fact]
    public void Two_plugins_with_the_same_name_cannot_both_be_registered()
    {
        using var workspace = new Workspace();
        var config = Config(workspace, FalcoYaml.Counter(), FalcoYaml.Plugin("counter_again", NativeFixtures.Counter, "count=10"));

        var result = PeregrineProcess.Run("-c", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(
            $"Runtime error: cannot register plugin {NativeFixtures.Counter} in inspector: found another plugin with name counter. Aborting.. Exiting.\n",
            result.Stderr);
    }

    [Fact]
    public void Two_sourcing_plugins_with_the_same_id_cannot_both_be_registered()
    {
        using var workspace = new Workspace();
        var sameId = ShapePlugin.Build("SHAPE_NAME:=sameid", "SHAPE_OPEN", "SHAPE_CLOSE", "SHAPE_NEXT_BATCH", "SHAPE_ID=999", "SHAPE_EVENT_SOURCE:=other");
        var config = Config(workspace, FalcoYaml.Counter(), FalcoYaml.Plugin("sameid", sameId));

        var result = PeregrineProcess.Run("-c", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"Runtime error: cannot register plugin {sameId} in inspector: found another plugin with ID 999. Aborting.. Exiting.\n",
            result.Stderr);
    }

    [Fact]
    public void Of_two_sourcing_plugins_for_one_source_only_the_first_configured_is_opened()
    {
        using var workspace = new Workspace();
        // "second" also sources "counter" (with no events); the counter plugin comes first here.
        var second = SecondCounterSource();
        var config = Config(workspace, FalcoYaml.Counter("count=4"), FalcoYaml.Plugin("second", second));

        var result = PeregrineProcess.Run("-c", config);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            Alert(3, "Warning", "three from counter") + "\n"
            + "Events detected: 1\nRule counts by severity:\n   WARNING: 1\nTriggered rules by rule name:\n   three: 1\n",
            result.Stdout);
    }

    [Fact]
    public void When_the_other_sourcing_plugin_comes_first_it_is_the_one_opened_and_a_warning_says_so()
    {
        using var workspace = new Workspace();
        var config = Config(workspace, FalcoYaml.Plugin("second", SecondCounterSource()), FalcoYaml.Counter("count=4"));

        var result = PeregrineProcess.Run("-c", config, "-o", "log_stderr=true", "-v");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Events detected: 0\nRule counts by severity:\nTriggered rules by rule name:\n", result.Stdout);
        Assert.Contains(": Enabled event source 'counter' can be opened with multiple loaded plugins, will use only 'second'\n", result.Stderr);
        Assert.Contains(": Opening 'counter' source with plugin 'second'\n", result.Stderr);
        Assert.Matches(@"(?m)^\(counter\) Elapsed time: \d+\.\d{3}, Captured Events: 0, ", result.Stderr);
    }

    [Fact]
    public void A_plugin_whose_init_fails_stops_with_the_plugins_error()
    {
        using var workspace = new Workspace();
        var config = Config(workspace, FalcoYaml.Plugin("counter", NativeFixtures.Counter, "count=10", """{"fail_init":"the sky fell"}"""));

        var result = PeregrineProcess.Run("-c", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("Error: could not initialize plugin: the sky fell\n", result.Stderr);
    }

    [Fact]
    public void A_plugin_library_that_does_not_exist_is_a_runtime_error()
    {
        using var workspace = new Workspace();
        var missing = workspace.Path("libmissing.so");
        var config = Config(workspace, FalcoYaml.Counter(), FalcoYaml.Plugin("missing", missing));

        var result = PeregrineProcess.Run("-c", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(
            $"Runtime error: cannot load plugin {missing}: can't load plugin dynamic library: {missing}: cannot open shared object file: No such file or directory. Exiting.\n",
            result.Stderr);
    }

    /// <summary>A sourcing plugin named "second" for the "counter" source (ID 5) that ends at once.</summary>
    private static string SecondCounterSource() =>
        ShapePlugin.Build("SHAPE_NAME:=second", "SHAPE_OPEN", "SHAPE_CLOSE", "SHAPE_NEXT_BATCH", "SHAPE_ID=5", "SHAPE_EVENT_SOURCE:=counter");

    private static string Config(Workspace workspace, params string[] plugins)
    {
        var rules = workspace.Write("rules.yaml", FalcoYaml.Rule("three", "counter.value = 3", "three from %evt.pluginname"));
        return workspace.Write("falco.yaml", FalcoYaml.Config(plugins, [rules]));
    }
}
