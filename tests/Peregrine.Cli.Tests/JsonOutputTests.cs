using Peregrine.Cli.Tests.Support;
using Peregrine.TestSupport;
using static Peregrine.Cli.Tests.Support.CounterRules;

namespace Peregrine.Cli.Tests;

/// <summary>
/// The shape of an alert: Falco's JSON object (sorted keys, the <c>json_include_*</c> switches),
/// ISO 8601 times, and <c>append_output</c> (extra text per source, tag or rule; extra JSON fields).
/// </summary>
public class JsonOutputTests
{
    private const string Summary = "Events detected: 1\nRule counts by severity:\n   INFO: 1\nTriggered rules by rule name:\n   three: 1\n";

    [Fact]
    public void Json_output_prints_one_object_per_alert_with_every_property()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three + Big, "count=8");

        var result = PeregrineProcess.Run("-c", config, "-o", "json_output=true");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """{"hostname":"testhost","output":"01:46:40.000000003: Informational three 3","output_fields":{"counter.value":3,"evt.time":1000000000000000003},"priority":"Informational","rule":"three","source":"counter","tags":[],"time":"2001-09-09T01:46:40.000000003Z"}""" + "\n"
            + """{"hostname":"testhost","output":"01:46:40.000000006: Error big 6","output_fields":{"counter.value":6,"evt.time":1000000000000000006},"priority":"Error","rule":"big","source":"counter","tags":["size"],"time":"2001-09-09T01:46:40.000000006Z"}""" + "\n"
            + """{"hostname":"testhost","output":"01:46:40.000000007: Error big 7","output_fields":{"counter.value":7,"evt.time":1000000000000000007},"priority":"Error","rule":"big","source":"counter","tags":["size"],"time":"2001-09-09T01:46:40.000000007Z"}""" + "\n"
            + "Events detected: 3\nRule counts by severity:\n   ERROR: 2\n   INFO: 1\nTriggered rules by rule name:\n   three: 1\n   big: 2\n",
            result.Stdout);
    }

    [Fact]
    public void The_json_include_switches_remove_output_tags_and_output_fields_and_add_message()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three, extra: """
            json_output: true
            json_include_output_property: false
            json_include_tags_property: false
            json_include_message_property: true
            json_include_output_fields_property: false

            """);

        var result = PeregrineProcess.Run("-c", config);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """{"hostname":"testhost","message":"three 3","priority":"Informational","rule":"three","source":"counter","time":"2001-09-09T01:46:40.000000003Z"}""" + "\n" + Summary,
            result.Stdout);
    }

    [Fact]
    public void Time_format_iso_8601_changes_the_text_prefix()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);

        var result = PeregrineProcess.Run("-c", config, "-o", "time_format_iso_8601=true");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("2001-09-09T01:46:40.000000003+0000: Informational three 3\n" + Summary, result.Stdout);
    }

    [Fact]
    public void Time_format_iso_8601_in_json_names_the_time_field_by_its_format()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three);

        var result = PeregrineProcess.Run("-c", config, "-o", "time_format_iso_8601=true", "-o", "json_output=true");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """{"hostname":"testhost","output":"2001-09-09T01:46:40.000000003+0000: Informational three 3","output_fields":{"counter.value":3,"evt.time.iso8601":1000000000000000003},"priority":"Informational","rule":"three","source":"counter","tags":[],"time":"2001-09-09T01:46:40.000000003Z"}""" + "\n" + Summary,
            result.Stdout);
    }

    [Fact]
    public void Append_output_adds_text_by_source_tag_and_rule_and_fields_to_the_json()
    {
        using var workspace = new Workspace();
        var rules = workspace.Write("rules.yaml", Three + Big);
        var config = workspace.Write("falco.yaml", FalcoYaml.Config(
            [FalcoYaml.Plugin("counter", NativeFixtures.Counter, "count=7", """{"label":"L"}""")],
            [rules],
            """
            append_output:
              - match:
                  source: counter
                extra_output: "label=%counter.label"
                extra_fields:
                  - fixed: "constant"
                  - evt.num
              - match:
                  tags: [size]
                extra_output: "sized"
              - match:
                  rule: three
                extra_output: "(three)"
              - match:
                  source: other
                extra_output: "never"

            """));

        var text = PeregrineProcess.Run("-c", config);
        var json = PeregrineProcess.Run("-c", config, "-o", "json_output=true");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal(
            Alert(3, "Informational", "three 3 label=L (three)") + "\n"
            + Alert(6, "Error", "big 6 label=L sized") + "\n"
            + "Events detected: 2\nRule counts by severity:\n   ERROR: 1\n   INFO: 1\nTriggered rules by rule name:\n   three: 1\n   big: 1\n",
            text.Stdout);
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Equal(
            """{"hostname":"testhost","output":"01:46:40.000000003: Informational three 3 label=L (three)","output_fields":{"counter.label":"L","counter.value":3,"evt.num":4,"evt.time":1000000000000000003,"fixed":"constant"},"priority":"Informational","rule":"three","source":"counter","tags":[],"time":"2001-09-09T01:46:40.000000003Z"}""",
            json.Stdout.Split('\n')[0]);
        Assert.Equal(
            """{"hostname":"testhost","output":"01:46:40.000000006: Error big 6 label=L sized","output_fields":{"counter.label":"L","counter.value":6,"evt.num":7,"evt.time":1000000000000000006,"fixed":"constant"},"priority":"Error","rule":"big","source":"counter","tags":["size"],"time":"2001-09-09T01:46:40.000000006Z"}""",
            json.Stdout.Split('\n')[1]);
    }
}
