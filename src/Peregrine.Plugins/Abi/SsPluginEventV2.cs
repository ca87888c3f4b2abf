using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Abi;

/// <summary>
/// <c>ss_plugin_event</c> as defined by API 2.0 (32 bytes, natural alignment): the payload of one
/// event, without any libscap header. <c>next_batch</c> returns a contiguous array of these; the
/// host wraps each payload into a <see cref="PluginEventLayout.PluginEventType"/> event itself.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginEventV2
{
    /// <summary>Event number; assigned by the host, plugins need not fill it.</summary>
    public ulong EvtNum;

    /// <summary>The payload.</summary>
    public byte* Data;

    /// <summary>Payload length in bytes.</summary>
    public uint DataLen;

    /// <summary>Timestamp in ns since the epoch; <c>UINT64_MAX</c> means "now".</summary>
    public ulong Ts;
}
