namespace Peregrine.Plugins;

/// <summary>Severity of a plugin log message; the values are the ABI's <c>ss_plugin_log_severity</c>.</summary>
public enum PluginLogSeverity
{
    /// <summary>Fatal.</summary>
    Fatal = 1,

    /// <summary>Critical.</summary>
    Critical = 2,

    /// <summary>Error.</summary>
    Error = 3,

    /// <summary>Warning.</summary>
    Warning = 4,

    /// <summary>Notice.</summary>
    Notice = 5,

    /// <summary>Info.</summary>
    Info = 6,

    /// <summary>Debug.</summary>
    Debug = 7,

    /// <summary>Trace.</summary>
    Trace = 8,
}
