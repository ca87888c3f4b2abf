using Peregrine.Engine.Configuration;
using Peregrine.Engine.Logging;

namespace Peregrine.Engine.Tests.Configuration;

/// <summary><c>config_files</c>: files merged after the main file, with Falco's three strategies.</summary>
public sealed class ConfigFilesIncludeTests
{
    [Fact]
    public void Included_files_merge_in_order_and_may_override()
    {
        using var dir = new ConfigTestDirectory();
        dir.Write("conf_2.yaml", "json_output: true\nlog_level: debug\n");
        dir.Write("conf_3.yaml", "log_level: error\nhttp_output:\n  url: http://b/\n");
        dir.Write("conf_4.yaml", "priority: error\n");
        var result = dir.LoadYaml("config_files:\n  - conf_2.yaml\n  - conf_3.yaml\nhttp_output:\n  enabled: false\n  user_agent: ua\n");
        var config = ConfigAssert.Clean(result);
        Assert.True(config.JsonOutput);
        Assert.Equal(LogLevel.Error, config.LogLevel);
        // A mapping is replaced as a whole, not merged key by key.
        Assert.Equal(("http://b/", "falcosecurity/falco"), (config.HttpOutput.Url, config.HttpOutput.UserAgent));
        Assert.Equal(Rules.Priority.Debug, config.MinimumPriority);
        Assert.Equal([Path.Combine(dir.Root, "falco.yaml"), "conf_2.yaml", "conf_3.yaml"], config.ConfigFiles);
        Assert.Equal(["ok", "ok", "ok"], result.Files.Select(f => f.Validation));
    }

    [Theory]
    [InlineData("conf_2.yaml", new[] { "a.yaml", "b.yaml" }, "info")]
    [InlineData("{path: conf_2.yaml, strategy: append}", new[] { "a.yaml", "b.yaml" }, "info")]
    [InlineData("{path: conf_2.yaml, strategy: override}", new[] { "b.yaml" }, "info")]
    [InlineData("{path: conf_2.yaml, strategy: add-only}", new[] { "a.yaml" }, "notice")]
    public void Merge_strategies(string entry, string[] rulesFiles, string logLevel)
    {
        using var dir = new ConfigTestDirectory();
        dir.Write("conf_2.yaml", "rules_files: [b.yaml]\nlog_level: info\nlibs_logger: {severity: debug}\n");
        var config = ConfigAssert.Succeeded(dir.LoadYaml($"config_files:\n  - {entry}\nrules_files: [a.yaml]\nlog_level: notice\n"));
        Assert.Equal(rulesFiles, config.ConfiguredRulesFiles);
        Assert.Equal(Enum.Parse<LogLevel>(logLevel, ignoreCase: true), config.LogLevel);
        Assert.Equal(LibsLogSeverity.Debug, config.LibsLogger.Severity);
    }

    [Fact]
    public void Unknown_strategy_appends_with_a_warning()
    {
        using var dir = new ConfigTestDirectory();
        dir.Write("conf_2.yaml", "rules_files: [b.yaml]\n");
        var result = dir.LoadYaml("config_files:\n  - path: conf_2.yaml\n    strategy: wrong\nrules_files: [a.yaml]\n");
        Assert.Equal(["a.yaml", "b.yaml"], ConfigAssert.Succeeded(result).ConfiguredRulesFiles);
        Assert.Equal(ConfigDiagnosticCode.InvalidValue, Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public void Directory_includes_its_files_in_lexicographic_order_without_recursion()
    {
        using var dir = new ConfigTestDirectory();
        dir.Write("config.d/20.yaml", "log_level: warning\n");
        dir.Write("config.d/10.yaml", "log_level: error\njson_output: true\n");
        dir.Write("config.d/sub/30.yaml", "json_output: false\n");
        dir.Write("config.d/notes.conf", "buffered_outputs: true\n");
        var config = ConfigAssert.Clean(dir.LoadYaml("config_files: config.d\n"));
        Assert.Equal(LogLevel.Warning, config.LogLevel);
        Assert.True(config.JsonOutput);
        Assert.True(config.BufferedOutputs);
        Assert.Equal(["config.d/10.yaml", "config.d/20.yaml", "config.d/notes.conf"], config.ConfigFiles.Skip(1));
    }

    [Fact]
    public void Missing_includes_are_skipped_silently()
    {
        using var dir = new ConfigTestDirectory();
        var config = ConfigAssert.Clean(dir.LoadYaml("config_files: [nope.yaml, /nowhere/config.d]\njson_output: true\n"));
        Assert.True(config.JsonOutput);
        Assert.Single(config.ConfigFiles);
    }

    [Fact]
    public void Empty_config_files_and_empty_included_file_are_fine()
    {
        using var dir = new ConfigTestDirectory();
        dir.Write("empty.yaml", "");
        ConfigAssert.Clean(dir.LoadYaml("config_files:\n"));
        ConfigAssert.Clean(dir.LoadYaml("config_files: [empty.yaml]\n"));
    }

    [Fact]
    public void Relative_paths_are_relative_to_the_working_directory_not_the_main_file()
    {
        using var dir = new ConfigTestDirectory();
        dir.Write("etc/falco.yaml", "config_files: [extra.yaml]\n");
        dir.Write("etc/extra.yaml", "json_output: true\n");
        dir.Write("extra.yaml", "log_level: debug\n");
        var config = ConfigAssert.Clean(dir.Load("etc/falco.yaml"));
        Assert.False(config.JsonOutput);
        Assert.Equal(LogLevel.Debug, config.LogLevel);
    }

    [Fact]
    public void Included_files_get_their_own_variables_substituted()
    {
        using var dir = new ConfigTestDirectory();
        dir.Environment["LEVEL"] = "debug";
        dir.Environment["CONF"] = "conf_2.yaml";
        dir.Write("conf_2.yaml", "log_level: ${LEVEL}\n");
        Assert.Equal(LogLevel.Debug, ConfigAssert.Clean(dir.LoadYaml("config_files: ['${CONF}']\n")).LogLevel);
    }

    [Fact]
    public void Nested_config_files_are_an_error()
    {
        using var dir = new ConfigTestDirectory();
        dir.Write("conf_2.yaml", "json_output: true\nconfig_files:\n  - conf_4.yaml\n");
        var error = ConfigAssert.SingleError(dir.LoadYaml("config_files: [conf_2.yaml]\n"));
        Assert.Equal("conf_2.yaml:2:1: config_files: Config error: 'config_files' directive in included config file conf_2.yaml.", ConfigAssert.Render(error, dir));
    }

    [Fact]
    public void Including_the_main_file_is_an_error()
    {
        using var dir = new ConfigTestDirectory();
        dir.Write("main.yaml", "config_files: main.yaml\n");
        var result = ConfigurationLoader.Load("main.yaml", [], dir.Options);
        var error = ConfigAssert.SingleError(result);
        Assert.Equal("main.yaml:1:15: config_files: Config error: 'config_files' directive tried to recursively include main config file: main.yaml.", error.ToString());
    }

    [Fact]
    public void Appending_a_sequence_to_a_scalar_is_an_error()
    {
        using var dir = new ConfigTestDirectory();
        dir.Write("conf_2.yaml", "rules_files: [b.yaml]\n");
        var error = ConfigAssert.SingleError(dir.LoadYaml("config_files: [conf_2.yaml]\nrules_files: a.yaml\n"));
        Assert.Equal("conf_2.yaml:1:1: rules_files: appending to a non-sequence: the value defined at falco.yaml:2:14 is 'a.yaml'", ConfigAssert.Render(error, dir));
    }

    [Fact]
    public void Diagnostics_point_into_the_included_file()
    {
        using var dir = new ConfigTestDirectory();
        dir.Write("conf_2.yaml", "\n\nrule_matching: sometimes\njson_ouput: true\n");
        var result = dir.LoadYaml("config_files: [conf_2.yaml]\n");
        Assert.Equal("conf_2.yaml:3:16: rule_matching: Unknown rule matching strategy \"sometimes\"--must be one of first, all",
            ConfigAssert.Render(ConfigAssert.SingleError(result), dir));
        Assert.Equal("conf_2.yaml:4:1: json_ouput: unknown configuration key (did you mean 'json_output'?)",
            ConfigAssert.Render(Assert.Single(result.Warnings), dir));
        Assert.Equal(["ok", "failed"], result.Files.Select(f => f.Validation));
    }

    [Fact]
    public void Config_files_options_apply_before_the_merge_and_other_options_after()
    {
        using var dir = new ConfigTestDirectory();
        dir.Write("conf_2.yaml", "json_output: true\nlog_level: debug\n");
        dir.Write("conf_3.yaml", "buffered_outputs: true\n");
        var config = ConfigAssert.Clean(dir.LoadYaml("config_files: [conf_3.yaml]\n", "log_level=error", "config_files=conf_2.yaml"));
        Assert.True(config.JsonOutput);
        Assert.Equal(LogLevel.Error, config.LogLevel);
        // "config_files=x" replaces the list (conf_3.yaml is not read); "config_files[]=x" would append.
        Assert.False(config.BufferedOutputs);

        config = ConfigAssert.Clean(dir.LoadYaml("config_files: [conf_3.yaml]\n", "config_files[]=conf_2.yaml"));
        Assert.True(config.BufferedOutputs);
        Assert.True(config.JsonOutput);
    }

    [Fact]
    public void Load_content_does_not_follow_config_files()
    {
        using var dir = new ConfigTestDirectory();
        dir.Write("conf_2.yaml", "json_output: true\n");
        var result = ConfigurationLoader.LoadContent("config_files: [conf_2.yaml]\n", ["log_level=debug"], "inline", dir.Options);
        var config = ConfigAssert.Clean(result);
        Assert.False(config.JsonOutput);
        Assert.Equal(LogLevel.Debug, config.LogLevel);
        Assert.Equal(["inline"], config.ConfigFiles);
    }
}
