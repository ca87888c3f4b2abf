using Peregrine.Engine.Configuration;

namespace Peregrine.Engine.Tests.Configuration;

/// <summary>Invalid values: one error each, at the value's file:line:col, naming the key, in Falco's words where Falco has some.</summary>
public sealed class ValueErrorTests
{
    public static TheoryData<string, string> Cases => new()
    {
        // Falco's own messages.
        { "rule_matching: sometimes\n", "falco.yaml:1:16: rule_matching: Unknown rule matching strategy \"sometimes\"--must be one of first, all" },
        { "priority: loud\n", "falco.yaml:1:11: priority: Unknown priority \"loud\"--must be one of emergency, alert, critical, error, warning, notice, informational, debug" },
        { "priority:\n", "falco.yaml:1:10: priority: Unknown priority \"null\"--must be one of emergency, alert, critical, error, warning, notice, informational, debug" },
        { "log_level: INFO\n", "falco.yaml:1:12: log_level: Unknown log level INFO" },
        { "libs_logger:\n  severity: loud\n", "falco.yaml:2:13: libs_logger.severity: Unknown sinsp log severity loud" },
        { "file_output:\n  enabled: true\n", "falco.yaml:2:12: file_output.filename: file output enabled but no filename in configuration block" },
        { "program_output:\n  enabled: yes\n  program: ''\n", "falco.yaml:2:12: program_output.program: program output enabled but no program in configuration block" },
        { "http_output:\n  enabled: on\n  url: \"\"\n", "falco.yaml:2:12: http_output.url: http output enabled but no url in configuration block" },
        { "rules_files: [a]\nrules_file: b\n", "falco.yaml:2:1: rules_file: both 'rules_files' and 'rules_file' keys set" },
        { "load_plugins: [a]\nplugins: []\n", "falco.yaml:1:16: load_plugins[0]: Cannot load plugin 'a': plugin config not found for given name" },
        { "plugins:\n  - name: a\n    library_path: ../a.so\n",
            "falco.yaml:3:19: plugins[0].library_path: could not load plugins config: plugin library_path '../a.so' resolves outside the plugins directory (/usr/share/falco/plugins/)" },
        { "plugins:\n  - name: a\n    library_path: x/../../b/a.so\n",
            "falco.yaml:3:19: plugins[0].library_path: could not load plugins config: plugin library_path 'x/../../b/a.so' resolves outside the plugins directory (/usr/share/falco/plugins/)" },
        { "plugins_dir: /opt/p\nplugins:\n  - name: a\n    library_path: ../p2/a.so\n",
            "falco.yaml:4:19: plugins[0].library_path: could not load plugins config: plugin library_path '../p2/a.so' resolves outside the plugins directory (/opt/p)" },
        { "plugins:\n  - library_path: x.so\n", "falco.yaml:2:5: plugins[0]: could not load plugins config: a plugin entry needs a 'name'" },
        { "plugins:\n  - name: x\n", "falco.yaml:2:5: plugins[0]: could not load plugins config: a plugin entry needs a 'library_path'" },
        { "plugins:\n  - x\n", "falco.yaml:2:5: plugins[0]: could not load plugins config: expected a mapping with 'name' and 'library_path', found 'x'" },
        { "plugins:\n  name: x\n", "falco.yaml:2:3: plugins: could not load plugins config: expected a sequence of plugin entries, found a mapping" },
        { "plugins:\n  - name: [x]\n    library_path: a.so\n", "falco.yaml:2:11: plugins[0].name: could not load plugins config: expected a string, found a sequence" },
        { "plugins:\n  - name: x\n    library_path: a.so\n    open_params: {a: 1}\n", "falco.yaml:4:18: plugins[0].open_params: could not load plugins config: expected a string, found a mapping" },

        // Type errors (Falco silently falls back to the default; Peregrine refuses).
        { "json_output: maybe\n", "falco.yaml:1:14: json_output: expected a boolean (true or false), found 'maybe'" },
        { "json_include_tags_property: tRUE\n", "falco.yaml:1:29: json_include_tags_property: expected a boolean (true or false), found 'tRUE'" },
        { "watch_config_files: [true]\n", "falco.yaml:1:21: watch_config_files: expected a boolean (true or false), found a sequence" },
        { "output_timeout: -1\n", "falco.yaml:1:17: output_timeout: expected an unsigned integer below 2^32, found '-1'" },
        { "output_timeout: 4294967296\n", "falco.yaml:1:17: output_timeout: expected an unsigned integer below 2^32, found '4294967296'" },
        { "output_timeout: 1.5\n", "falco.yaml:1:17: output_timeout: expected an unsigned integer below 2^32, found '1.5'" },
        { "outputs_queue:\n  capacity: lots\n", "falco.yaml:2:13: outputs_queue.capacity: expected an unsigned integer, found 'lots'" },
        { "http_output:\n  max_consecutive_timeouts: 256\n", "falco.yaml:2:29: http_output.max_consecutive_timeouts: expected an integer from 0 to 255, found '256'" },
        { "file_output: true\n", "falco.yaml:1:14: file_output: expected a mapping, found 'true'" },
        { "file_output:\n  keep_alive: sometimes\n", "falco.yaml:2:15: file_output.keep_alive: expected a boolean (true or false), found 'sometimes'" },
        { "http_output:\n  url: {a: b}\n", "falco.yaml:2:8: http_output.url: expected a string, found a mapping" },
        { "rules_files: {a: b}\n", "falco.yaml:1:14: rules_files: expected a sequence of paths, found a mapping" },
        { "rules_files:\n  - [a]\n", "falco.yaml:2:5: rules_files[0]: expected a path, found a sequence" },
        { "rules: [x]\n", "falco.yaml:1:9: rules[0]: expected a mapping with an 'enable' or a 'disable' key, found 'x'" },
        { "rules:\n  - enable: x\n", "falco.yaml:2:13: rules[0].enable: expected a mapping with a 'rule' or a 'tag', found 'x'" },
        { "rules:\n  - disable: {}\n", "falco.yaml:2:14: rules[0].disable: expected a non-empty 'rule' or 'tag'" },
        { "rules:\n  - disable:\n      rule: ''\n", "falco.yaml:3:7: rules[0].disable: expected a non-empty 'rule' or 'tag'" },
        { "append_output: [x]\n", "falco.yaml:1:17: append_output[0]: expected a mapping, found 'x'" },
        { "append_output:\n  - extra_fields: x\n", "falco.yaml:2:19: append_output[0].extra_fields: expected a sequence of fields, found 'x'" },
        { "append_output:\n  - extra_fields: [{a: '%x'}, a]\n", "falco.yaml:2:31: append_output[0].extra_fields[1]: extra field 'a' is defined more than once" },
        { "append_output:\n  - extra_fields: [a, {a: '%x'}]\n", "falco.yaml:2:23: append_output[0].extra_fields[1]: extra field 'a' is defined more than once" },
        { "append_output:\n  - extra_fields: [{a: x, b: y}]\n", "falco.yaml:2:20: append_output[0].extra_fields[0]: expected a field name or a single 'name: format' pair, found a mapping with 2 keys" },
        { "append_output:\n  - match:\n      tags: persistence\n", "falco.yaml:3:13: append_output[0].match.tags: expected a sequence of tags, found 'persistence'" },
        { "append_output:\n  - match: syscall\n", "falco.yaml:2:12: append_output[0].match: expected a mapping of source, tags and rule, found 'syscall'" },
        { "append_output:\n  - suggested_output: sure\n", "falco.yaml:2:23: append_output[0].suggested_output: expected a boolean (true or false), found 'sure'" },
        { "static_fields: [a]\n", "falco.yaml:1:16: static_fields: expected a mapping of field names to values, found a sequence" },
        { "static_fields:\n  a: [b]\n", "falco.yaml:2:6: static_fields.a: expected a string value, found a sequence" },
        { "plugins_dir: ''\n", "falco.yaml:1:14: plugins_dir: expected a directory path, found an empty string" },
        { "load_plugins: {a: b}\n", "falco.yaml:1:15: load_plugins: expected a sequence of plugin names, found a mapping" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invalid_value_is_one_located_error(string yaml, string expected)
    {
        using var dir = new ConfigTestDirectory();
        var error = ConfigAssert.SingleError(dir.LoadYaml(yaml));
        Assert.Equal(expected, ConfigAssert.Render(error, dir));
    }

    [Fact]
    public void Every_error_is_reported_in_Falco_reading_order()
    {
        using var dir = new ConfigTestDirectory();
        var result = dir.LoadYaml("priority: loud\nlog_level: LOUD\njson_output: 3\n");
        Assert.Null(result.Configuration);
        Assert.Equal(
            [
                "falco.yaml:2:12: log_level: Unknown log level LOUD",
                "falco.yaml:3:14: json_output: expected a boolean (true or false), found '3'",
                "falco.yaml:1:11: priority: Unknown priority \"loud\"--must be one of emergency, alert, critical, error, warning, notice, informational, debug",
            ],
            result.Errors.Select(e => ConfigAssert.Render(e, dir)));
        Assert.All(result.Errors, e => Assert.Equal(ConfigSeverity.Error, e.Severity));
    }

    [Fact]
    public void Error_codes_tell_the_kind_of_problem()
    {
        using var dir = new ConfigTestDirectory();
        Assert.Equal(ConfigDiagnosticCode.InvalidValue, ConfigAssert.SingleError(dir.LoadYaml("json_output: x\n")).Code);
        Assert.Equal(ConfigDiagnosticCode.MissingValue, ConfigAssert.SingleError(dir.LoadYaml("file_output: {enabled: true}\n")).Code);
        Assert.Equal(ConfigDiagnosticCode.UnknownPlugin, ConfigAssert.SingleError(dir.LoadYaml("load_plugins: [x]\n")).Code);
    }

    [Fact]
    public void Yaml_syntax_error_is_located()
    {
        using var dir = new ConfigTestDirectory();
        var error = ConfigAssert.SingleError(dir.LoadYaml("json_output: true\nrules_files: [a\npriority: debug\n"));
        Assert.Equal(ConfigDiagnosticCode.Syntax, error.Code);
        Assert.StartsWith("Cannot read config file (" + Path.Combine(dir.Root, "falco.yaml") + "): ", error.Message);
        Assert.Equal(Path.Combine(dir.Root, "falco.yaml"), error.Location!.Value.Source);
        Assert.True(error.Location.Value.Line >= 2, error.ToString());
    }

    [Fact]
    public void Root_must_be_a_mapping()
    {
        using var dir = new ConfigTestDirectory();
        var error = ConfigAssert.SingleError(dir.LoadYaml("- a\n- b\n"));
        Assert.Equal("falco.yaml:1:1: Cannot read config file (falco.yaml): the content must be a mapping of keys, found a sequence", ConfigAssert.Render(error, dir));
    }

    [Fact]
    public void Missing_main_file_is_an_error_not_an_exception()
    {
        using var dir = new ConfigTestDirectory();
        var result = dir.Load("nope.yaml");
        var error = ConfigAssert.SingleError(result);
        Assert.Equal(ConfigDiagnosticCode.UnreadableFile, error.Code);
        Assert.StartsWith($"Cannot read config file ({Path.Combine(dir.Root, "nope.yaml")}): ", error.Message);
        Assert.Equal("failed", Assert.Single(result.Files).Validation);
    }

    [Fact]
    public void Empty_file_is_an_empty_configuration()
    {
        using var dir = new ConfigTestDirectory();
        ConfigAssert.Clean(dir.LoadYaml(""));
        ConfigAssert.Clean(dir.LoadYaml("# only a comment\n"));
    }
}
