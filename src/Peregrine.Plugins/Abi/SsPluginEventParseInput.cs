using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Abi;

/// <summary><c>ss_plugin_event_parse_input</c> (API 3.x, 112 bytes): the second argument of <c>plugin_parse_event</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginEventParseInput
{
    /// <summary>Opaque owner handle.</summary>
    public void* Owner;

    /// <summary>Returns the owner's last error, or NULL.</summary>
    public delegate* unmanaged[Cdecl]<void*, byte*> GetOwnerLastError;

    /// <summary>Deprecated embedded reader vtable.</summary>
    public SsPluginTableReaderVtable TableReader;

    /// <summary>Deprecated embedded writer vtable.</summary>
    public SsPluginTableWriterVtable TableWriter;

    /// <summary>Reader vtable (API 3.1+).</summary>
    public SsPluginTableReaderVtableExt* TableReaderExt;

    /// <summary>Writer vtable (API 3.1+).</summary>
    public SsPluginTableWriterVtableExt* TableWriterExt;
}
