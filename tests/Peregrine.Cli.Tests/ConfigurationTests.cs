using Peregrine.Cli.Tests.Support;
using static Peregrine.Cli.Tests.Support.CounterRules;

namespace Peregrine.Cli.Tests;

/// <summary>
/// Reading falco.yaml and <c>-o</c>: a missing file, YAML and value errors located as
/// <c>file:line:col</c>, malformed overrides, unknown keys (a warning), <c>load_plugins</c>, and a
/// configuration with no enabled output.
/// </summary>
public class ConfigurationTests
{
    [Fact]
    public void A_missing_configuration_file_is_an_error()
    {
        using var workspace = new Workspace();
        var missing = workspace.Path("missing.yaml");

        var result = PeregrineProcess.Run("-c", missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"Error: Could not find configuration file at {missing}\n", result.Stderr);
    }

    [Fact]
    public void Invalid_yaml_is_reported_at_its_file_line_and_column()
    {
        using var workspace = new Workspace();
        var config = workspace.Write("falco.yaml", "plugins:\n  - name: x\n   library_path: y\n");

        var result = PeregrineProcess.Run("-c", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        // The parser's own wording follows the location; only the location and Falco's prefix are Peregrine's.
        Assert.StartsWith($"Error: {config}:3:4: Cannot read config file ({config}): ", result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void An_invalid_value_is_reported_at_its_position_with_the_key()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three, extra: "priority: nonsense\n");
        var line = File.ReadAllLines(config).ToList().IndexOf("priority: nonsense") + 1;

        var result = PeregrineProcess.Run("-c", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"Error: {config}:{line}:11: priority: Unknown priority \"nonsense\"--must be one of emergency, alert, critical, error, warning, notice, informational, debug\n",
            result.Stderr);
    }

    [Fact]
    public void An_override_without_a_value_is_an_error()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);

        var result = PeregrineProcess.Run("-c", config, "-o", "json_output");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: -o json_output: Error parsing config option \"json_output\". Must be of the form key=val or key.subkey=val\n", result.Stderr);
    }

    [Fact]
    public void An_override_with_an_invalid_value_is_an_error_that_names_the_option()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);

        var result = PeregrineProcess.Run("-c", config, "-o", "rule_matching=sometimes");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: -o rule_matching=sometimes: rule_matching: Unknown rule matching strategy \"sometimes\"--must be one of first, all\n", result.Stderr);
    }

    [Fact]
    public void An_unknown_key_is_a_warning_and_the_run_goes_on()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);

        var result = PeregrineProcess.Run("-c", config, "-o", "no_such_key=1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Warning: -o no_such_key=1: no_such_key: unknown configuration key\n", result.Stderr);
        Assert.EndsWith("Events detected: 1\nRule counts by severity:\n   INFO: 1\nTriggered rules by rule name:\n   three: 1\n", result.Stdout);
    }

    [Fact]
    public void Load_plugins_keeps_only_the_plugins_it_names()
    {
        using var workspace = new Workspace();
        var config = workspace.Write("falco.yaml", FalcoYaml.Config([FalcoYaml.Counter(), FalcoYaml.Extractor()], [], "load_plugins: [extractor]\n"));

        var result = PeregrineProcess.Run("-c", config, "--list-plugins");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("1 Plugins Loaded:\n\nName: extractor\n", result.Stdout);
    }

    [Fact]
    public void Load_plugins_naming_an_unconfigured_plugin_is_an_error()
    {
        using var workspace = new Workspace();
        var config = workspace.Write("falco.yaml", FalcoYaml.Config([FalcoYaml.Counter()], [], "load_plugins: [nope]\n"));
        var line = File.ReadAllLines(config).Length;

        var result = PeregrineProcess.Run("-c", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: {config}:{line}:16: load_plugins[0]: Cannot load plugin 'nope': plugin config not found for given name\n", result.Stderr);
    }

    [Fact]
    public void A_configuration_with_no_enabled_output_is_an_error()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);

        var result = PeregrineProcess.Run("-c", config, "-o", "stdout_output.enabled=false");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("Error: No output configured, please make sure at least one output is configured and enabled.\n", result.Stderr);
    }
}
