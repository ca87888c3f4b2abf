using System.Text.Json;
using Peregrine.Engine.Configuration;
using Peregrine.Engine.Processing;
using Peregrine.Engine.Tests.Support;

namespace Peregrine.Engine.Tests.Processing;

public class DetectionEngineTests
{
    private static string Rule(string name, string condition, string output, string priority = "WARNING", string tags = "[]") => $"""
        - rule: {name}
          desc: d
          condition: {condition}
          output: "{output}"
          priority: {priority}
          source: counter
          tags: {tags}

        """;

    [Fact]
    public void Counts_exactly_the_matching_events()
    {
        using var engine = EngineHarness.Create(EngineHarness.Options(), EngineHarness.Counter("count=100,batch=7"));
        var (summary, sink) = EngineHarness.Run(engine, Rule("Big", "counter.value >= 90", "v=%counter.value"));
        Assert.Equal(100UL, summary.Events);
        Assert.Equal(10, sink.Lines.Count);
        Assert.Equal(Enumerable.Range(90, 10).Select(v => $"v={v}"), sink.Lines.Select(l => l[(l.IndexOf("Warning ") + 8)..]));
    }

    [Fact]
    public void First_match_stops_at_the_first_rule_and_all_match_alerts_for_each()
    {
        var rules = Rule("A", "counter.value < 5", "a") + Rule("B", "counter.value < 3", "b");
        using (var first = EngineHarness.Create(EngineHarness.Options(), EngineHarness.Counter()))
        {
            var (summary, sink) = EngineHarness.Run(first, rules);
            Assert.Equal(5, sink.Lines.Count);
            Assert.All(sink.Alerts, a => Assert.Equal("A", a.Header.Rule));
            Assert.Equal("Events detected: 5\nRule counts by severity:\n   WARNING: 5\nTriggered rules by rule name:\n   A: 5\n", summary.DetectionText());
        }
        using (var all = EngineHarness.Create(EngineHarness.Options(matching: RuleMatching.All), EngineHarness.Counter()))
        {
            var (summary, sink) = EngineHarness.Run(all, rules);
            Assert.Equal(8, sink.Lines.Count);
            Assert.Equal("Events detected: 8\nRule counts by severity:\n   WARNING: 8\nTriggered rules by rule name:\n   A: 5\n   B: 3\n", summary.DetectionText());
        }
    }

    [Fact]
    public void The_summary_orders_priorities_by_severity_and_shortens_informational()
    {
        var rules = Rule("Info", "counter.value = 1", "i", "INFO") + Rule("Crit", "counter.value = 2", "c", "CRITICAL");
        using var engine = EngineHarness.Create(EngineHarness.Options(), EngineHarness.Counter());
        var (summary, _) = EngineHarness.Run(engine, rules);
        Assert.Equal("Events detected: 2\nRule counts by severity:\n   CRITICAL: 1\n   INFO: 1\nTriggered rules by rule name:\n   Info: 1\n   Crit: 1\n", summary.DetectionText());
    }

    [Fact]
    public void The_text_line_is_time_priority_and_output()
    {
        using var engine = EngineHarness.Create(EngineHarness.Options(), EngineHarness.Counter());
        var (_, sink) = EngineHarness.Run(engine, Rule("R", "counter.value = 6", "value %counter.value label %counter.label", "NOTICE"));
        // The counter stamps event n with 1e18 + n ns: 2001-09-09T01:46:40.000000006Z.
        Assert.Equal(["01:46:40.000000006: Notice value 6 label none"], sink.Lines);
    }

    [Fact]
    public void The_json_alert_has_falcos_keys_in_sorted_order_and_typed_fields()
    {
        var alerts = new AlertFormatOptions { JsonOutput = true, IncludeMessage = true };
        using var engine = EngineHarness.Create(EngineHarness.Options(alerts), EngineHarness.Counter(), EngineHarness.Extractor());
        var (_, sink) = EngineHarness.Run(engine, Rule("R", "counter.value = 6", "v=%counter.value even=%counter.even ip=%ex.ipv4 l=%ex.u64list m=%ex.maybe", tags: "[zeta, alpha]"));
        var line = Assert.Single(sink.Lines);
        Assert.Equal(
            """{"hostname":"testhost","message":"v=6 even=true ip=10.0.0.6 l=(6,7,8) m=<NA>","output":"01:46:40.000000006: Warning v=6 even=true ip=10.0.0.6 l=(6,7,8) m=<NA>","output_fields":{"counter.even":true,"counter.value":6,"evt.time":1000000000000000006,"ex.ipv4":"10.0.0.6","ex.maybe":null,"ex.u64list":[6,7,8]},"priority":"Warning","rule":"R","source":"counter","tags":["alpha","zeta"],"time":"2001-09-09T01:46:40.000000006Z"}""",
            line);
    }

    [Fact]
    public void Json_properties_can_be_left_out_and_the_iso_prefix_chosen()
    {
        var alerts = new AlertFormatOptions
        {
            JsonOutput = true, IncludeOutput = false, IncludeTags = false, IncludeOutputFields = false, TimeFormatIso8601 = true,
        };
        using var engine = EngineHarness.Create(EngineHarness.Options(alerts), EngineHarness.Counter());
        var (_, sink) = EngineHarness.Run(engine, Rule("R", "counter.value = 1", "x"));
        Assert.Equal(
            """{"hostname":"testhost","priority":"Warning","rule":"R","source":"counter","time":"2001-09-09T01:46:40.000000001Z"}""",
            Assert.Single(sink.Lines));
    }

    [Fact]
    public void Iso_prefix_puts_the_iso_time_in_the_line_and_its_key_in_output_fields()
    {
        var alerts = new AlertFormatOptions { JsonOutput = true, TimeFormatIso8601 = true };
        using var engine = EngineHarness.Create(EngineHarness.Options(alerts), EngineHarness.Counter());
        var (_, sink) = EngineHarness.Run(engine, Rule("R", "counter.value = 1", "x"));
        using var json = JsonDocument.Parse(Assert.Single(sink.Lines));
        Assert.Equal("2001-09-09T01:46:40.000000001+0000: Warning x", json.RootElement.GetProperty("output").GetString());
        Assert.Equal(1000000000000000001, json.RootElement.GetProperty("output_fields").GetProperty("evt.time.iso8601").GetInt64());
    }

    [Fact]
    public void Generic_event_fields_render_as_libsinsp_does()
    {
        var output = "num=%evt.num src=%evt.source plugin=%evt.pluginname info=%evt.plugininfo raw=%evt.rawtime ns=%evt.rawtime.ns "
                     + "rel=%evt.reltime rels=%evt.reltime.s async=%evt.is_async type=%evt.asynctype host=%evt.hostname "
                     + "dt=%evt.datetime iso=%evt.time.iso8601 s=%evt.time.s";
        using var engine = EngineHarness.Create(EngineHarness.Options(new AlertFormatOptions { JsonOutput = true }), EngineHarness.Counter());
        var (_, sink) = EngineHarness.Run(engine, Rule("R", "evt.num = 3", output));
        using var json = JsonDocument.Parse(Assert.Single(sink.Lines));
        var text = json.RootElement.GetProperty("output").GetString();
        Assert.Equal(
            "01:46:40.000000002: Warning num=3 src=counter plugin=counter info=counter value=2 evtnum=3 src=counter raw=1000000000000000002 ns=000000002 "
            + "rel=000000002 rels=0 async=false type=<NA> host=testhost dt=2001-09-09 01:46:40.000000002 iso=2001-09-09T01:46:40.000000002+0000 s=01:46:40",
            text);
        var fields = json.RootElement.GetProperty("output_fields");
        Assert.Equal(3UL, fields.GetProperty("evt.num").GetUInt64());
        Assert.Equal(2, fields.GetProperty("evt.rawtime.ns").GetInt64());
        Assert.Equal(2, fields.GetProperty("evt.reltime").GetInt64());
        Assert.Equal(1000000000000000002, fields.GetProperty("evt.datetime").GetInt64());
        Assert.Equal(1000000000000000002, fields.GetProperty("evt.time.s").GetInt64());
        Assert.Equal(JsonValueKind.False, fields.GetProperty("evt.is_async").ValueKind);
        Assert.Equal(JsonValueKind.Null, fields.GetProperty("evt.asynctype").ValueKind);
    }

    [Fact]
    public void Fields_a_rule_reads_are_extracted_in_one_plugin_call_per_event()
    {
        using var engine = EngineHarness.Create(EngineHarness.Options(matching: RuleMatching.All), EngineHarness.Counter(), EngineHarness.Extractor());
        var (_, sink) = EngineHarness.Run(engine, Rule("R", "ex.u64 >= 0 and ex.str exists and ex.calls > 0", "calls=%ex.calls str=%ex.str"));
        Assert.Equal(Enumerable.Range(0, 10).Select(n => $"calls={n + 1} str=value-{n}"), sink.Lines.Select(l => l[(l.IndexOf("Warning ") + 8)..]));
    }

    [Fact]
    public void A_failing_field_does_not_hide_the_others_of_its_batch()
    {
        using var engine = EngineHarness.Create(EngineHarness.Options(), EngineHarness.Counter(), EngineHarness.Extractor());
        var (_, sink) = EngineHarness.Run(engine, Rule("R", "ex.str = value-3 or ex.fail = x", "str=%ex.str fail=%ex.fail"));
        Assert.Equal(["str=value-3 fail=<NA>"], sink.Lines.Select(l => l[(l.IndexOf("Warning ") + 8)..]));
    }

    [Fact]
    public void Arguments_reach_the_plugin()
    {
        using var engine = EngineHarness.Create(EngineHarness.Options(), EngineHarness.Counter(), EngineHarness.Extractor());
        var (_, sink) = EngineHarness.Run(engine, Rule("R", "counter.value = 0", "%ex.idx[3] %ex.key[home] %ex.opt %ex.opt[x] %ex.both[7] %ex.both[k]"));
        Assert.Equal(["idx-3 key-home opt-none opt-x index=7 key=7 index=none key=k"], sink.Lines.Select(l => l[(l.IndexOf("Warning ") + 8)..]));
    }

    [Fact]
    public void Plugin_requirements_are_checked_against_loaded_plugins()
    {
        using var engine = EngineHarness.Create(EngineHarness.Options(), EngineHarness.Counter());
        engine.LoadRules("r.yaml", "- required_plugin_versions:\n  - name: counter\n    version: 1.3.0\n");
        Assert.Equal("Plugin 'counter' version '1.2.3' is not compatible with required plugin version '1.3.0'", engine.CheckPluginRequirements());
    }

    [Fact]
    public void Rules_of_sources_that_are_not_loaded_are_skipped_with_a_warning()
    {
        using var engine = EngineHarness.Create(EngineHarness.Options(), EngineHarness.Counter());
        var result = engine.LoadRules("r.yaml", Rule("R", "counter.value = 1", "x").Replace("source: counter", "source: aws_cloudtrail"));
        Assert.True(result.Successful);
        Assert.Contains(result.Warnings, w => w.Code == Peregrine.Rules.Loading.LoadWarningCode.UnknownSource);
    }

    [Fact]
    public void A_failing_stream_reports_the_plugin_error_and_keeps_the_alerts_before_it()
    {
        using var engine = EngineHarness.Create(EngineHarness.Options(), EngineHarness.Counter("count=100,batch=10,fail_after=30"));
        engine.LoadRules("r.yaml", Rule("R", "counter.value < 5", "x"));
        var sink = new CollectingSink();
        var summary = engine.Run(["counter"], sink, CancellationToken.None);
        Assert.NotNull(summary.Error);
        Assert.Equal(5, sink.Lines.Count);
    }

    [Fact]
    public void A_plugin_whose_init_fails_stops_the_engine_with_falcos_message()
    {
        var error = Assert.Throws<FatalError>(() => EngineHarness.Create(EngineHarness.Options(), EngineHarness.Counter(initConfig: """{"fail_init":"no way"}""")));
        Assert.Equal("could not initialize plugin: no way", error.Message);
        Assert.Equal(FatalErrorStyle.Error, error.Style);
    }

    [Fact]
    public void Static_fields_render_their_configured_value()
    {
        var options = EngineHarness.Options() with { StaticFields = new Dictionary<string, string> { ["env"] = "prod" } };
        using var engine = EngineHarness.Create(options, EngineHarness.Counter());
        var (_, sink) = EngineHarness.Run(engine, Rule("R", "static.env = prod and counter.value = 1", "env=%static.env"));
        Assert.Equal(["env=prod"], sink.Lines.Select(l => l[(l.IndexOf("Warning ") + 8)..]));
    }

    [Fact]
    public void Without_plugins_hostinfo_the_event_hostname_is_empty()
    {
        var options = EngineHarness.Options() with { PluginsHostInfo = false };
        using var engine = EngineHarness.Create(options, EngineHarness.Counter());
        var (_, sink) = EngineHarness.Run(engine, Rule("R", "counter.value = 1", "host=[%evt.hostname]"));
        Assert.Equal(["host=[]"], sink.Lines.Select(l => l[(l.IndexOf("Warning ") + 8)..]));
    }

    [Fact]
    public void A_generic_field_with_an_argument_is_a_nonexistent_field_as_in_libsinsp()
    {
        using var engine = EngineHarness.Create(EngineHarness.Options(), EngineHarness.Counter());
        var result = engine.LoadRules("r.yaml", Rule("R", "evt.time[1] exists", "x"));
        Assert.Contains(result.Errors, e => e.Message == "filter_check called with nonexistent field evt.time[1]");
    }

    [Fact]
    public void Suggested_output_appends_the_fields_plugins_suggest()
    {
        var suggested = new Peregrine.Rules.Compiling.ExtraOutput(null, new HashSet<string>(), null, null, []);
        var options = EngineHarness.Options() with
        {
            SuggestedOutputs = [suggested],
            StaticFields = new Dictionary<string, string> { ["zone"] = "eu" },
        };
        using var engine = EngineHarness.Create(options, EngineHarness.Counter());
        var (_, sink) = EngineHarness.Run(engine, Rule("R", "counter.value = 1", "x"));
        Assert.Equal(["x static_zone=eu"], sink.Lines.Select(l => l[(l.IndexOf("Warning ") + 8)..]));
    }
}
