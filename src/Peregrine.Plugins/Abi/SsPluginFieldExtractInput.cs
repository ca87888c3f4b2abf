using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Abi;

/// <summary><c>ss_plugin_field_extract_input</c> (API 3.x, 80 bytes): the request side of <c>plugin_extract_fields</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginFieldExtractInput
{
    /// <summary>Opaque owner handle.</summary>
    public void* Owner;

    /// <summary>Returns the owner's last error, or NULL.</summary>
    public delegate* unmanaged[Cdecl]<void*, byte*> GetOwnerLastError;

    /// <summary>Number of elements at <see cref="Fields"/>.</summary>
    public uint NumFields;

    /// <summary>The requests; the plugin fills their results.</summary>
    public SsPluginExtractField* Fields;

    /// <summary>Deprecated embedded reader vtable.</summary>
    public SsPluginTableReaderVtable TableReader;

    /// <summary>Reader vtable (API 3.1+).</summary>
    public SsPluginTableReaderVtableExt* TableReaderExt;

    /// <summary>Optional value offsets (API 3.11+); may be NULL.</summary>
    public SsPluginExtractValueOffsets* ValueOffsets;
}
