namespace Peregrine.Plugins.Abi;

/// <summary>
/// <c>ss_plugin_field_type</c>: the type of an extracted field. The values are libscap's
/// <c>PT_*</c> parameter types. It travels as a <c>uint32_t</c> in <see cref="SsPluginExtractField.FType"/>.
/// API 2.0 only knows <see cref="UInt64"/> and <see cref="String"/>.
/// </summary>
public enum SsPluginFieldType : uint
{
    /// <summary><c>FTYPE_UINT64</c> (<c>PT_UINT64</c>).</summary>
    UInt64 = 8,

    /// <summary><c>FTYPE_STRING</c> (<c>PT_CHARBUF</c>): a NUL-terminated string.</summary>
    String = 9,

    /// <summary><c>FTYPE_RELTIME</c>: a relative time in nanoseconds, as a uint64.</summary>
    RelTime = 20,

    /// <summary><c>FTYPE_ABSTIME</c>: nanoseconds since the epoch, as a uint64.</summary>
    AbsTime = 21,

    /// <summary><c>FTYPE_BOOL</c>: an <c>ss_plugin_bool</c> (4 bytes).</summary>
    Bool = 25,

    /// <summary><c>FTYPE_IPADDR</c>: a 4- or 16-byte address in an <see cref="SsPluginByteBuffer"/>.</summary>
    IpAddr = 40,

    /// <summary><c>FTYPE_IPNET</c>: an address (not a prefix) in an <see cref="SsPluginByteBuffer"/>; compared as a network by the host.</summary>
    IpNet = 41,
}
