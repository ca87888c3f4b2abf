using Peregrine.Engine.Configuration.Tree;
using Peregrine.Rules;
using Peregrine.Engine.Logging;

namespace Peregrine.Engine.Configuration.Binding;

/// <summary>
/// Reads the merged configuration tree into a <see cref="FalcoConfiguration"/>, with Falco 0.44's
/// defaults, conversions and messages. Keys are read in the order Falco's <c>load_yaml</c> reads
/// them, so the first error reported is the one Falco would stop at. Unlike Falco, which falls
/// back to the default when a value does not convert, a value of the wrong type is an error.
/// </summary>
internal sealed partial class ConfigurationBinder(ConfigMapping root, ConfigLoadContext context, IReadOnlyList<string> configFiles)
{
    public FalcoConfiguration Bind()
    {
        var logLevel = BindLogLevel();
        var libsLogger = BindLibsLogger();
        var logStderr = Bool(root, "", "log_stderr", false);
        var logSyslog = Bool(root, "", "log_syslog", true);
        var (rulesFiles, configuredRulesFiles) = BindRulesFiles();

        var jsonOutput = Bool(root, "", "json_output", false);
        var jsonIncludeOutput = Bool(root, "", "json_include_output_property", true);
        var jsonIncludeTags = Bool(root, "", "json_include_tags_property", true);
        var jsonIncludeMessage = Bool(root, "", "json_include_message_property", false);
        var jsonIncludeOutputFields = Bool(root, "", "json_include_output_fields_property", true);

        var fileOutput = BindFileOutput();
        var stdoutEnabled = Bool(Section("stdout_output"), "stdout_output.", "enabled", false);
        var syslogEnabled = Bool(Section("syslog_output"), "syslog_output.", "enabled", false);
        var programOutput = BindProgramOutput();
        var httpOutput = BindHttpOutput();
        var outputTimeout = UInt32(root, "", "output_timeout", 2000);

        var ruleMatching = BindRuleMatching();
        var priority = BindPriority();
        var bufferedOutputs = Bool(root, "", "buffered_outputs", false);
        var outputsQueue = BindOutputsQueue();
        var timeFormatIso8601 = Bool(root, "", "time_format_iso_8601", false);
        var bufferFormatBase64 = Bool(root, "", "buffer_format_base64", false);
        var pluginsHostInfo = Bool(root, "", "plugins_hostinfo", true);

        var ruleSelections = BindRuleSelections();
        var appendOutput = BindAppendOutput();
        var staticFields = BindStaticFields();

        var pluginsDirectory = BindPluginsDirectory();
        var definitions = BindPluginDefinitions(pluginsDirectory);
        var (loadPlugins, plugins) = SelectPlugins(definitions);

        var watchConfigFiles = Bool(root, "", "watch_config_files", true);

        return new FalcoConfiguration
        {
            ConfigFiles = configFiles,
            WatchConfigFiles = watchConfigFiles,
            RulesFiles = rulesFiles,
            ConfiguredRulesFiles = configuredRulesFiles,
            RuleSelections = ruleSelections,
            MinimumPriority = priority,
            RuleMatching = ruleMatching,
            Plugins = plugins,
            PluginDefinitions = definitions,
            LoadPlugins = loadPlugins,
            PluginsDirectory = pluginsDirectory,
            PluginsHostInfo = pluginsHostInfo,
            JsonOutput = jsonOutput,
            JsonIncludeOutputProperty = jsonIncludeOutput,
            JsonIncludeTagsProperty = jsonIncludeTags,
            JsonIncludeMessageProperty = jsonIncludeMessage,
            JsonIncludeOutputFieldsProperty = jsonIncludeOutputFields,
            TimeFormatIso8601 = timeFormatIso8601,
            BufferFormatBase64 = bufferFormatBase64,
            AppendOutput = appendOutput,
            StaticFields = staticFields,
            BufferedOutputs = bufferedOutputs,
            OutputsQueue = outputsQueue,
            OutputTimeout = outputTimeout,
            StdoutOutputEnabled = stdoutEnabled,
            SyslogOutputEnabled = syslogEnabled,
            FileOutput = fileOutput,
            ProgramOutput = programOutput,
            HttpOutput = httpOutput,
            LogLevel = logLevel,
            LogStderr = logStderr,
            LogSyslog = logSyslog,
            LibsLogger = libsLogger,
        };
    }

    private LogLevel BindLogLevel()
    {
        var (text, node) = String(root, "", "log_level", "info");
        LogLevel? level = text switch
        {
            "emergency" => LogLevel.Emergency,
            "alert" => LogLevel.Alert,
            "critical" => LogLevel.Critical,
            "error" => LogLevel.Error,
            "warning" => LogLevel.Warning,
            "notice" => LogLevel.Notice,
            "info" => LogLevel.Info,
            "debug" => LogLevel.Debug,
            _ => null,
        };
        if (level is null) Invalid("log_level", $"Unknown log level {text}", node);
        return level ?? LogLevel.Info;
    }

    private LibsLoggerConfig BindLibsLogger()
    {
        var section = Section("libs_logger");
        var enabled = Bool(section, "libs_logger.", "enabled", true);
        var (text, node) = String(section, "libs_logger.", "severity", "info");
        LibsLogSeverity? severity = text switch
        {
            "fatal" => LibsLogSeverity.Fatal,
            "critical" => LibsLogSeverity.Critical,
            "error" => LibsLogSeverity.Error,
            "warning" => LibsLogSeverity.Warning,
            "notice" => LibsLogSeverity.Notice,
            "info" => LibsLogSeverity.Info,
            "debug" => LibsLogSeverity.Debug,
            "trace" => LibsLogSeverity.Trace,
            _ => null,
        };
        // Falco only decodes the severity when the logger is enabled.
        if (severity is null && enabled) Invalid("libs_logger.severity", $"Unknown sinsp log severity {text}", node);
        return new LibsLoggerConfig(enabled, severity ?? LibsLogSeverity.Info);
    }

    private RuleMatching BindRuleMatching()
    {
        var (text, node) = String(root, "", "rule_matching", "first");
        if (text.Equals("first", StringComparison.OrdinalIgnoreCase)) return RuleMatching.First;
        if (text.Equals("all", StringComparison.OrdinalIgnoreCase)) return RuleMatching.All;
        Invalid("rule_matching", $"Unknown rule matching strategy \"{text}\"--must be one of first, all", node);
        return RuleMatching.First;
    }

    private Priority BindPriority()
    {
        var (text, node) = String(root, "", "priority", "debug");
        if (Priorities.TryParse(text, out var priority)) return priority;
        Invalid("priority", $"Unknown priority \"{text}\"--must be one of emergency, alert, critical, error, warning, notice, informational, debug", node);
        return Priority.Debug;
    }

    private OutputsQueueConfig BindOutputsQueue()
    {
        var configured = UInt64(Section("outputs_queue"), "outputs_queue.", "capacity", 0);
        var capacity = configured == 0 ? FalcoConfiguration.DefaultOutputsQueueCapacity : (long)Math.Min(configured, long.MaxValue);
        return new OutputsQueueConfig(capacity, configured);
    }

    private IReadOnlyDictionary<string, string> BindStaticFields()
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        switch (root["static_fields"])
        {
            case null or ConfigScalar { IsNull: true }:
                break;
            case ConfigMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    // std::map assignment: a repeated name keeps its last value.
                    if (entry.Value is ConfigScalar scalar) fields[entry.Key] = scalar.Text;
                    else Invalid("static_fields." + entry.Key, $"expected a string value, found {entry.Value.Describe()}", entry.Value);
                }
                break;
            case var other:
                Invalid("static_fields", $"expected a mapping of field names to values, found {other.Describe()}", other);
                break;
        }
        return fields;
    }
}
