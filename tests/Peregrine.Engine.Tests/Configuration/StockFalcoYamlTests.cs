using System.Text.Json;
using Peregrine.Engine.Configuration;
using Peregrine.Rules;
using Peregrine.Engine.Logging;
using Peregrine.Engine.Outputs;

namespace Peregrine.Engine.Tests.Configuration;

/// <summary>Falco 0.44.1's own falco.yaml, and Falco's built-in defaults.</summary>
public sealed class StockFalcoYamlTests
{
    private static readonly string StockPath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Configuration", "falco.yaml");

    private static ConfigurationLoadResult LoadStock(params string[] overrides) =>
        ConfigurationLoader.Load(StockPath, overrides, new ConfigurationLoadOptions { GetEnvironmentVariable = _ => null });

    [Fact]
    public void Stock_file_loads_without_any_diagnostic()
    {
        // The stock file includes /etc/falco/config.d, which must not exist on a test machine.
        Assert.False(Directory.Exists("/etc/falco/config.d"), "this test needs a machine without /etc/falco/config.d");
        var result = LoadStock();
        ConfigAssert.Clean(result);
        Assert.Equal([new LoadedConfigFile(StockPath, "ok")], result.Files);
    }

    [Fact]
    public void Stock_file_gives_the_values_it_writes()
    {
        var config = ConfigAssert.Clean(LoadStock());

        Assert.Equal([StockPath], config.ConfigFiles);
        Assert.True(config.WatchConfigFiles);
        Assert.Equal(["/etc/falco/falco_rules.yaml", "/etc/falco/falco_rules.local.yaml", "/etc/falco/rules.d"], config.ConfiguredRulesFiles);
        Assert.Equal(config.ConfiguredRulesFiles.Where(Path.Exists), config.RulesFiles);
        Assert.Empty(config.RuleSelections);

        // load_plugins: [] loads nothing, although the container plugin is configured.
        Assert.Equal([], config.LoadPlugins!);
        Assert.Empty(config.Plugins);
        var container = Assert.Single(config.PluginDefinitions);
        Assert.Equal("container", container.Name);
        Assert.Equal("libcontainer.so", container.RawLibraryPath);
        Assert.Equal("/usr/share/falco/plugins/libcontainer.so", container.LibraryPath);
        Assert.Equal("""{"label_max_len":100,"with_size":false}""", container.InitConfig);
        Assert.Equal("", container.OpenParams);
        Assert.Equal(FalcoConfiguration.FalcoPluginsDirectory, config.PluginsDirectory);
        Assert.True(config.PluginsHostInfo);

        Assert.False(config.TimeFormatIso8601);
        Assert.False(config.BufferFormatBase64);
        Assert.Equal(Priority.Debug, config.MinimumPriority);
        Assert.False(config.JsonOutput);
        Assert.True(config.JsonIncludeOutputProperty);
        Assert.False(config.JsonIncludeMessageProperty);
        Assert.True(config.JsonIncludeOutputFieldsProperty);
        Assert.True(config.JsonIncludeTagsProperty);
        Assert.False(config.BufferedOutputs);
        Assert.Equal(RuleMatching.First, config.RuleMatching);
        Assert.Equal(new OutputsQueueConfig(FalcoConfiguration.DefaultOutputsQueueCapacity, 0), config.OutputsQueue);

        var append = Assert.Single(config.AppendOutput);
        Assert.True(append.SuggestedOutput);
        Assert.Null(append.Source);
        Assert.Null(append.Rule);
        Assert.Empty(append.Tags);
        Assert.Null(append.ExtraOutput);
        Assert.Empty(append.ExtraFields);
        Assert.Empty(config.StaticFields);

        Assert.True(config.StdoutOutputEnabled);
        Assert.True(config.SyslogOutputEnabled);
        Assert.Equal(new FileOutputOptions { Enabled = false, KeepAlive = false, Filename = "./events.txt" }, config.FileOutput);
        Assert.Equal(new HttpOutputOptions(), config.HttpOutput);
        Assert.Equal(new ProgramOutputOptions { Enabled = false, KeepAlive = false, Program = "jq '{text: .output}' | curl -d @- -X POST https://hooks.slack.com/services/XXX" }, config.ProgramOutput);

        Assert.True(config.LogStderr);
        Assert.True(config.LogSyslog);
        Assert.Equal(LogLevel.Info, config.LogLevel);
        Assert.Equal(new LibsLoggerConfig(true, LibsLogSeverity.Info), config.LibsLogger);
        Assert.Equal(2000u, config.OutputTimeout);
    }

    [Fact]
    public void Empty_configuration_gives_Falco_built_in_defaults()
    {
        var config = ConfigAssert.Clean(ConfigurationLoader.LoadContent("", []));

        // Falco 0.44's defaults when a key is absent (configuration.cpp), which differ from the
        // stock file for the outputs, log_stderr and append_output.
        Assert.True(config.WatchConfigFiles);
        Assert.Empty(config.RulesFiles);
        Assert.Null(config.LoadPlugins);
        Assert.Empty(config.Plugins);
        Assert.True(config.PluginsHostInfo);
        Assert.Equal(Priority.Debug, config.MinimumPriority);
        Assert.Equal(RuleMatching.First, config.RuleMatching);
        Assert.False(config.JsonOutput);
        Assert.True(config.JsonIncludeOutputProperty);
        Assert.True(config.JsonIncludeTagsProperty);
        Assert.False(config.JsonIncludeMessageProperty);
        Assert.True(config.JsonIncludeOutputFieldsProperty);
        Assert.False(config.TimeFormatIso8601);
        Assert.False(config.BufferFormatBase64);
        Assert.Empty(config.AppendOutput);
        Assert.False(config.BufferedOutputs);
        Assert.Equal(10_000, config.OutputsQueue.Capacity);
        Assert.Equal(2000u, config.OutputTimeout);
        Assert.False(config.StdoutOutputEnabled);
        Assert.False(config.SyslogOutputEnabled);
        Assert.Equal(new FileOutputOptions { Enabled = false, KeepAlive = false, Filename = "" }, config.FileOutput);
        Assert.Equal(new ProgramOutputOptions { Enabled = false, KeepAlive = false, Program = "" }, config.ProgramOutput);
        var http = config.HttpOutput;
        Assert.Equal(
            (false, "", "falcosecurity/falco", false, "", "", "/etc/ssl/certs", false, "/etc/ssl/certs/client.crt", "/etc/ssl/certs/client.key", false, false, false, (byte)5),
            (http.Enabled, http.Url, http.UserAgent, http.Insecure, http.CaCert, http.CaBundle, http.CaPath, http.Mtls, http.ClientCert, http.ClientKey, http.Echo, http.CompressUploads, http.KeepAlive, http.MaxConsecutiveTimeouts));
        Assert.Equal(LogLevel.Info, config.LogLevel);
        Assert.False(config.LogStderr);
        Assert.True(config.LogSyslog);
        Assert.Equal(new LibsLoggerConfig(true, LibsLogSeverity.Info), config.LibsLogger);
        Assert.Equal("/usr/share/falco/plugins/", config.PluginsDirectory);
    }

    [Fact]
    public void Default_instance_equals_an_empty_load()
    {
        var loaded = ConfigAssert.Clean(ConfigurationLoader.LoadContent("", [])) with { ConfigFiles = [] };
        Assert.Equal(JsonSerializer.Serialize(FalcoConfiguration.Default), JsonSerializer.Serialize(loaded));
    }

    /// <summary>Every top-level key of the stock file, as Peregrine classifies it.</summary>
    public static TheoryData<string, ConfigKeySupport> StockKeys => new()
    {
        { "config_files", ConfigKeySupport.Supported },
        { "watch_config_files", ConfigKeySupport.Supported },
        { "rules_files", ConfigKeySupport.Supported },
        { "engine", ConfigKeySupport.NotApplicable },
        { "capture", ConfigKeySupport.NotApplicable },
        { "load_plugins", ConfigKeySupport.Supported },
        { "plugins", ConfigKeySupport.Supported },
        { "plugins_hostinfo", ConfigKeySupport.Supported },
        { "time_format_iso_8601", ConfigKeySupport.Supported },
        { "buffer_format_base64", ConfigKeySupport.Supported },
        { "priority", ConfigKeySupport.Supported },
        { "json_output", ConfigKeySupport.Supported },
        { "json_include_output_property", ConfigKeySupport.Supported },
        { "json_include_message_property", ConfigKeySupport.Supported },
        { "json_include_output_fields_property", ConfigKeySupport.Supported },
        { "json_include_tags_property", ConfigKeySupport.Supported },
        { "buffered_outputs", ConfigKeySupport.Supported },
        { "rule_matching", ConfigKeySupport.Supported },
        { "outputs_queue", ConfigKeySupport.Supported },
        { "append_output", ConfigKeySupport.Supported },
        { "stdout_output", ConfigKeySupport.Supported },
        { "syslog_output", ConfigKeySupport.Supported },
        { "file_output", ConfigKeySupport.Supported },
        { "http_output", ConfigKeySupport.Supported },
        { "program_output", ConfigKeySupport.Supported },
        { "webserver", ConfigKeySupport.NotApplicable },
        { "log_stderr", ConfigKeySupport.Supported },
        { "log_syslog", ConfigKeySupport.Supported },
        { "log_level", ConfigKeySupport.Supported },
        { "libs_logger", ConfigKeySupport.Supported },
        { "output_timeout", ConfigKeySupport.Supported },
        { "syscall_event_timeouts", ConfigKeySupport.NotApplicable },
        { "syscall_event_drops", ConfigKeySupport.NotApplicable },
        { "metrics", ConfigKeySupport.NotApplicable },
        { "base_syscalls", ConfigKeySupport.NotApplicable },
        { "falco_libs", ConfigKeySupport.NotApplicable },
    };

    [Theory]
    [MemberData(nameof(StockKeys))]
    public void Every_stock_key_is_classified(string key, ConfigKeySupport expected) =>
        Assert.Equal(expected, ConfigKeys.Classify(key));

    [Fact]
    public void The_classification_table_covers_every_key_of_the_stock_file()
    {
        var topLevel = File.ReadAllLines(StockPath)
            .Where(l => l.Length > 0 && char.IsAsciiLetterLower(l[0]) && l.Contains(':'))
            .Select(l => l[..l.IndexOf(':')])
            .ToList();
        Assert.Equal(StockKeys.Select(row => (string)row[0]), topLevel);
    }

    [Fact]
    public void Older_and_extension_keys_are_classified()
    {
        Assert.Equal(ConfigKeySupport.Removed, ConfigKeys.Classify("grpc"));
        Assert.Equal(ConfigKeySupport.Removed, ConfigKeys.Classify("grpc_output"));
        Assert.Equal(ConfigKeySupport.Extension, ConfigKeys.Classify("plugins_dir"));
        Assert.Equal(ConfigKeySupport.Supported, ConfigKeys.Classify("plugins.init_config"));
        Assert.Equal(ConfigKeySupport.NotApplicable, ConfigKeys.Classify("container_engines.cri.sockets"));
        Assert.Null(ConfigKeys.Classify("rule_files"));
        Assert.Null(ConfigKeys.Classify("http_output.nope"));
    }

    [Fact]
    public void Stock_file_plus_overrides_for_a_plugin_only_setup()
    {
        var result = LoadStock("load_plugins[]=container", "engine.kind=nodriver", "json_output=true");
        var config = ConfigAssert.Clean(result);
        Assert.Equal(["container"], config.LoadPlugins!);
        Assert.Equal("container", Assert.Single(config.Plugins).Name);
        Assert.True(config.JsonOutput);
    }
}
