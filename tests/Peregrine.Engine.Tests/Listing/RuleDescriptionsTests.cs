using System.Text.Json.Nodes;
using Peregrine.Engine.Listing;
using Peregrine.Engine.Sources;
using Peregrine.Rules.Compiling;
using Peregrine.TestSupport;
using static Peregrine.Engine.Tests.Listing.ListingEngines;

namespace Peregrine.Engine.Tests.Listing;

/// <summary>
/// Arrays that Falco fills from hash sets are in libstdc++'s order; each expected order here was
/// checked with g++ by inserting the same strings in the same order.
/// </summary>
public class RuleDescriptionsTests
{
    private const string Rules = """
        - required_engine_version: 0.31.0
        - required_plugin_versions:
            - name: counter
              version: 1.0.0
              alternatives:
                - name: other
                  version: 2.0.0
            - name: extractor
              version: 0.1.0
        - list: small
          items: [1, 2]
        - list: words
          items: [small, abc, "a b"]
        - macro: is_small
          condition: counter.value in (small)
        - macro: unused_m
          condition: ex.str = x and is_small
        - rule: Small value
          desc: a value among the small ones, with a description long enough to be wrapped over more than one line of the table
          condition: is_small and ex.str startswith value and not ex.idx[1] exists and tolower(ex.key[k]) = val(ex.str)
          output: "v=%counter.value s=%ex.str %toupper(ex.str) %tolower(toupper(ex.opt)) %counter.value"
          priority: INFO
          source: counter
          tags: [b, a]
          exceptions:
            - name: by_label
              fields: [counter.label, counter.even]
              comps: [=, in]
              values:
                - [x, [true]]
            - name: by_str
              fields: ex.str
              values: [a]
        - rule: Plain
          desc: plain
          condition: evt.num > 0 and ex.str in (words)
          output: "n=%evt.num"
          priority: WARNING
          source: counter
          enabled: false
        - rule: Elsewhere
          desc: not loaded
          condition: x.y = 1
          output: o
          priority: ERROR
          source: nowhere
        """;

    private static DetectionEngine Loaded(EngineOptions? options = null, string rules = Rules, params PluginSpec[] extra)
    {
        var engine = Create(options ?? new EngineOptions(), [Counter, Extractor, .. extra]);
        var result = engine.LoadRules("rules.yaml", rules);
        Assert.True(result.Successful, string.Join("\n", result.Errors.Select(e => e.Message)));
        return engine;
    }

    private static IReadOnlyList<Plugins.PluginDescriptor> Plugins(DetectionEngine engine) =>
        engine.Registry.Plugins.Select(p => p.Descriptor).ToList();

    private static JsonObject Describe(DetectionEngine engine, string? rule = null) => RuleDescriptions.Describe(engine.Rules, Plugins(engine), rule);

    private const string SmallValue =
        "{\"details\":{\"condition_compiled\":\"((counter.value in (1, 2) and ex.str startswith value and not ex.idx[1] exists and tolower(ex.key[k]) = val(ex.str))"
        + " and not (counter.label = x and counter.even in (true)) and not ex.str in (a))\","
        + "\"condition_fields\":[\"counter.even\",\"counter.label\",\"ex.idx[1]\",\"ex.str\",\"ex.key[k]\",\"counter.value\"],"
        + "\"condition_operators\":[\"=\",\"exists\",\"startswith\",\"in\"],"
        + "\"events\":[\"asyncevent\",\"pluginevent\"],"
        + "\"exception_fields\":[\"counter.even\",\"counter.label\",\"ex.str\"],"
        + "\"exception_names\":[\"by_str\",\"by_label\"],"
        + "\"exception_operators\":[\"in\",\"=\"],"
        + "\"lists\":[],\"macros\":[\"is_small\"],"
        + "\"output_compiled\":\"v=%counter.value s=%ex.str %toupper(ex.str) %tolower(toupper(ex.opt)) %counter.value\","
        + "\"output_fields\":[\"counter.value\",\"ex.str\",\"ex.str\",\"toupper(ex.str)\",\"ex.opt\",\"tolower(toupper(ex.opt))\",\"counter.value\"],"
        + "\"plugins\":[\"extractor\",\"counter\"]},"
        + "\"info\":{\"capture\":false,\"capture_duration\":0,"
        + "\"condition\":\"is_small and ex.str startswith value and not ex.idx[1] exists and tolower(ex.key[k]) = val(ex.str)\","
        + "\"description\":\"a value among the small ones, with a description long enough to be wrapped over more than one line of the table\","
        + "\"enabled\":true,\"name\":\"Small value\","
        + "\"output\":\"v=%counter.value s=%ex.str %toupper(ex.str) %tolower(toupper(ex.opt)) %counter.value\","
        + "\"priority\":\"Informational\",\"source\":\"counter\",\"tags\":[\"a\",\"b\"]}}";

    private const string Plain =
        "{\"details\":{\"condition_compiled\":\"(evt.num > 0 and ex.str in (1, 2, abc, \\\"a b\\\"))\","
        + "\"condition_fields\":[\"ex.str\",\"evt.num\"],\"condition_operators\":[\"in\",\">\"],"
        + "\"events\":[\"asyncevent\",\"pluginevent\"],\"exception_fields\":[],\"exception_names\":[],\"exception_operators\":[],"
        + "\"lists\":[\"words\"],\"macros\":[],\"output_compiled\":\"n=%evt.num\",\"output_fields\":[\"evt.num\"],\"plugins\":[\"extractor\",\"counter\"]},"
        + "\"info\":{\"capture\":false,\"capture_duration\":0,\"condition\":\"evt.num > 0 and ex.str in (words)\",\"description\":\"plain\","
        + "\"enabled\":false,\"name\":\"Plain\",\"output\":\"n=%evt.num\",\"priority\":\"Warning\",\"source\":\"counter\",\"tags\":[]}}";

    [Fact]
    public void Describes_every_rule_macro_and_list_with_the_required_versions()
    {
        using var engine = Loaded();
        Assert.Equal(
            "{\"lists\":["
            + "{\"details\":{\"items_compiled\":[\"1\",\"2\"],\"lists\":[],\"plugins\":[],\"used\":true},\"info\":{\"items\":[\"1\",\"2\"],\"name\":\"small\"}},"
            + "{\"details\":{\"items_compiled\":[\"1\",\"2\",\"abc\",\"a b\"],\"lists\":[\"small\"],\"plugins\":[],\"used\":true},"
            + "\"info\":{\"items\":[\"abc\",\"a b\"],\"name\":\"words\"}}],"
            + "\"macros\":["
            + "{\"details\":{\"condition_compiled\":\"counter.value in (1, 2)\",\"condition_fields\":[\"counter.value\"],\"condition_operators\":[\"in\"],"
            + "\"events\":[],\"lists\":[\"small\"],\"macros\":[],\"plugins\":[],\"used\":true},"
            + "\"info\":{\"condition\":\"counter.value in (small)\",\"name\":\"is_small\"}},"
            + "{\"details\":{\"condition_compiled\":\"(ex.str = x and counter.value in (1, 2))\",\"condition_fields\":[\"counter.value\",\"ex.str\"],"
            + "\"condition_operators\":[\"in\",\"=\"],\"events\":[],\"lists\":[],\"macros\":[\"is_small\"],\"plugins\":[],\"used\":false},"
            + "\"info\":{\"condition\":\"ex.str = x and is_small\",\"name\":\"unused_m\"}}],"
            + "\"required_engine_version\":\"0.31.0\","
            + "\"required_plugin_versions\":[{\"alternatives\":[{\"name\":\"other\",\"version\":\"2.0.0\"}],\"name\":\"counter\",\"version\":\"1.0.0\"},"
            + "{\"alternatives\":[],\"name\":\"extractor\",\"version\":\"0.1.0\"}],"
            + "\"rules\":[" + SmallValue + "," + Plain + "]}\n",
            RuleDescriptions.Print(engine.Rules, Plugins(engine), null, jsonOutput: true));
    }

    [Fact]
    public void Describes_one_rule()
    {
        using var engine = Loaded();
        Assert.Equal("{\"rules\":[" + Plain + "]}\n", RuleDescriptions.Print(engine.Rules, Plugins(engine), "Plain", jsonOutput: true));
        Assert.Equal(Lines(
            "Rule                                               Description",
            "----                                               -----------",
            "Plain                                              plain ",
            ""), RuleDescriptions.Print(engine.Rules, Plugins(engine), "Plain", jsonOutput: false));
    }

    [Fact]
    public void The_text_table_wraps_descriptions_under_their_column()
    {
        using var engine = Loaded();
        Assert.Equal(Lines(
            "Rule                                               Description",
            "----                                               -----------",
            "Small value                                        a value among the small ones, with a description long ",
            "                                                   enough to be wrapped over more than one line of the table ",
            "",
            "Plain                                              plain ",
            ""), RuleDescriptions.Print(engine.Rules, Plugins(engine), null, jsonOutput: false));
    }

    [Fact]
    public void Each_text_entry_is_cut_after_4094_bytes()
    {
        var rules = "- rule: Long\n  desc: " + string.Join(' ', Enumerable.Repeat("word", 1000)) + "\n  condition: evt.num > 0\n  output: o\n  priority: INFO\n  source: counter\n";
        using var engine = Loaded(rules: rules);
        var text = RuleDescriptions.Print(engine.Rules, Plugins(engine), null, jsonOutput: false);
        var entry = text[(2 * 63)..];
        Assert.Equal(4094 + 1, entry.Length);
        Assert.StartsWith("Long" + new string(' ', 47) + "word word ", entry);
        // 106 bytes on the first line and 107 (newline, indent, 11 words) on each next one: the 38th
        // continuation is cut inside its indent.
        Assert.EndsWith("word word \n" + new string(' ', 28) + "\n", entry);
    }

    [Fact]
    public void Extra_output_fields_come_first_in_falco_hash_order()
    {
        var extra = new ExtraOutput(null, new HashSet<string>(), null, "extra=%ex.u64",
            [("zkey", "%ex.bool", false), ("akey", "%counter.even", true), ("m", "%ex.str", false)]);
        using var engine = Loaded(WithExtraOutputs(extra), "- rule: R\n  desc: d\n  condition: evt.num > 0\n  output: n=%evt.num\n  priority: INFO\n  source: counter\n");
        var details = Describe(engine, "R")["rules"]![0]!["details"]!;
        Assert.Equal("[\"%ex.str\",\"%counter.even\",\"%ex.bool\",\"evt.num\",\"ex.u64\"]", NlohmannJson.Dump(details["output_fields"]));
        Assert.Equal("{\"m\":\"%ex.str\",\"zkey\":\"%ex.bool\"}", NlohmannJson.Dump(details["extra_output_formatted_fields"]));
        Assert.Equal("n=%evt.num extra=%ex.u64", details["output_compiled"]!.GetValue<string>());
        // The extra format text is not a field name, so only the output's ex.u64 makes the extractor used.
        Assert.Equal("[\"extractor\",\"counter\"]", NlohmannJson.Dump(details["plugins"]));
    }

    [Fact]
    public void Without_extra_formatted_fields_the_key_is_absent()
    {
        using var engine = Loaded();
        Assert.False(Describe(engine, "Plain")["rules"]![0]!["details"]!.AsObject().ContainsKey("extra_output_formatted_fields"));
    }

    [Fact]
    public void An_async_event_plugin_is_used_by_rules_comparing_evt_asynctype_with_its_events()
    {
        var pinger = new PluginSpec("pinger", ShapePlugin.Build("SHAPE_NAME:=pinger", "SHAPE_ASYNC_EVENTS:=[\"ping\"]", "SHAPE_ASYNC_HANDLER"));
        const string rules = """
            - rule: Ping
              desc: d
              condition: evt.asynctype = ping
              output: o
              priority: INFO
              source: counter
            - rule: Pong
              desc: d
              condition: evt.asynctype in (pong, other)
              output: o
              priority: INFO
              source: counter
            """;
        using var engine = Loaded(null, rules, pinger);
        var description = Describe(engine);
        Assert.Equal("[\"pinger\",\"counter\"]", NlohmannJson.Dump(description["rules"]![0]!["details"]!["plugins"]));
        Assert.Equal("[\"counter\"]", NlohmannJson.Dump(description["rules"]![1]!["details"]!["plugins"]));
    }

    [Fact]
    public void Output_tokens_list_transformers_after_their_fields()
    {
        var rules = "- rule: T\n  desc: d\n  condition: evt.num > 0\n"
                    + "  output: \"%concat(ex.str, toupper(ex.opt[k])) %len(ex.strlist) %ex.key[\\\"k2\\\"] %tolower(toupper(ex.str))\"\n"
                    + "  priority: INFO\n  source: counter\n";
        using var engine = Loaded(rules: rules);
        Assert.Equal(
            "[\"ex.str\",\"ex.opt[k]\",\"concat(ex.str,toupper(ex.opt[k]))\",\"ex.strlist\",\"len(ex.strlist)\",\"ex.key[k2]\",\"ex.str\",\"tolower(toupper(ex.str))\"]",
            NlohmannJson.Dump(Describe(engine, "T")["rules"]![0]!["details"]!["output_fields"]));
    }

    [Fact]
    public void Describing_fails_before_rules_load_and_for_rules_that_are_not_loaded()
    {
        using var empty = Create(Counter);
        var none = Assert.Throws<FatalError>(() => Describe(empty));
        Assert.Equal("Runtime error: rules must be loaded before describing them. Exiting.", none.StderrLine);

        using var engine = Loaded();
        Assert.Equal("Runtime error: Rule \"Elsewhere\" is not loaded. Exiting.", Assert.Throws<FatalError>(() => Describe(engine, "Elsewhere")).StderrLine);
        Assert.Equal("Runtime error: Rule \"Nope\" is not loaded. Exiting.", Assert.Throws<FatalError>(() => Describe(engine, "Nope")).StderrLine);
    }
}
