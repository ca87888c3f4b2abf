using System.Text.Json.Nodes;
using Peregrine.Cli.Tests.Support;
using static Peregrine.Cli.Tests.Support.CounterRules;

namespace Peregrine.Cli.Tests;

/// <summary>
/// <c>-V</c>: a summary line per file on stdout (<c>Ok</c>, <c>Ok, with warnings</c>, or
/// <c>Invalid</c> and the errors), the warnings in the log, exit status 1 for an invalid file; one
/// JSON object with <c>json_output</c>; and with <c>-L</c>/<c>-l</c> the rule descriptions after it.
/// Files are loaded in order, each after the previous ones, and no event is processed.
/// </summary>
public class ValidateTests
{
    private const string UnknownSourceRule = """
        - rule: cloud
          desc: cloud description
          condition: ct.name = x
          output: "cloud"
          priority: WARNING
          source: aws_cloudtrail

        """;

    private const string BrokenRule = """
        - rule: broken
          desc: broken description
          condition: counter.nope = 1
          output: "x"
          priority: WARNING
          source: counter

        """;

    [Fact]
    public void A_valid_file_is_Ok()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);
        var file = workspace.Write("check.yaml", EvenBigThree);

        var result = PeregrineProcess.Run("-c", config, "-V", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{file}: Ok\n", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Warnings_are_summarised_on_stdout_and_detailed_in_the_log()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);
        var file = workspace.Write("check.yaml", Three + UnknownSourceRule);

        var quiet = PeregrineProcess.Run("-c", config, "-V", file);
        var logged = PeregrineProcess.Run("-c", config, "-V", file, "-o", "log_stderr=true");

        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.Equal($"{file}: Ok, with warnings\n", quiet.Stdout);
        Assert.Equal("", quiet.Stderr);
        Assert.True(logged.ExitCode == 0, logged.ToString());
        Assert.Equal($"{file}: Ok, with warnings\n", logged.Stdout);
        Assert.Contains(
            $": {file}: Ok, with warnings\n"
            + "1 Warnings:\n"
            + $"In rules content: ({file}:0:0)\n"
            + $"    rule 'cloud': ({file}:7:2)\n"
            + "------\n"
            + "- rule: cloud\n"
            + "  ^\n"
            + "------\n"
            + "LOAD_UNKNOWN_SOURCE (Unknown event source): Unknown source aws_cloudtrail, skipping\n",
            logged.Stderr);
    }

    [Fact]
    public void An_invalid_file_prints_its_errors_on_stdout_and_fails_with_them()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);
        var file = workspace.Write("check.yaml", BrokenRule);

        var result = PeregrineProcess.Run("-c", config, "-V", file);

        var report =
            $"{file}: Invalid\n"
            + "1 Errors:\n"
            + $"In rules content: ({file}:0:0)\n"
            + $"    rule 'broken': ({file}:0:2)\n"
            + $"    rule condition: ({file}:2:13)\n"
            + "    condition expression: (\"counter.nope = 1\":3:14)\n"
            + "------\n"
            + "counter.nope = 1\n"
            + "               ^\n"
            + "------\n"
            + "LOAD_ERR_COMPILE_CONDITION (Error compiling condition): filter_check called with nonexistent field counter.nope\n";
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(report + "\n", result.Stdout);
        Assert.Equal("Error: " + report + "\n", result.Stderr);
    }

    [Fact]
    public void Several_files_are_loaded_in_order_each_seeing_the_previous_ones()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);
        var macros = workspace.Write("macros.yaml", "- macro: is_three\n  condition: counter.value = 3\n");
        var rules = workspace.Write("rules.yaml", FalcoYaml.Rule("uses_macro", "is_three", "x"));
        var warned = workspace.Write("warned.yaml", UnknownSourceRule);

        var result = PeregrineProcess.Run("-c", config, "-V", macros, "-V", rules, "-V", warned);

        // The macro is still unused when its own file is loaded: that file gets LOAD_UNUSED_MACRO.
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{macros}: Ok, with warnings\n{rules}: Ok\n{warned}: Ok, with warnings\n", result.Stdout);
    }

    [Fact]
    public void Each_file_recompiles_everything_loaded_so_far_as_in_falco()
    {
        // Falco keeps every definition read so far and compiles them all again for each file: a rule
        // that failed for want of a macro compiles once the macro arrives, and an error in one file is
        // reported again for every later file.
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);
        var macros = workspace.Write("macros.yaml", "- macro: is_three\n  condition: counter.value = 3\n");
        var rules = workspace.Write("rules.yaml", FalcoYaml.Rule("uses_macro", "is_three", "x"));
        var broken = workspace.Write("broken.yaml", BrokenRule);

        var macroLater = PeregrineProcess.Run("-c", config, "-V", rules, "-V", macros);
        var brokenFirst = PeregrineProcess.Run("-c", config, "-V", broken, "-V", macros);

        Assert.Equal(1, macroLater.ExitCode);
        Assert.StartsWith($"{rules}: Invalid\n1 Errors:\n", macroLater.Stdout);
        Assert.Contains("LOAD_ERR_VALIDATE (Error validating rule/macro/list/exception objects): Undefined macro 'is_three' used in filter.\n", macroLater.Stdout);
        Assert.EndsWith($"\n{macros}: Ok\n", macroLater.Stdout);

        Assert.Equal(1, brokenFirst.ExitCode);
        var reports = brokenFirst.Stdout.Split($"{macros}: Invalid\n");
        Assert.Equal(2, reports.Length);
        Assert.StartsWith($"{broken}: Invalid\n1 Errors:\nIn rules content: ({broken}:0:0)\n", reports[0]);
        Assert.StartsWith($"1 Errors:\nIn rules content: ({broken}:0:0)\n", reports[1]);
    }

    [Fact]
    public void A_missing_file_is_an_error()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);
        var missing = workspace.Path("missing.yaml");

        var result = PeregrineProcess.Run("-c", config, "-V", missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"Error: Could not open file {missing} for reading\n", result.Stderr);
    }

    [Fact]
    public void Json_output_prints_every_files_load_result_in_one_object()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);
        var valid = workspace.Write("valid.yaml", Three);
        var warned = workspace.Write("warned.yaml", UnknownSourceRule);

        var result = PeregrineProcess.Run("-c", config, "-V", valid, "-V", warned, "-o", "json_output=true");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith(
            $$"""{"falco_load_results":[{"errors":[],"name":"{{valid}}","schema_valid":true,"schema_warnings":[],"successful":true,"warnings":[]},{"errors":[],"name":"{{warned}}",""",
            result.Stdout);
        Assert.EndsWith("}]}\n", result.Stdout);
        var warning = Assert.Single(JsonNode.Parse(result.Stdout)!["falco_load_results"]![1]!["warnings"]!.AsArray())!;
        Assert.Equal("LOAD_UNKNOWN_SOURCE", warning["code"]!.GetValue<string>());
        Assert.Equal("Unknown source aws_cloudtrail, skipping", warning["message"]!.GetValue<string>());
        Assert.Equal("- rule: cloud\n  ^\n", warning["context"]!["snippet"]!.GetValue<string>());
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Json_output_of_an_invalid_file_still_goes_to_stdout_and_the_text_report_to_stderr()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);
        var broken = workspace.Write("broken.yaml", BrokenRule);

        var result = PeregrineProcess.Run("-c", config, "-V", broken, "-o", "json_output=true", "-L");

        Assert.Equal(1, result.ExitCode);
        var root = JsonNode.Parse(result.Stdout)!.AsObject();
        // No descriptions when a file is invalid.
        Assert.Equal(["falco_load_results"], root.Select(p => p.Key));
        var loaded = Assert.Single(root["falco_load_results"]!.AsArray())!;
        Assert.False(loaded["successful"]!.GetValue<bool>());
        Assert.Equal("LOAD_ERR_COMPILE_CONDITION", Assert.Single(loaded["errors"]!.AsArray())!["code"]!.GetValue<string>());
        Assert.StartsWith($"Error: {broken}: Invalid\n1 Errors:\n", result.Stderr);
    }

    [Fact]
    public void With_dash_L_the_descriptions_follow_the_summary()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);
        var file = workspace.Write("check.yaml", Even + Big);

        var result = PeregrineProcess.Run("-c", config, "-V", file, "-L");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            $"{file}: Ok\n"
            + "\n"
            + "Rule                                               Description\n"
            + "----                                               -----------\n"
            + "even                                               even description \n"
            + "\n"
            + "big                                                big description \n"
            + "\n",
            result.Stdout);
    }

    [Fact]
    public void With_dash_L_and_json_output_the_descriptions_join_the_load_results()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);
        var file = workspace.Write("check.yaml", Even + Big);

        var result = PeregrineProcess.Run("-c", config, "-V", file, "-l", "big", "-o", "json_output=true");

        Assert.True(result.ExitCode == 0, result.ToString());
        var root = JsonNode.Parse(result.Stdout)!.AsObject();
        Assert.Equal(["falco_describe_results", "falco_load_results"], root.Select(p => p.Key));
        Assert.Equal(["big"], root["falco_describe_results"]!["rules"]!.AsArray().Select(r => r!["info"]!["name"]!.GetValue<string>()));
        Assert.True(Assert.Single(root["falco_load_results"]!.AsArray())!["successful"]!.GetValue<bool>());
    }
}
