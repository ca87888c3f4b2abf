namespace Peregrine.Plugins;

/// <summary>Which plugin ABI an instance is driven through.</summary>
public enum PluginAbiVersion
{
    /// <summary>API 2.0 (Falco 0.33/0.34), served through the legacy adapter.</summary>
    V2 = 2,

    /// <summary>API 3.x (Falco 0.35 and later); the host advertises 3.12.0.</summary>
    V3 = 3,

    /// <summary>A managed plugin running in-process; no C ABI involved.</summary>
    Managed = 100,
}
