using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Abi;

/// <summary><c>ss_plugin_byte_buffer</c>: a length-prefixed byte span, used for ipaddr/ipnet results.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginByteBuffer
{
    /// <summary>Number of bytes at <see cref="Ptr"/> (4 for IPv4, 16 for IPv6).</summary>
    public uint Len;

    /// <summary>The bytes.</summary>
    public void* Ptr;
}
