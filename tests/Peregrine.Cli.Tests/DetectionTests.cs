using Peregrine.Cli.Tests.Support;
using static Peregrine.Cli.Tests.Support.CounterRules;

namespace Peregrine.Cli.Tests;

/// <summary>
/// Which events alert and how many: rule matching modes, the minimum priority, rule selections,
/// <c>-o</c> overrides and <c>-r</c>. Every test compares the whole of stdout: the alert lines in
/// event order, then Falco's closing summary.
/// </summary>
public class DetectionTests
{
    [Fact]
    public void First_matching_rule_alerts_once_per_event_and_the_summary_counts_by_severity_and_rule()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, EvenBigThree);

        var result = PeregrineProcess.Run("-c", config);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            Lines(
                Alert(0, "Warning", "even 0"),
                Alert(2, "Warning", "even 2"),
                Alert(3, "Informational", "three 3"),
                Alert(4, "Warning", "even 4"),
                Alert(6, "Warning", "even 6"),
                Alert(7, "Error", "big 7"),
                Alert(8, "Warning", "even 8"),
                Alert(9, "Error", "big 9"))
            + "Events detected: 8\n"
            + "Rule counts by severity:\n"
            + "   ERROR: 2\n"
            + "   WARNING: 5\n"
            + "   INFO: 1\n"
            + "Triggered rules by rule name:\n"
            + "   even: 5\n"
            + "   big: 2\n"
            + "   three: 1\n",
            result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Rule_matching_all_alerts_every_matching_rule_of_an_event_in_rule_order()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, EvenBigThree, extra: "rule_matching: all\n");

        var result = PeregrineProcess.Run("-c", config);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            Lines(
                Alert(0, "Warning", "even 0"),
                Alert(2, "Warning", "even 2"),
                Alert(3, "Informational", "three 3"),
                Alert(4, "Warning", "even 4"),
                Alert(6, "Warning", "even 6"),
                Alert(6, "Error", "big 6"),
                Alert(7, "Error", "big 7"),
                Alert(8, "Warning", "even 8"),
                Alert(8, "Error", "big 8"),
                Alert(9, "Error", "big 9"))
            + "Events detected: 10\n"
            + "Rule counts by severity:\n"
            + "   ERROR: 4\n"
            + "   WARNING: 5\n"
            + "   INFO: 1\n"
            + "Triggered rules by rule name:\n"
            + "   even: 5\n"
            + "   big: 4\n"
            + "   three: 1\n",
            result.Stdout);
    }

    [Fact]
    public void Priority_in_falco_yaml_drops_the_rules_below_it()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, EvenBigThree, extra: "priority: warning\n");

        var result = PeregrineProcess.Run("-c", config);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            Lines(
                Alert(0, "Warning", "even 0"),
                Alert(2, "Warning", "even 2"),
                Alert(4, "Warning", "even 4"),
                Alert(6, "Warning", "even 6"),
                Alert(7, "Error", "big 7"),
                Alert(8, "Warning", "even 8"),
                Alert(9, "Error", "big 9"))
            + "Events detected: 7\n"
            + "Rule counts by severity:\n"
            + "   ERROR: 2\n"
            + "   WARNING: 5\n"
            + "Triggered rules by rule name:\n"
            + "   even: 5\n"
            + "   big: 2\n",
            result.Stdout);
    }

    [Fact]
    public void A_dropped_rule_does_not_take_the_first_match_so_the_next_rule_alerts()
    {
        // With -o priority=error only "big" is loaded, so it alerts on 6 and 8 too, which "even" took before.
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, EvenBigThree);

        var result = PeregrineProcess.Run("-c", config, "-o", "priority=error");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            Lines(Alert(6, "Error", "big 6"), Alert(7, "Error", "big 7"), Alert(8, "Error", "big 8"), Alert(9, "Error", "big 9"))
            + "Events detected: 4\n"
            + "Rule counts by severity:\n"
            + "   ERROR: 4\n"
            + "Triggered rules by rule name:\n"
            + "   big: 4\n",
            result.Stdout);
    }

    [Fact]
    public void Rules_selections_apply_in_order_with_wildcard_names_and_tags()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, EvenBigThree, extra: """
            rules:
              - disable:
                  rule: "*"
              - enable:
                  tag: size
              - enable:
                  rule: "th*"

            """);

        var result = PeregrineProcess.Run("-c", config);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            Lines(Alert(3, "Informational", "three 3"), Alert(6, "Error", "big 6"), Alert(7, "Error", "big 7"), Alert(8, "Error", "big 8"), Alert(9, "Error", "big 9"))
            + "Events detected: 5\n"
            + "Rule counts by severity:\n"
            + "   ERROR: 4\n"
            + "   INFO: 1\n"
            + "Triggered rules by rule name:\n"
            + "   big: 4\n"
            + "   three: 1\n",
            result.Stdout);
    }

    [Fact]
    public void A_rule_disabled_by_tag_in_falco_yaml_never_alerts()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, EvenBigThree, extra: "rules:\n  - disable:\n      tag: parity\n");

        var result = PeregrineProcess.Run("-c", config);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("even", result.Stdout);
        Assert.EndsWith("Events detected: 5\nRule counts by severity:\n   ERROR: 4\n   INFO: 1\nTriggered rules by rule name:\n   big: 4\n   three: 1\n", result.Stdout);
    }

    [Fact]
    public void Option_overrides_reach_list_elements_such_as_the_plugins_open_params()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, EvenBigThree);

        var result = PeregrineProcess.Run("-c", config, "-o", "plugins[0].open_params=count=5");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            Lines(Alert(0, "Warning", "even 0"), Alert(2, "Warning", "even 2"), Alert(3, "Informational", "three 3"), Alert(4, "Warning", "even 4"))
            + "Events detected: 4\n"
            + "Rule counts by severity:\n"
            + "   WARNING: 3\n"
            + "   INFO: 1\n"
            + "Triggered rules by rule name:\n"
            + "   even: 3\n"
            + "   three: 1\n",
            result.Stdout);
    }

    [Fact]
    public void Dash_r_replaces_the_configured_rules_files_and_can_be_repeated()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, FalcoYaml.Rule("six", "counter.value = 6", "six"));
        var three = workspace.Write("three.yaml", Three);
        var big = workspace.Write("big.yaml", Big);

        var result = PeregrineProcess.Run("-c", config, "-r", three, "-r", big);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            Lines(Alert(3, "Informational", "three 3"), Alert(6, "Error", "big 6"), Alert(7, "Error", "big 7"), Alert(8, "Error", "big 8"), Alert(9, "Error", "big 9"))
            + "Events detected: 5\n"
            + "Rule counts by severity:\n"
            + "   ERROR: 4\n"
            + "   INFO: 1\n"
            + "Triggered rules by rule name:\n"
            + "   three: 1\n"
            + "   big: 4\n",
            result.Stdout);
    }

    [Fact]
    public void A_rules_directory_loads_its_yaml_files_sorted_by_name_and_nothing_else()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, "[]\n");
        // a.yml sorts first, so "big" comes first and takes 6 and 8 from "even" under first-match.
        workspace.Write("rules.d/b.yaml", Even);
        workspace.Write("rules.d/a.yml", Big);
        workspace.Write("rules.d/notes.txt", "- rule: [broken\n");
        workspace.Write("rules.d/nested/c.yaml", "- rule: [broken\n");

        var result = PeregrineProcess.Run("-c", config, "-r", workspace.Path("rules.d"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            Lines(
                Alert(0, "Warning", "even 0"),
                Alert(2, "Warning", "even 2"),
                Alert(4, "Warning", "even 4"),
                Alert(6, "Error", "big 6"),
                Alert(7, "Error", "big 7"),
                Alert(8, "Error", "big 8"),
                Alert(9, "Error", "big 9"))
            + "Events detected: 7\n"
            + "Rule counts by severity:\n"
            + "   ERROR: 4\n"
            + "   WARNING: 3\n"
            + "Triggered rules by rule name:\n"
            + "   big: 4\n"
            + "   even: 3\n",
            result.Stdout);
    }

    [Fact]
    public void A_run_with_no_match_still_prints_the_empty_summary()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, FalcoYaml.Rule("never", "counter.value > 100", "never"));

        var result = PeregrineProcess.Run("-c", config);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Events detected: 0\nRule counts by severity:\nTriggered rules by rule name:\n", result.Stdout);
    }

    private static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));
}
