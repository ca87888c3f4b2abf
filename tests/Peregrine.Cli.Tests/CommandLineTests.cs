using System.Diagnostics;
using System.Text.Json.Nodes;
using Peregrine.Cli.Tests.Support;
using Peregrine.TestSupport;
using static Peregrine.Cli.Tests.Support.CounterRules;

namespace Peregrine.Cli.Tests;

/// <summary>
/// Options that shape the run rather than the detections: <c>--version</c>, <c>-h</c>, bad
/// options, <c>--dry-run</c>, <c>-M</c>, <c>-v</c>, <c>-P</c> and the deprecated <c>-p</c>.
/// </summary>
public class CommandLineTests
{
    private const string EmptySummary = "Events detected: 0\nRule counts by severity:\nTriggered rules by rule name:\n";

    [Fact]
    public void Version_prints_peregrines_and_falcos_versions_without_a_configuration()
    {
        var result = PeregrineProcess.Run("--version");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"\APeregrine version: \d+\.\d+\.\d+\n", result.Stdout);
        Assert.EndsWith(
            "\nFalco version:     0.44.1 (the behaviour Peregrine follows)\n"
            + "Plugin API:        3.12.0\n"
            + "Engine:            0.62.0\n",
            result.Stdout);
        Assert.Equal(4, result.Stdout.Count(c => c == '\n'));
    }

    [Fact]
    public void Version_with_json_output_is_one_json_object()
    {
        var result = PeregrineProcess.Run("--version", "-o", "json_output=true");

        Assert.True(result.ExitCode == 0, result.ToString());
        var version = JsonNode.Parse(result.Stdout)!.AsObject();
        Assert.Equal(["engine_version", "falco_version", "peregrine_version", "plugin_api_version"], version.Select(p => p.Key));
        Assert.Equal("0.44.1", version["falco_version"]!.GetValue<string>());
        Assert.Equal("3.12.0", version["plugin_api_version"]!.GetValue<string>());
    }

    [Fact]
    public void Help_lists_the_options_and_exits_successfully()
    {
        var result = PeregrineProcess.Run("-h");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.Stdout);
        foreach (var option in new[] { "-c <path>", "-o, --option <opt>=<val>", "-r <rules_file>", "-V, --validate <rules_file>", "--list <source>", "--list-plugins", "--plugin-info <plugin_name>", "--dry-run", "-M <num_seconds>", "--version" })
        {
            Assert.Contains(option, result.Stdout);
        }
        Assert.Equal("", result.Stderr);
    }

    [Theory]
    [InlineData(new[] { "--bogus" }, "Error: Unrecognized command or argument '--bogus'.\n")]
    [InlineData(new[] { "--list", "--format", "yaml" }, "Error: Invalid format 'yaml'. Valid values are: text, markdown, json\n")]
    [InlineData(new[] { "--list", "--format", "json", "--markdown" }, "Error: Cannot specify both --markdown and --format options together\n")]
    [InlineData(new[] { "-i" }, "Error: option -i is not supported by Peregrine: it serves syscall capture or Falco's own schemas, which Peregrine does not have\n")]
    public void A_bad_command_line_is_an_error(string[] args, string stderr)
    {
        var result = PeregrineProcess.Run(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(stderr, result.Stderr);
    }

    [Fact]
    public void Dry_run_loads_everything_but_processes_no_event()
    {
        using var workspace = new Workspace();
        var alerts = workspace.Path("alerts.txt");
        var config = WriteConfig(workspace, EvenBigThree, extra: $"file_output:\n  enabled: true\n  filename: {alerts}\n");

        var result = PeregrineProcess.Run("-c", config, "--dry-run");

        // As Falco 0.44: no output channel is opened in dry-run, so there is no closing summary either.
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal("", result.Stderr);
        Assert.False(File.Exists(alerts));
    }

    [Fact]
    public void Dry_run_still_reports_rules_and_plugin_errors()
    {
        using var workspace = new Workspace();
        var badRules = WriteConfig(workspace, FalcoYaml.Rule("broken", "counter.nope = 1", "x"));
        var badPlugin = workspace.Write("bad-plugin.yaml", FalcoYaml.Config(
            [FalcoYaml.Plugin("counter", NativeFixtures.Counter, "", """{"fail_init":"refused"}""")], [workspace.Path("rules.yaml")]));

        var rules = PeregrineProcess.Run("-c", badRules, "--dry-run");
        var plugin = PeregrineProcess.Run("-c", badPlugin, "--dry-run");

        Assert.Equal(1, rules.ExitCode);
        Assert.Contains("LOAD_ERR_COMPILE_CONDITION", rules.Stderr);
        Assert.Equal(1, plugin.ExitCode);
        Assert.Equal("Error: could not initialize plugin: refused\n", plugin.Stderr);
    }

    [Theory]
    [InlineData("timeout_first=1000000000000")] // next_batch times out forever
    [InlineData("count=1000000000000,ts=now")] // events forever
    public void Dash_M_stops_a_never_ending_source_after_that_many_seconds(string openParams)
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, FalcoYaml.Rule("never", "counter.value = 18446744073709551615", "never"), openParams);

        var clock = Stopwatch.StartNew();
        var result = PeregrineProcess.Run(["-c", config, "-M", "1"], null, TimeSpan.FromSeconds(60));
        clock.Stop();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(EmptySummary, result.Stdout);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"stopped after {clock.Elapsed}");
    }

    [Fact]
    public void Dash_v_prints_each_sources_event_rate_on_stderr()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);

        var result = PeregrineProcess.Run("-c", config, "-v");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"\A\(counter\) Elapsed time: \d+\.\d{3}, Captured Events: 10, \d+\.\d{2} eps\n\z", result.Stderr);
        Assert.Equal("01:46:40.000000003: Informational three 3\nEvents detected: 1\nRule counts by severity:\n   INFO: 1\nTriggered rules by rule name:\n   three: 1\n", result.Stdout);
    }

    [Fact]
    public async Task Dash_P_writes_the_process_id()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);
        var pidFile = workspace.Path("peregrine.pid");

        using var process = PeregrineProcess.Start(["-c", config, "-P", pidFile]);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "peregrine did not finish");
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, await stderr);
        Assert.EndsWith("three: 1\n", await stdout);
        Assert.Equal(process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(pidFile));
    }

    [Fact]
    public void Deprecated_dash_p_appends_its_format_to_every_output()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);

        var result = PeregrineProcess.Run("-c", config, "-p", "label=%counter.label");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("01:46:40.000000003: Informational three 3 label=none\n", result.Stdout);
    }
}
