namespace Peregrine.Plugins;

/// <summary>
/// The type of a plugin field as declared in its fields JSON. The numeric values are the ABI's
/// (<c>ss_plugin_field_type</c>), so a cast converts between the two.
/// </summary>
public enum PluginFieldType : uint
{
    /// <summary><c>uint64</c>.</summary>
    UInt64 = 8,

    /// <summary><c>string</c>.</summary>
    String = 9,

    /// <summary><c>reltime</c>: nanoseconds, as a uint64.</summary>
    RelTime = 20,

    /// <summary><c>abstime</c>: nanoseconds since the epoch, as a uint64.</summary>
    AbsTime = 21,

    /// <summary><c>bool</c>.</summary>
    Bool = 25,

    /// <summary><c>ipaddr</c>: 4 or 16 address bytes.</summary>
    IpAddr = 40,

    /// <summary><c>ipnet</c>: 4 or 16 address bytes, compared as a network by the host.</summary>
    IpNet = 41,
}
