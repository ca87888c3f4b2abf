namespace Peregrine.Plugins.Abi;

/// <summary><c>ss_plugin_rc</c>: the result code of most plugin functions (a C <c>int</c>).</summary>
public enum SsPluginRc
{
    /// <summary><c>SS_PLUGIN_SUCCESS</c>.</summary>
    Success = 0,

    /// <summary><c>SS_PLUGIN_FAILURE</c>: the plugin's last error says why.</summary>
    Failure = 1,

    /// <summary><c>SS_PLUGIN_TIMEOUT</c>: no events right now, poll again.</summary>
    Timeout = -1,

    /// <summary><c>SS_PLUGIN_EOF</c>: the event stream is finished. (The value is 2; older docs say 6.)</summary>
    Eof = 2,

    /// <summary><c>SS_PLUGIN_NOT_SUPPORTED</c>.</summary>
    NotSupported = 3,
}
