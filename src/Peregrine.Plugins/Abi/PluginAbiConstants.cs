namespace Peregrine.Plugins.Abi;

/// <summary>Numeric constants of the plugin ABI that are not event layout offsets.</summary>
public static class PluginAbiConstants
{
    /// <summary>
    /// Size of the error buffers exchanged with plugins in API 3.x (<c>PLUGIN_MAX_ERRLEN</c>), for
    /// example the <c>err</c> argument of the async event handler.
    /// </summary>
    public const int MaxErrorLength = 1024;

    /// <summary>The same limit in API 2.0, where it was defined by the loader header.</summary>
    public const int LegacyMaxErrorLength = 2048;
}
