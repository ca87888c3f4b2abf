using Peregrine.Engine.Configuration;
using Peregrine.Rules;
using Peregrine.Engine.Logging;
using Peregrine.Engine.Outputs;

namespace Peregrine.Engine.Tests.Configuration;

/// <summary>Every supported key, set to a value other than its default, is read.</summary>
public sealed class SupportedKeysTests
{
    private const string Everything = """
        watch_config_files: false
        rules_files: [a.yaml, rules.d]
        rules:
          - disable:
              rule: "*"
          - enable:
              tag: network
          - enable:
              rule: Netcat*
              tag: mitre
        priority: Warning
        rule_matching: all
        append_output:
          - match:
              source: k8s_audit
              tags: [persistence, execution, persistence]
            extra_output: "on %ka.verb"
            extra_fields:
              - ka.user.name
              - home: "${HOME}"
            suggested_output: false
        static_fields:
          zone: eu
          team: sec
        plugins_dir: /opt/peregrine/plugins
        plugins_hostinfo: false
        load_plugins: [json, k8saudit]
        plugins:
          - name: k8saudit
            library_path: libk8saudit.so
            init_config:
              maxEventSize: 262144
              sslCertificate: /etc/falco/falco.pem
            open_params: "  http://:9765/k8s-audit  "
          - name: json
            library_path: /usr/lib/libjson.so
            init_config: '{"x": 1}'
          - name: unused
            library_path: sub/../libunused.so
        json_output: true
        json_include_output_property: false
        json_include_tags_property: false
        json_include_message_property: true
        json_include_output_fields_property: false
        time_format_iso_8601: true
        buffer_format_base64: true
        buffered_outputs: true
        outputs_queue:
          capacity: 500
        output_timeout: 750
        stdout_output:
          enabled: false
        syslog_output:
          enabled: true
        file_output:
          enabled: true
          keep_alive: true
          filename: /var/log/alerts.txt
        program_output:
          enabled: true
          keep_alive: true
          program: logger -t falco
        http_output:
          enabled: true
          url: http://sidekick:2801/
          user_agent: peregrine/test
          insecure: true
          ca_cert: /ca.pem
          ca_bundle: /bundle.pem
          ca_path: /cas
          mtls: true
          client_cert: /c.crt
          client_key: /c.key
          echo: true
          compress_uploads: true
          keep_alive: true
          max_consecutive_timeouts: 255
        log_stderr: true
        log_syslog: false
        log_level: debug
        libs_logger:
          enabled: false
          severity: trace
        """;

    [Fact]
    public void Every_supported_key_is_read()
    {
        using var dir = new ConfigTestDirectory();
        dir.Write("a.yaml", "- rule: x\n");
        dir.Mkdir("rules.d");
        dir.Environment["HOME"] = "/home/falco";
        var config = ConfigAssert.Clean(dir.LoadYaml(Everything));

        Assert.False(config.WatchConfigFiles);
        Assert.Equal(["a.yaml", "rules.d"], config.RulesFiles);
        Assert.Equal(
            [
                (RuleSelectionOperation.Disable, "*", null),
                (RuleSelectionOperation.Enable, null, "network"),
                (RuleSelectionOperation.Enable, "Netcat*", "mitre"),
            ],
            config.RuleSelections.Select(s => (s.Operation, s.Rule, s.Tag)));
        Assert.Equal(Priority.Warning, config.MinimumPriority);
        Assert.Equal(RuleMatching.All, config.RuleMatching);

        var append = Assert.Single(config.AppendOutput);
        Assert.Equal("k8s_audit", append.Source);
        Assert.Equal(["execution", "persistence"], append.Tags);
        Assert.Null(append.Rule);
        Assert.Equal("on %ka.verb", append.ExtraOutput);
        Assert.Equal([new AppendOutputField("ka.user.name", null), new AppendOutputField("home", "/home/falco")], append.ExtraFields);
        Assert.False(append.SuggestedOutput);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "sec", ["zone"] = "eu" }, config.StaticFields);

        Assert.Equal("/opt/peregrine/plugins", config.PluginsDirectory);
        Assert.False(config.PluginsHostInfo);
        Assert.Equal(["json", "k8saudit"], config.LoadPlugins!);
        Assert.Equal(["json", "k8saudit"], config.Plugins.Select(p => p.Name));
        Assert.Equal(["k8saudit", "json", "unused"], config.PluginDefinitions.Select(p => p.Name));
        var k8s = config.PluginDefinitions[0];
        Assert.Equal("/opt/peregrine/plugins/libk8saudit.so", k8s.LibraryPath);
        Assert.Equal("""{"maxEventSize":262144,"sslCertificate":"/etc/falco/falco.pem"}""", k8s.InitConfig);
        Assert.Equal("http://:9765/k8s-audit", k8s.OpenParams);
        var json = config.PluginDefinitions[1];
        Assert.Equal("/usr/lib/libjson.so", json.LibraryPath);
        Assert.Equal("""{"x": 1}""", json.InitConfig);
        Assert.Equal("/opt/peregrine/plugins/libunused.so", config.PluginDefinitions[2].LibraryPath);
        Assert.False(config.PluginDefinitions[2].HasInitConfig);

        Assert.True(config.JsonOutput);
        Assert.False(config.JsonIncludeOutputProperty);
        Assert.False(config.JsonIncludeTagsProperty);
        Assert.True(config.JsonIncludeMessageProperty);
        Assert.False(config.JsonIncludeOutputFieldsProperty);
        Assert.True(config.TimeFormatIso8601);
        Assert.True(config.BufferFormatBase64);
        Assert.True(config.BufferedOutputs);
        Assert.Equal(new OutputsQueueConfig(500, 500), config.OutputsQueue);
        Assert.Equal(750u, config.OutputTimeout);
        Assert.False(config.StdoutOutputEnabled);
        Assert.True(config.SyslogOutputEnabled);
        Assert.Equal(new FileOutputOptions { Enabled = true, KeepAlive = true, Filename = "/var/log/alerts.txt" }, config.FileOutput);
        Assert.Equal(new ProgramOutputOptions { Enabled = true, KeepAlive = true, Program = "logger -t falco" }, config.ProgramOutput);
        Assert.Equal(new HttpOutputOptions
        {
            Enabled = true,
            Url = "http://sidekick:2801/",
            UserAgent = "peregrine/test",
            Insecure = true,
            CaCert = "/ca.pem",
            CaBundle = "/bundle.pem",
            CaPath = "/cas",
            Mtls = true,
            ClientCert = "/c.crt",
            ClientKey = "/c.key",
            Echo = true,
            CompressUploads = true,
            KeepAlive = true,
            MaxConsecutiveTimeouts = 255,
        }, config.HttpOutput);
        Assert.True(config.LogStderr);
        Assert.False(config.LogSyslog);
        Assert.Equal(LogLevel.Debug, config.LogLevel);
        Assert.Equal(new LibsLoggerConfig(false, LibsLogSeverity.Trace), config.LibsLogger);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("yes", true)]
    [InlineData("Y", true)]
    [InlineData("on", true)]
    [InlineData("'true'", true)]
    [InlineData("false", false)]
    [InlineData("No", false)]
    [InlineData("OFF", false)]
    [InlineData("n", false)]
    [InlineData("", false)]
    [InlineData("~", false)]
    public void Booleans_convert_as_in_yaml_cpp(string text, bool expected)
    {
        using var dir = new ConfigTestDirectory();
        Assert.Equal(expected, ConfigAssert.Clean(dir.LoadYaml($"json_output: {text}\n")).JsonOutput);
    }

    [Theory]
    [InlineData("info", Priority.Informational)]
    [InlineData("INFORMATIONAL", Priority.Informational)]
    [InlineData("Emergency", Priority.Emergency)]
    [InlineData("notice", Priority.Notice)]
    [InlineData("CRITICAL", Priority.Critical)]
    public void Priority_names_are_case_insensitive(string text, Priority expected)
    {
        using var dir = new ConfigTestDirectory();
        Assert.Equal(expected, ConfigAssert.Clean(dir.LoadYaml($"priority: {text}\n")).MinimumPriority);
    }

    [Theory]
    [InlineData("ALL", RuleMatching.All)]
    [InlineData("First", RuleMatching.First)]
    public void Rule_matching_is_case_insensitive(string text, RuleMatching expected)
    {
        using var dir = new ConfigTestDirectory();
        Assert.Equal(expected, ConfigAssert.Clean(dir.LoadYaml($"rule_matching: {text}\n")).RuleMatching);
    }

    [Theory]
    [InlineData("emergency", LogLevel.Emergency)]
    [InlineData("alert", LogLevel.Alert)]
    [InlineData("critical", LogLevel.Critical)]
    [InlineData("error", LogLevel.Error)]
    [InlineData("warning", LogLevel.Warning)]
    [InlineData("notice", LogLevel.Notice)]
    [InlineData("info", LogLevel.Info)]
    [InlineData("debug", LogLevel.Debug)]
    public void Log_levels_are_Falco_names(string text, LogLevel expected)
    {
        using var dir = new ConfigTestDirectory();
        Assert.Equal(expected, ConfigAssert.Clean(dir.LoadYaml($"log_level: {text}\n")).LogLevel);
    }

    [Theory]
    [InlineData("0", FalcoConfiguration.DefaultOutputsQueueCapacity, 0ul)]
    [InlineData("1", 1L, 1ul)]
    [InlineData("0x10", 16L, 16ul)]
    [InlineData("18446744073709551615", long.MaxValue, ulong.MaxValue)]
    public void Outputs_queue_is_always_bounded(string text, long capacity, ulong configured)
    {
        using var dir = new ConfigTestDirectory();
        Assert.Equal(new OutputsQueueConfig(capacity, configured), ConfigAssert.Clean(dir.LoadYaml($"outputs_queue:\n  capacity: {text}\n")).OutputsQueue);
    }

    [Fact]
    public void Keep_alive_is_on_only_for_the_exact_text_true()
    {
        using var dir = new ConfigTestDirectory();
        var result = dir.LoadYaml("file_output:\n  keep_alive: yes\nprogram_output:\n  keep_alive: 'true'\n");
        var config = ConfigAssert.Succeeded(result);
        Assert.False(config.FileOutput.KeepAlive);
        Assert.True(config.ProgramOutput.KeepAlive);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("falco.yaml:2:15: file_output.keep_alive: 'yes' is read as false: Falco turns keep_alive on only when it is written exactly 'true'",
            ConfigAssert.Render(warning, dir));
    }

    [Fact]
    public void A_null_string_value_reads_as_the_text_null_as_in_Falco()
    {
        using var dir = new ConfigTestDirectory();
        var config = ConfigAssert.Clean(dir.LoadYaml("file_output:\n  enabled: true\n  filename:\n"));
        Assert.Equal("null", config.FileOutput.Filename);
    }

    [Fact]
    public void Libs_logger_severity_is_not_checked_when_the_logger_is_disabled()
    {
        using var dir = new ConfigTestDirectory();
        var config = ConfigAssert.Clean(dir.LoadYaml("libs_logger:\n  enabled: false\n  severity: loud\n"));
        Assert.Equal(new LibsLoggerConfig(false, LibsLogSeverity.Info), config.LibsLogger);
    }

    [Fact]
    public void Append_output_with_rule_and_tags_warns_as_Falco_does()
    {
        using var dir = new ConfigTestDirectory();
        var result = dir.LoadYaml("""
            append_output:
              - match:
                  rule: My Rule
                  tags: [b, a]
                extra_output: x
            """);
        var entry = Assert.Single(ConfigAssert.Succeeded(result).AppendOutput);
        Assert.Equal("My Rule", entry.Rule);
        Assert.Equal(
            "falco.yaml:2:5: append_output[0]: An append_ouptut entry specifies both a rule (My Rule) and a list of tags (a, b,). " +
            "This means that output will be appended only to the My Rule rule and only if it has all the tags: a, b,.",
            ConfigAssert.Render(Assert.Single(result.Warnings), dir));
    }

    [Fact]
    public void Append_output_converts_to_the_rules_compiler_form()
    {
        using var dir = new ConfigTestDirectory();
        var config = ConfigAssert.Clean(dir.LoadYaml("""
            append_output:
              - match: {source: syscall, rule: r}
                extra_output: "cpu=%evt.cpu"
                extra_fields: [evt.hostname, {home: "%user.home"}]
              - extra_output: ""
            """));
        var extra = config.AppendOutput[0].ToExtraOutput();
        Assert.Equal("syscall", extra.Source);
        Assert.Equal("r", extra.Rule);
        Assert.Equal("cpu=%evt.cpu", extra.Format);
        Assert.Equal([("home", "%user.home", false), ("evt.hostname", "%evt.hostname", true)], extra.Fields);
        Assert.Null(config.AppendOutput[1].ToExtraOutput().Format);
    }

    [Fact]
    public void Rule_selection_with_both_enable_and_disable_uses_enable()
    {
        using var dir = new ConfigTestDirectory();
        var result = dir.LoadYaml("rules:\n  - enable: {rule: a}\n    disable: {rule: b}\n");
        var selection = Assert.Single(ConfigAssert.Succeeded(result).RuleSelections);
        Assert.Equal((RuleSelectionOperation.Enable, "a"), (selection.Operation, selection.Rule));
        Assert.Equal("falco.yaml:3:5: rules[0]: both 'enable' and 'disable' are given: Falco uses 'enable' and ignores 'disable'",
            ConfigAssert.Render(Assert.Single(result.Warnings), dir));
    }
}
