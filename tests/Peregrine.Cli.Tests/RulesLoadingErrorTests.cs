using Peregrine.Cli.Tests.Support;
using static Peregrine.Cli.Tests.Support.CounterRules;

namespace Peregrine.Cli.Tests;

/// <summary>
/// Rules files that do not load: missing files, errors (Falco's verbose report after
/// <c>Error: </c>), unmet <c>required_plugin_versions</c> (reported even over rule errors), and
/// rules of a source no plugin provides (skipped with a warning; the run goes on).
/// </summary>
public class RulesLoadingErrorTests
{
    private const string BrokenRule = """
        - rule: broken
          desc: broken description
          condition: counter.nope = 1
          output: "x"
          priority: WARNING
          source: counter

        """;

    [Fact]
    public void A_missing_rules_file_is_an_error()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);
        var missing = workspace.Path("missing.yaml");

        var result = PeregrineProcess.Run("-c", config, "-r", missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"Error: Could not open file {missing} for reading\n", result.Stderr);
    }

    [Fact]
    public void No_rules_file_at_all_is_an_error()
    {
        using var workspace = new Workspace();
        var config = workspace.Write("falco.yaml", FalcoYaml.Config([FalcoYaml.Counter()], []));

        var result = PeregrineProcess.Run("-c", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: You must specify at least one rules file/directory via -r or a rules_file entry in falco.yaml\n", result.Stderr);
    }

    [Fact]
    public void A_rules_file_with_errors_stops_before_any_event_with_falcos_verbose_report()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, BrokenRule);
        var file = workspace.Path("rules.yaml");

        var result = PeregrineProcess.Run("-c", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(
            $"Error: {file}: Invalid\n"
            + "1 Errors:\n"
            + $"In rules content: ({file}:0:0)\n"
            + $"    rule 'broken': ({file}:0:2)\n"
            + $"    rule condition: ({file}:2:13)\n"
            + "    condition expression: (\"counter.nope = 1\":3:14)\n"
            + "------\n"
            + "counter.nope = 1\n"
            + "               ^\n"
            + "------\n"
            + "LOAD_ERR_COMPILE_CONDITION (Error compiling condition): filter_check called with nonexistent field counter.nope\n"
            + "\n",
            result.Stderr);
    }

    [Fact]
    public void An_unmet_plugin_version_requirement_is_an_error()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Requirement("counter", "1.3.0") + Three);

        var result = PeregrineProcess.Run("-c", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("Error: Plugin 'counter' version '1.2.3' is not compatible with required plugin version '1.3.0'\n", result.Stderr);
    }

    [Fact]
    public void A_required_plugin_that_is_not_loaded_lists_the_alternatives()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, """
            - required_plugin_versions:
              - name: k8saudit
                version: 0.7.0
                alternatives:
                  - name: k8saudit-eks
                    version: 0.4.0

            """ + Three);

        var result = PeregrineProcess.Run("-c", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: Plugin requirement not satisfied, must load one of: k8saudit (>= 0.7.0), k8saudit-eks (>= 0.4.0)\n", result.Stderr);
    }

    [Fact]
    public void A_requirement_met_by_an_alternative_lets_the_run_go_on()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, """
            - required_plugin_versions:
              - name: not_loaded
                version: 1.0.0
                alternatives:
                  - name: counter
                    version: 1.2.0

            """ + Three);

        var result = PeregrineProcess.Run("-c", config);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Alert(3, "Informational", "three 3") + "\nEvents detected: 1\nRule counts by severity:\n   INFO: 1\nTriggered rules by rule name:\n   three: 1\n", result.Stdout);
    }

    [Fact]
    public void An_unmet_requirement_is_reported_instead_of_the_rule_errors_it_explains()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Requirement("counter", "9.0.0") + BrokenRule);

        var run = PeregrineProcess.Run("-c", config);
        var validate = PeregrineProcess.Run("-c", config, "-V", workspace.Path("rules.yaml"));

        const string Expected = "Error: Plugin 'counter' version '1.2.3' is not compatible with required plugin version '9.0.0'\n";
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(Expected, run.Stderr);
        Assert.Equal(1, validate.ExitCode);
        Assert.Equal("", validate.Stdout);
        Assert.Equal(Expected, validate.Stderr);
    }

    [Fact]
    public void Rules_of_a_source_no_plugin_provides_are_skipped_and_the_run_goes_on()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three + FalcoYaml.Rule("cloud", "ct.name = x", "cloud", source: "aws_cloudtrail"));

        var result = PeregrineProcess.Run("-c", config, "-o", "log_stderr=true");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Alert(3, "Informational", "three 3") + "\nEvents detected: 1\nRule counts by severity:\n   INFO: 1\nTriggered rules by rule name:\n   three: 1\n", result.Stdout);
        Assert.Contains("LOAD_UNKNOWN_SOURCE (Unknown event source): Unknown source aws_cloudtrail, skipping\n", result.Stderr);
    }

    private static string Requirement(string plugin, string version) => $"""
        - required_plugin_versions:
          - name: {plugin}
            version: {version}

        """;
}
