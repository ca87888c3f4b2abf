using Peregrine.Cli.Tests.Support;
using Peregrine.TestSupport;
using static Peregrine.Cli.Tests.Support.CounterRules;

namespace Peregrine.Cli.Tests;

/// <summary>
/// <c>--enable-source</c> / <c>--disable-source</c> with Falco's checks, and a configuration with
/// no event source at all. Peregrine knows the syscall source by name (for Falco's messages) but
/// never runs it.
/// </summary>
public class SourceSelectionTests
{
    private const string ThreeOnly = "01:46:40.000000003: Informational three 3\nEvents detected: 1\nRule counts by severity:\n   INFO: 1\nTriggered rules by rule name:\n   three: 1\n";

    [Theory]
    [InlineData(new[] { "--enable-source", "syscall" }, "Error: Attempted enabling the syscall event source: Peregrine does not capture system calls; its event sources come from plugins\n")]
    [InlineData(new[] { "--enable-source", "x" }, "Error: Attempted enabling an unknown event source: x\n")]
    [InlineData(new[] { "--enable-source", "counter", "--enable-source", "x" }, "Error: Attempted enabling an unknown event source: x\n")]
    [InlineData(new[] { "--disable-source", "x" }, "Error: Attempted disabling an unknown event source: x\n")]
    [InlineData(new[] { "--enable-source", "counter", "--disable-source", "syscall" }, "Error: You can not mix --enable-source and --disable-source\n")]
    [InlineData(new[] { "--disable-source", "counter" }, "Error: Must enable at least one event source\n")]
    public void Bad_source_selections_are_errors(string[] selection, string stderr)
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);

        var result = PeregrineProcess.Run(["-c", config, .. selection]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(stderr, result.Stderr);
    }

    [Theory]
    [InlineData("--enable-source", "counter")]
    [InlineData("--disable-source", "syscall")]
    public void Selecting_the_counter_source_or_disabling_syscall_runs_the_counter(string option, string source)
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);

        var result = PeregrineProcess.Run("-c", config, option, source);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(ThreeOnly, result.Stdout);
    }

    [Fact]
    public void Only_the_enabled_sources_are_opened()
    {
        using var workspace = new Workspace();
        var shape = ShapePlugin.Build(ShapePlugin.Sourcing);
        var rules = workspace.Write("rules.yaml", Three);
        var config = workspace.Write("falco.yaml", FalcoYaml.Config([FalcoYaml.Counter(), FalcoYaml.Plugin("shape", shape)], [rules]));

        var both = PeregrineProcess.Run("-c", config, "-o", "log_stderr=true");
        var shapeOnly = PeregrineProcess.Run("-c", config, "-o", "log_stderr=true", "--enable-source", "shape");
        var counterOnly = PeregrineProcess.Run("-c", config, "-o", "log_stderr=true", "--disable-source", "shape");

        Assert.True(both.ExitCode == 0, both.ToString());
        Assert.Equal(ThreeOnly, both.Stdout);
        Assert.Contains(": Loaded event sources: syscall, counter, shape\n", both.Stderr);
        Assert.Contains(": Enabled event sources: counter, shape\n", both.Stderr);

        Assert.True(shapeOnly.ExitCode == 0, shapeOnly.ToString());
        Assert.Equal("Events detected: 0\nRule counts by severity:\nTriggered rules by rule name:\n", shapeOnly.Stdout);
        Assert.Contains(": Enabled event sources: shape\n", shapeOnly.Stderr);
        Assert.DoesNotContain("Opening 'counter'", shapeOnly.Stderr);

        Assert.True(counterOnly.ExitCode == 0, counterOnly.ToString());
        Assert.Equal(ThreeOnly, counterOnly.Stdout);
        Assert.Contains(": Enabled event sources: counter\n", counterOnly.Stderr);
        Assert.DoesNotContain("Opening 'shape'", counterOnly.Stderr);
    }

    [Fact]
    public void Without_any_sourcing_plugin_there_is_no_event_source_to_run()
    {
        using var workspace = new Workspace();
        var rules = workspace.Write("rules.yaml", Three);
        var config = workspace.Write("falco.yaml", "rules_files:\n  - " + rules + "\nstdout_output:\n  enabled: true\nlog_stderr: false\nlog_syslog: false\n");

        var result = PeregrineProcess.Run("-c", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "Error: no event source to run: Peregrine does not capture system calls, so the configuration must load at least one plugin "
            + "with event sourcing capability (plugins and load_plugins in falco.yaml)\n",
            result.Stderr);
        // The outputs were started, so the (empty) summary is printed at teardown as after any run.
        Assert.Equal("Events detected: 0\nRule counts by severity:\nTriggered rules by rule name:\n", result.Stdout);
    }
}
