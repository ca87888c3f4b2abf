using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Abi;

/// <summary>
/// <c>ss_plugin_event</c> (API 3.x): the packed 26-byte libscap event header (<c>ppm_evt_hdr</c>).
/// It is followed in memory by the parameter lengths and data; see <see cref="PluginEventLayout"/>.
/// The API 2.0 struct of the same C name is <see cref="SsPluginEventV2"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct SsPluginEvent
{
    /// <summary>Timestamp in nanoseconds since the epoch; <see cref="PluginEventLayout.TimestampNow"/> means "now".</summary>
    public ulong Ts;

    /// <summary>Thread id; <see cref="PluginEventLayout.NoThread"/> for none.</summary>
    public ulong Tid;

    /// <summary>Total event length in bytes, header included.</summary>
    public uint Len;

    /// <summary>libscap event code.</summary>
    public ushort Type;

    /// <summary>Number of parameters that follow the header.</summary>
    public uint NParams;
}
