using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Abi;

/// <summary>
/// <c>ss_plugin_extract_field</c> as defined by API 2.0 (64 bytes, same offsets as 3.x). The two
/// flags are C <c>bool</c> (1 byte) rather than <c>ss_plugin_bool</c>, and the result union only
/// has the string and uint64 members.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginExtractFieldV2
{
    /// <summary>out: the result array (<see cref="SsPluginExtractResult.Str"/> or <see cref="SsPluginExtractResult.U64"/>).</summary>
    public SsPluginExtractResult Res;

    /// <summary>out: number of values.</summary>
    public ulong ResLen;

    /// <summary>in: index of the field in the <c>get_fields</c> array.</summary>
    public uint FieldId;

    /// <summary>in: NUL-terminated field name.</summary>
    public byte* Field;

    /// <summary>in: key argument, or NULL.</summary>
    public byte* ArgKey;

    /// <summary>in: index argument (0 when absent in API 2.0 hosts).</summary>
    public ulong ArgIndex;

    /// <summary>in: C <c>bool</c>, 1 when an argument was given.</summary>
    public byte ArgPresent;

    /// <summary>in: <see cref="SsPluginFieldType.UInt64"/> or <see cref="SsPluginFieldType.String"/>.</summary>
    public uint FType;

    /// <summary>in: C <c>bool</c>, 1 when the field is a list.</summary>
    public byte FList;
}
