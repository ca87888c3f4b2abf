using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Abi;

/// <summary><c>ss_plugin_routine_vtable</c> (API 3.7+, 16 bytes): lets a plugin run routines on the host's thread pool.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginRoutineVtable
{
    /// <summary><c>subscribe(owner, fn, state)</c>; the routine returns false to unsubscribe itself.</summary>
    public delegate* unmanaged[Cdecl]<void*, delegate* unmanaged[Cdecl]<void*, void*, uint>, void*, void*> Subscribe;

    /// <summary><c>unsubscribe(owner, routine)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, void*, SsPluginRc> Unsubscribe;
}

/// <summary><c>ss_plugin_capture_listen_input</c> (API 3.7+, 40 bytes): the argument of <c>capture_open</c>/<c>capture_close</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginCaptureListenInput
{
    /// <summary>Opaque owner handle.</summary>
    public void* Owner;

    /// <summary>Thread-pool routines.</summary>
    public SsPluginRoutineVtable* Routine;

    /// <summary>Reader vtable.</summary>
    public SsPluginTableReaderVtableExt* TableReaderExt;

    /// <summary>Writer vtable.</summary>
    public SsPluginTableWriterVtableExt* TableWriterExt;

    /// <summary>Returns the owner's last error, or NULL (API 3.9+, appended).</summary>
    public delegate* unmanaged[Cdecl]<void*, byte*> GetOwnerLastError;
}
