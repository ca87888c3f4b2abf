namespace Peregrine.Plugins.Abi;

/// <summary><c>ss_plugin_log_severity</c>: severity passed to the host's log function (API 3.3+).</summary>
public enum SsPluginLogSeverity
{
    /// <summary><c>SS_PLUGIN_LOG_SEV_FATAL</c>.</summary>
    Fatal = 1,

    /// <summary><c>SS_PLUGIN_LOG_SEV_CRITICAL</c>.</summary>
    Critical = 2,

    /// <summary><c>SS_PLUGIN_LOG_SEV_ERROR</c>.</summary>
    Error = 3,

    /// <summary><c>SS_PLUGIN_LOG_SEV_WARNING</c>.</summary>
    Warning = 4,

    /// <summary><c>SS_PLUGIN_LOG_SEV_NOTICE</c>.</summary>
    Notice = 5,

    /// <summary><c>SS_PLUGIN_LOG_SEV_INFO</c>.</summary>
    Info = 6,

    /// <summary><c>SS_PLUGIN_LOG_SEV_DEBUG</c>.</summary>
    Debug = 7,

    /// <summary><c>SS_PLUGIN_LOG_SEV_TRACE</c>.</summary>
    Trace = 8,
}
