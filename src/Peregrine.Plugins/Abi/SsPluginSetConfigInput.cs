using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Abi;

/// <summary><c>ss_plugin_set_config_input</c> (API 3.4+): the argument of <c>plugin_set_config</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginSetConfigInput
{
    /// <summary>The new config, validated like the init config.</summary>
    public byte* Config;
}
