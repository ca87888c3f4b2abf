using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Abi;

/// <summary>
/// <c>ss_plugin_extract_value_offsets</c> (API 3.11+): optional per-field offsets of the extracted
/// values inside the event. The host sets both pointers to NULL; a plugin that supports offsets
/// points them at arrays of <c>num_fields</c> elements it owns.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginExtractValueOffsets
{
    /// <summary>Start offsets, counted from the start of the event header.</summary>
    public uint* Start;

    /// <summary>Lengths; <c>{0,0}</c> means "no offset" (a computed value).</summary>
    public uint* Length;
}
