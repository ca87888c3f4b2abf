using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Abi;

/// <summary>
/// <c>ss_plugin_init_input</c> (API 3.x, 40 bytes): the argument of <c>plugin_init</c>.
/// Members were only ever appended, so plugins built for an older minor read a prefix of it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginInitInput
{
    /// <summary>The init config (after schema validation; <c>"{}"</c> for an empty config when a JSON schema exists).</summary>
    public byte* Config;

    /// <summary>Opaque owner handle, stable for the plugin's lifetime.</summary>
    public void* Owner;

    /// <summary>Returns the owner's last error, or NULL when there is none.</summary>
    public delegate* unmanaged[Cdecl]<void*, byte*> GetOwnerLastError;

    /// <summary>The owner's state-table API. Hosts should never pass NULL (the C++ SDK dereferences it).</summary>
    public SsPluginInitTablesInput* Tables;

    /// <summary><c>log_fn(owner, component, msg, severity)</c> (API 3.3+); a NULL component means the plugin name.</summary>
    public delegate* unmanaged[Cdecl]<void*, byte*, byte*, SsPluginLogSeverity, void> LogFn;
}
