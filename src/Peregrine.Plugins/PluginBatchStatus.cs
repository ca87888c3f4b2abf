namespace Peregrine.Plugins;

/// <summary>
/// Outcome of <see cref="IPluginStream.NextBatch"/>. Events a plugin returned together with
/// TIMEOUT, EOF or FAILURE are delivered first as a <see cref="Success"/> batch; the code is then
/// reported by the following call, without calling the plugin (as libscap does).
/// </summary>
public enum PluginBatchStatus
{
    /// <summary>The batch holds at least one event.</summary>
    Success,

    /// <summary>No events right now; poll again.</summary>
    Timeout,

    /// <summary>The stream is finished.</summary>
    Eof,

    /// <summary>The stream failed; <see cref="IPluginStream.LastError"/> says why. The stream stays failed.</summary>
    Failure,
}
