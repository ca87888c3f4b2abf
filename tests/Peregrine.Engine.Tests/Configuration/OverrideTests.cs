using Peregrine.Engine.Configuration;
using Peregrine.Engine.Logging;
using Peregrine.Engine.Outputs;

namespace Peregrine.Engine.Tests.Configuration;

/// <summary><c>-o key=value</c> options, applied after the file and its includes, before validation.</summary>
public sealed class OverrideTests
{
    private const string TwoPlugins = """
        plugins:
          - name: json
            library_path: libjson.so
            open_params: a
          - name: k8saudit
            library_path: libk8saudit.so
            init_config:
              maxEventSize: 100
        """;

    [Fact]
    public void Top_level_and_dotted_keys()
    {
        using var dir = new ConfigTestDirectory();
        var config = ConfigAssert.Clean(dir.LoadYaml("json_output: false\nhttp_output:\n  enabled: false\n",
            "json_output=true", "http_output.enabled=true", "http_output.url=http://x:2801/", "file_output.filename=/tmp/a"));
        Assert.True(config.JsonOutput);
        Assert.True(config.HttpOutput.Enabled);
        Assert.Equal("http://x:2801/", config.HttpOutput.Url);
        Assert.Equal("/tmp/a", config.FileOutput.Filename);
    }

    [Fact]
    public void Options_apply_in_order_the_last_one_wins()
    {
        using var dir = new ConfigTestDirectory();
        Assert.Equal(LogLevel.Debug, ConfigAssert.Clean(dir.LoadYaml("", "log_level=error", "log_level=debug")).LogLevel);
    }

    [Fact]
    public void Value_is_everything_after_the_first_equals_sign()
    {
        using var dir = new ConfigTestDirectory();
        var config = ConfigAssert.Clean(dir.LoadYaml("", "program_output.program=env A=1 B=2 ./notify", "http_output.user_agent="));
        Assert.Equal("env A=1 B=2 ./notify", config.ProgramOutput.Program);
        Assert.Equal("", config.HttpOutput.UserAgent);
    }

    [Fact]
    public void List_index_sets_an_item_field()
    {
        using var dir = new ConfigTestDirectory();
        var config = ConfigAssert.Clean(dir.LoadYaml(TwoPlugins, "plugins[0].open_params=http://:9765/k8s", "plugins[1].init_config.sslCertificate=/etc/x.pem"));
        Assert.Equal("http://:9765/k8s", config.Plugins[0].OpenParams);
        Assert.Equal("""{"maxEventSize":100,"sslCertificate":"/etc/x.pem"}""", config.Plugins[1].InitConfig);
    }

    [Fact]
    public void Index_equal_to_the_count_and_empty_brackets_append()
    {
        using var dir = new ConfigTestDirectory();
        var config = ConfigAssert.Clean(dir.LoadYaml(TwoPlugins,
            "plugins[2].name=extra", "plugins[2].library_path=/x/libextra.so",
            "rules[].disable.tag=maturity_incubating", "rules[].enable.rule=Adding ssh keys to authorized_keys",
            "load_plugins[]=extra", "load_plugins[]=json"));
        Assert.Equal(["json", "k8saudit", "extra"], config.PluginDefinitions.Select(p => p.Name));
        Assert.Equal(["extra", "json"], config.Plugins.Select(p => p.Name));
        Assert.Equal(
            [(RuleSelectionOperation.Disable, null, "maturity_incubating"), (RuleSelectionOperation.Enable, "Adding ssh keys to authorized_keys", null)],
            config.RuleSelections.Select(s => (s.Operation, s.Rule, s.Tag)));
    }

    [Fact]
    public void Json_object_values_become_yaml_nodes()
    {
        using var dir = new ConfigTestDirectory();
        var result = dir.LoadYaml(TwoPlugins,
            """append_output[]={"match": {"source": "syscall", "tags": ["persistence"], "rule": "some rule name"}, "extra_output": "gparent=%proc.aname[2]"}""",
            """append_output[]={"match": {"source": "k8s_audit"}, "extra_fields": ["ka.verb", {"static_field": "static content"}]}""",
            """rules[]={"disable": {"tag": "maturity_incubating"}}""",
            """plugins[0].init_config={"sslCertificate": "/etc/falco/falco.pem", "port": 9765}""",
            """http_output={"enabled": true, "url": "http://a/"}""");
        var config = ConfigAssert.Succeeded(result);
        // Falco's test input has both a rule and tags in one entry, which Falco warns about.
        Assert.Equal(ConfigDiagnosticCode.Advisory, Assert.Single(result.Warnings).Code);

        Assert.Equal(2, config.AppendOutput.Count);
        Assert.Equal(("syscall", "some rule name", "gparent=%proc.aname[2]"), (config.AppendOutput[0].Source, config.AppendOutput[0].Rule, config.AppendOutput[0].ExtraOutput));
        Assert.Equal(["persistence"], config.AppendOutput[0].Tags.ToList());
        Assert.Equal([new AppendOutputField("ka.verb", null), new AppendOutputField("static_field", "static content")], config.AppendOutput[1].ExtraFields);
        Assert.Equal("maturity_incubating", Assert.Single(config.RuleSelections).Tag);
        Assert.Equal("""{"port":9765,"sslCertificate":"/etc/falco/falco.pem"}""", config.Plugins[0].InitConfig);
        Assert.Equal((true, "http://a/"), (config.HttpOutput.Enabled, config.HttpOutput.Url));
    }

    [Fact]
    public void A_bracketed_list_value_is_just_a_string_as_in_Falco()
    {
        using var dir = new ConfigTestDirectory();
        var config = ConfigAssert.Clean(dir.LoadYaml("", "rules_files=[a.yaml, b.yaml]"));
        Assert.Equal(["[a.yaml, b.yaml]"], config.ConfiguredRulesFiles);
    }

    [Fact]
    public void Backslash_escapes_dots_and_brackets_in_keys()
    {
        using var dir = new ConfigTestDirectory();
        var config = ConfigAssert.Clean(dir.LoadYaml(TwoPlugins,
            @"plugins[1].init_config.kubernetes\.io/role=master",
            @"static_fields.a\[0\]=x",
            @"static_fields.back\\slash=y"));
        Assert.Equal("""{"kubernetes.io/role":"master","maxEventSize":100}""", config.Plugins[1].InitConfig);
        Assert.Equal(new Dictionary<string, string> { ["a[0]"] = "x", [@"back\slash"] = "y" }, config.StaticFields);
    }

    [Fact]
    public void Override_replaces_a_value_from_the_file_and_creates_missing_mappings()
    {
        using var dir = new ConfigTestDirectory();
        var config = ConfigAssert.Clean(dir.LoadYaml("file_output:\nlibs_logger: ~\n", "file_output.enabled=true", "file_output.filename=x", "libs_logger.severity=trace"));
        Assert.Equal(new FileOutputOptions { Enabled = true, KeepAlive = false, Filename = "x" }, config.FileOutput);
        Assert.Equal(LibsLogSeverity.Trace, config.LibsLogger.Severity);
    }

    [Fact]
    public void Overridden_values_are_validated_with_the_option_as_location()
    {
        using var dir = new ConfigTestDirectory();
        var error = ConfigAssert.SingleError(dir.LoadYaml("rule_matching: first\n", "rule_matching=sometimes"));
        Assert.Equal("-o rule_matching=sometimes: rule_matching: Unknown rule matching strategy \"sometimes\"--must be one of first, all", error.ToString());
        Assert.True(error.Location!.Value.IsCommandLine);
    }

    [Fact]
    public void Unknown_keys_set_by_options_are_reported()
    {
        using var dir = new ConfigTestDirectory();
        var result = dir.LoadYaml("", "json_ouput=true");
        Assert.Equal("-o json_ouput=true: json_ouput: unknown configuration key (did you mean 'json_output'?)", Assert.Single(result.Warnings).ToString());
    }

    public static TheoryData<string, string> Errors => new()
    {
        { "json_output", "Error parsing config option \"json_output\". Must be of the form key=val or key.subkey=val" },
        { "=true", "Error parsing config option \"=true\". Must be of the form key=val or key.subkey=val" },
        { @"a\=1", "Config error at key \"a\\\": Parsing error: trailing backslash at pos 1" },
        { @"a\x=1", "Config error at key \"a\\x\": Parsing error: invalid escape sequence '\\x' at pos 1" },
        { ".a=1", "Config error at key \".a\": Parsing error: unexpected character at pos 0" },
        { "a..b=1", "Config error at key \"a..b\": Parsing error: unexpected character at pos 2" },
        { "[0]=1", "Config error at key \"[0]\": Parsing error: unexpected character at pos 0" },
        { "plugins[0]x=1", "Config error at key \"plugins[0]x\": Parsing error: expected '.' character at pos 9" },
        { "plugins[0][1]=1", "Config error at key \"plugins[0][1]\": Parsing error: unexpected character at pos 10" },
        { "plugins[x].name=1", "Config error at key \"plugins[x].name\": Parsing error: expected a numeric index, found 'x'" },
        { "plugins[1.name=1", "Config error at key \"plugins[1.name\": Parsing error: missing ']' for the '[' at pos 7" },
        { "http_output[].url=1", "Config error at key \"http_output[].url\": Parsing error: expected a numeric index, found ''" },
        { "json_output.x=1", "Config error at key \"json_output.x\": yaml-cpp: error at line 1, column 14: operator[] call on a scalar (key: \"x\")" },
        { "plugins[5].name=x", "Config error at key \"plugins[5].name\": index 5 is out of range: the sequence has 2 item(s) (use [2] or [] to append)" },
        { "plugins[-1].name=x", "Config error at key \"plugins[-1].name\": index -1 is out of range: the sequence has 2 item(s) (use [2] or [] to append)" },
        { "plugins.name=x", "Config error at key \"plugins.name\": 'name' is a key, but the value at this point is a sequence (use an index such as [0])" },
        { "http_output[0]=x", "Config error at key \"http_output[0]\": [0] is an index, but the value at this point is a mapping" },
        { "http_output={enabled: [}", "Error parsing config option \"http_output={enabled: [}\": " },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Malformed_option_is_an_error(string option, string expected)
    {
        using var dir = new ConfigTestDirectory();
        var error = ConfigAssert.SingleError(dir.LoadYaml("json_output: true\nhttp_output:\n  enabled: false\n" + TwoPlugins, option));
        Assert.Equal(ConfigDiagnosticCode.InvalidOverride, error.Code);
        Assert.StartsWith(expected, error.Message);
        Assert.Equal("-o " + option, error.Location!.Value.Source);
    }

    [Fact]
    public void Index_text_is_read_like_stoi()
    {
        using var dir = new ConfigTestDirectory();
        var config = ConfigAssert.Clean(dir.LoadYaml(TwoPlugins, "plugins[1x].open_params=p", "plugins[ +0].open_params=q"));
        Assert.Equal(["q", "p"], config.Plugins.Select(p => p.OpenParams));
    }
}
