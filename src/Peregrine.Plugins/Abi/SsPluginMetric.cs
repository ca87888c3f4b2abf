using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Abi;

/// <summary><c>ss_plugin_metric_value</c>: an 8-byte union.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
public struct SsPluginMetricValue
{
    /// <summary>uint32.</summary>
    [FieldOffset(0)] public uint U32;

    /// <summary>int32.</summary>
    [FieldOffset(0)] public int S32;

    /// <summary>uint64.</summary>
    [FieldOffset(0)] public ulong U64;

    /// <summary>int64.</summary>
    [FieldOffset(0)] public long S64;

    /// <summary>double.</summary>
    [FieldOffset(0)] public double D;

    /// <summary>float.</summary>
    [FieldOffset(0)] public float F;

    /// <summary>C int.</summary>
    [FieldOffset(0)] public int I;
}

/// <summary><c>ss_plugin_metric</c> (API 3.6+, 32 bytes): one element of the <c>plugin_get_metrics</c> array.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginMetric
{
    /// <summary>NUL-terminated metric name; the host reports it as <c>&lt;plugin&gt;.&lt;name&gt;</c>.</summary>
    public byte* Name;

    /// <summary>Monotonic or not.</summary>
    public SsPluginMetricType Type;

    /// <summary>The value.</summary>
    public SsPluginMetricValue Value;

    /// <summary>Which member of <see cref="Value"/> is set.</summary>
    public SsPluginMetricValueType ValueType;
}
