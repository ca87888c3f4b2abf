using Peregrine.Rules;
using Peregrine.Engine.Logging;
using Peregrine.Engine.Outputs;

namespace Peregrine.Engine.Configuration;

/// <summary>
/// The configuration Peregrine runs with: <c>falco.yaml</c> (its <c>config_files</c> included and
/// the <c>-o</c> options applied) bound to typed, validated values. Every property not set by the
/// file keeps Falco 0.44's built-in default (what Falco uses when the key is absent, which is
/// not always the value written in the stock <c>falco.yaml</c>). Built by <see cref="ConfigurationLoader"/>.
/// </summary>
public sealed record FalcoConfiguration
{
    /// <summary>Peregrine's outputs queue bound when none is configured (Falco's queue is unbounded).</summary>
    public const long DefaultOutputsQueueCapacity = 10_000;

    /// <summary>Falco's <c>FALCO_ENGINE_PLUGINS_DIR</c>: where relative plugin library paths point by default.</summary>
    public const string FalcoPluginsDirectory = "/usr/share/falco/plugins/";

    /// <summary>What an empty configuration gives: Falco 0.44's defaults.</summary>
    public static FalcoConfiguration Default { get; } = new();

    // ---- Configuration files ----

    /// <summary>The files read: the main file first, then each file merged from <c>config_files</c>, in order.</summary>
    public IReadOnlyList<string> ConfigFiles { get; init; } = [];

    /// <summary><c>watch_config_files</c>: reload when a configuration or rules file changes.</summary>
    public bool WatchConfigFiles { get; init; } = true;

    // ---- Rules ----

    /// <summary>
    /// <c>rules_files</c> (or the deprecated <c>rules_file</c>) as written, in order, keeping only
    /// the paths that exist, as Falco does. Each is a file or a directory:
    /// <see cref="RulesFilePaths.Expand"/> lists the files to load.
    /// </summary>
    public IReadOnlyList<string> RulesFiles { get; init; } = [];

    /// <summary>Every <c>rules_files</c> entry as written, missing paths included.</summary>
    public IReadOnlyList<string> ConfiguredRulesFiles { get; init; } = [];

    /// <summary><c>rules</c>: enable/disable selections, applied in order after the rules are loaded.</summary>
    public IReadOnlyList<RuleSelection> RuleSelections { get; init; } = [];

    /// <summary><c>priority</c>: rules less severe than this are not loaded.</summary>
    public Priority MinimumPriority { get; init; } = Priority.Debug;

    /// <summary><c>rule_matching</c>.</summary>
    public RuleMatching RuleMatching { get; init; } = RuleMatching.First;

    // ---- Plugins ----

    /// <summary>
    /// The plugins to load, in load order: every <c>plugins</c> entry when <c>load_plugins</c> is
    /// absent, else the entries it names, in its order.
    /// </summary>
    public IReadOnlyList<PluginConfig> Plugins { get; init; } = [];

    /// <summary>Every <c>plugins</c> entry, loaded or not.</summary>
    public IReadOnlyList<PluginConfig> PluginDefinitions { get; init; } = [];

    /// <summary><c>load_plugins</c> as written; null when the key is absent (then every entry loads).</summary>
    public IReadOnlyList<string>? LoadPlugins { get; init; }

    /// <summary>
    /// <c>plugins_dir</c> (a Peregrine extension): the directory relative <c>library_path</c>s
    /// resolve against. Defaults to Falco's <see cref="FalcoPluginsDirectory"/>.
    /// </summary>
    public string PluginsDirectory { get; init; } = FalcoPluginsDirectory;

    /// <summary><c>plugins_hostinfo</c>: give plugins host information.</summary>
    public bool PluginsHostInfo { get; init; } = true;

    // ---- Alert format ----

    public bool JsonOutput { get; init; }
    public bool JsonIncludeOutputProperty { get; init; } = true;
    public bool JsonIncludeTagsProperty { get; init; } = true;
    public bool JsonIncludeMessageProperty { get; init; }
    public bool JsonIncludeOutputFieldsProperty { get; init; } = true;
    public bool TimeFormatIso8601 { get; init; }
    public bool BufferFormatBase64 { get; init; }

    /// <summary><c>append_output</c>, in order.</summary>
    public IReadOnlyList<AppendOutputEntry> AppendOutput { get; init; } = [];

    /// <summary><c>static_fields</c> (Falco sandbox feature): <c>static.NAME</c> fields with fixed values.</summary>
    public IReadOnlyDictionary<string, string> StaticFields { get; init; } = new Dictionary<string, string>();

    // ---- Outputs ----

    public bool BufferedOutputs { get; init; }
    public OutputsQueueConfig OutputsQueue { get; init; } = new();

    /// <summary><c>output_timeout</c> in milliseconds: how long an output may block before it is reported as slow.</summary>
    public uint OutputTimeout { get; init; } = 2000;

    public bool StdoutOutputEnabled { get; init; }
    public bool SyslogOutputEnabled { get; init; }
    public FileOutputOptions FileOutput { get; init; } = new();
    public ProgramOutputOptions ProgramOutput { get; init; } = new();
    public HttpOutputOptions HttpOutput { get; init; } = new();

    // ---- Logging ----

    public LogLevel LogLevel { get; init; } = LogLevel.Info;
    public bool LogStderr { get; init; }
    public bool LogSyslog { get; init; } = true;
    public LibsLoggerConfig LibsLogger { get; init; } = new();
}
