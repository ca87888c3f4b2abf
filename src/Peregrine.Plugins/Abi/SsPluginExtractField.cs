using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Abi;

/// <summary>
/// The <c>res</c> union of <see cref="SsPluginExtractField"/>: a pointer to an array of
/// <see cref="SsPluginExtractField.ResLen"/> values whose element type depends on the field type.
/// New result types are always added as pointers, so the union stays pointer-sized.
/// </summary>
[StructLayout(LayoutKind.Explicit)]
public unsafe struct SsPluginExtractResult
{
    /// <summary>string: an array of NUL-terminated strings.</summary>
    [FieldOffset(0)] public byte** Str;

    /// <summary>uint64, reltime, abstime.</summary>
    [FieldOffset(0)] public ulong* U64;

    /// <summary>32-bit values (unused by the current field types).</summary>
    [FieldOffset(0)] public uint* U32;

    /// <summary>bool: an array of <c>ss_plugin_bool</c> (4 bytes each).</summary>
    [FieldOffset(0)] public uint* Boolean;

    /// <summary>ipaddr, ipnet.</summary>
    [FieldOffset(0)] public SsPluginByteBuffer* Buf;
}

/// <summary>
/// <c>ss_plugin_extract_field</c> (API 3.x, 64 bytes): one extraction request and its result.
/// Fields marked "in" are set by the host, "out" by the plugin. The result memory belongs to the
/// plugin and stays valid until the next <c>extract_fields</c> call on the same plugin state.
/// The API 2.0 variant with C <c>bool</c> members is <see cref="SsPluginExtractFieldV2"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginExtractField
{
    /// <summary>out: pointer to the array of values.</summary>
    public SsPluginExtractResult Res;

    /// <summary>out: number of values; 0 means the field has no value for this event.</summary>
    public ulong ResLen;

    /// <summary>in: index of the field in the <c>get_fields</c> array.</summary>
    public uint FieldId;

    /// <summary>in: NUL-terminated field name.</summary>
    public byte* Field;

    /// <summary>in: the text inside <c>[...]</c> for fields that take a key, otherwise NULL.</summary>
    public byte* ArgKey;

    /// <summary>in: the numeric argument; <c>UINT64_MAX</c> when absent (libs 0.24+). Always check <see cref="ArgPresent"/>.</summary>
    public ulong ArgIndex;

    /// <summary>in: <c>ss_plugin_bool</c>, non-zero when an argument was given.</summary>
    public uint ArgPresent;

    /// <summary>in: the field's <see cref="SsPluginFieldType"/>.</summary>
    public uint FType;

    /// <summary>in: <c>ss_plugin_bool</c>, non-zero when the field is declared as a list.</summary>
    public uint FList;
}
