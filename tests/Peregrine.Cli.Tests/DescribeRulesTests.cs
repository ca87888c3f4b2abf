using System.Text.Json.Nodes;
using Peregrine.Cli.Tests.Support;
using static Peregrine.Cli.Tests.Support.CounterRules;

namespace Peregrine.Cli.Tests;

/// <summary><c>-L</c> and <c>-l &lt;rule&gt;</c>: Falco's two-column text and its JSON details (with <c>json_output</c>).</summary>
public class DescribeRulesTests
{
    private const string LongRule = """
        - rule: long
          desc: This rule has a description that is long enough to be wrapped by the two column layout of the rule listing printed by dash L.
          condition: counter.value = 1
          output: "long"
          priority: WARNING
          source: counter

        """;

    private const string BigJson =
        """{"rules":[{"details":{"condition_compiled":"counter.value > 5","condition_fields":["counter.value"],"condition_operators":[">"],"events":["asyncevent","pluginevent"],"exception_fields":[],"exception_names":[],"exception_operators":[],"lists":[],"macros":[],"output_compiled":"big %counter.value","output_fields":["counter.value"],"plugins":["counter"]},"info":{"capture":false,"capture_duration":0,"condition":"counter.value > 5","description":"big description","enabled":true,"name":"big","output":"big %counter.value","priority":"Error","source":"counter","tags":["size"]}}]}""";

    [Fact]
    public void Dash_L_lists_every_rule_with_its_description_wrapped_in_two_columns()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Even + LongRule + FalcoYaml.Rule("cloud", "ct.name = x", "cloud", source: "aws_cloudtrail"));

        var result = PeregrineProcess.Run("-c", config, "-L");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            "Rule                                               Description\n"
            + "----                                               -----------\n"
            + "even                                               even description \n"
            + "\n"
            + "long                                               This rule has a description that is long enough to be \n"
            + "                                                   wrapped by the two column layout of the rule listing \n"
            + "                                                   printed by dash L. \n"
            + "\n",
            result.Stdout);
    }

    [Fact]
    public void Dash_l_describes_one_rule()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, EvenBigThree);

        var result = PeregrineProcess.Run("-c", config, "-l", "big");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            "Rule                                               Description\n"
            + "----                                               -----------\n"
            + "big                                                big description \n"
            + "\n",
            result.Stdout);
    }

    [Fact]
    public void Dash_l_in_json_prints_the_rules_details_on_one_line()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, EvenBigThree);

        var result = PeregrineProcess.Run("-c", config, "-l", "big", "-o", "json_output=true");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(BigJson + "\n", result.Stdout);
    }

    [Fact]
    public void Dash_L_in_json_adds_the_requirements_macros_and_lists()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, """
            - required_engine_version: 0.31.0
            - required_plugin_versions:
              - name: counter
                version: 1.0.0
            - list: small_values
              items: [1, 2]
            - macro: is_small
              condition: counter.value in (small_values)

            """ + FalcoYaml.Rule("small", "is_small", "small %counter.value"));

        var result = PeregrineProcess.Run("-c", config, "-L", "-o", "json_output=true");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith("}\n", result.Stdout);
        Assert.DoesNotContain("\n", result.Stdout.TrimEnd('\n'));
        var root = JsonNode.Parse(result.Stdout)!.AsObject();
        Assert.Equal(["lists", "macros", "required_engine_version", "required_plugin_versions", "rules"], root.Select(p => p.Key));
        Assert.Equal("0.31.0", root["required_engine_version"]!.GetValue<string>());
        Assert.Equal("""[{"alternatives":[],"name":"counter","version":"1.0.0"}]""", root["required_plugin_versions"]!.ToJsonString());
        Assert.Equal(["small_values"], root["lists"]!.AsArray().Select(l => l!["info"]!["name"]!.GetValue<string>()));
        Assert.Equal(["is_small"], root["macros"]!.AsArray().Select(m => m!["info"]!["name"]!.GetValue<string>()));
        var rule = Assert.Single(root["rules"]!.AsArray())!;
        Assert.Equal("small", rule["info"]!["name"]!.GetValue<string>());
        Assert.Equal("counter.value in (1, 2)", rule["details"]!["condition_compiled"]!.GetValue<string>());
        Assert.Equal("""["is_small"]""", rule["details"]!["macros"]!.ToJsonString());
        // As in Falco, details name the macros and lists of the rule's own condition text, not those inside its macros.
        Assert.Equal("[]", rule["details"]!["lists"]!.ToJsonString());
    }

    [Fact]
    public void Dash_l_of_a_rule_that_is_not_loaded_is_a_runtime_error()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, EvenBigThree);

        var result = PeregrineProcess.Run("-c", config, "-l", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("Runtime error: Rule \"nope\" is not loaded. Exiting.\n", result.Stderr);
    }
}
