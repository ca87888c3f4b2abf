using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Native;

/// <summary>
/// The dynamic loader, called directly. <c>NativeLibrary.Load</c> cannot be used for plugins: it
/// always passes <c>RTLD_LAZY</c>, so a library with an unresolvable symbol would load and crash
/// later, whereas Falco opens plugins with <c>RTLD_NOW | RTLD_LOCAL</c> and rejects them at once.
/// The four functions are resolved once into function pointers rather than bound lazily on first
/// call, because lazy binding runs <c>dlsym</c> itself and would clear the pending <c>dlerror</c>
/// text between a failed <c>dlopen</c> and the <c>dlerror</c> call that reads it.
/// </summary>
internal static unsafe class LibDl
{
    /// <summary>Resolve every symbol at load time.</summary>
    public const int RtldNow = 0x2;

    /// <summary>Keep the library's symbols out of the global namespace.</summary>
    public const int RtldLocal = 0x0;

    private static readonly delegate* unmanaged[Cdecl]<byte*, int, void*> DlOpen;
    private static readonly delegate* unmanaged[Cdecl]<void*, byte*, void*> DlSym;
    private static readonly delegate* unmanaged[Cdecl]<byte*> DlError;
    private static readonly delegate* unmanaged[Cdecl]<void*, int> DlClose;

    static LibDl()
    {
        // glibc 2.34+ and musl export the dl* functions from libc; older glibc from libdl.
        nint lib = 0;
        foreach (var candidate in new[] { "libc.so.6", "libc.so", "libdl.so.2", "libc" })
        {
            if (NativeLibrary.TryLoad(candidate, out lib) && NativeLibrary.TryGetExport(lib, "dlopen", out _))
            {
                break;
            }

            lib = 0;
        }

        if (lib == 0)
        {
            throw new PlatformNotSupportedException("the dynamic loader (dlopen) was not found; native plugins need Linux");
        }

        DlOpen = (delegate* unmanaged[Cdecl]<byte*, int, void*>)NativeLibrary.GetExport(lib, "dlopen");
        DlSym = (delegate* unmanaged[Cdecl]<void*, byte*, void*>)NativeLibrary.GetExport(lib, "dlsym");
        DlError = (delegate* unmanaged[Cdecl]<byte*>)NativeLibrary.GetExport(lib, "dlerror");
        DlClose = (delegate* unmanaged[Cdecl]<void*, int>)NativeLibrary.GetExport(lib, "dlclose");
    }

    /// <summary>Opens <paramref name="path"/> with Falco's flags; on failure returns null and the loader's message.</summary>
    public static void* Open(string path, out string error)
    {
        var pathUtf8 = NativeText.PinnedUtf8Z(path);
        DlError(); // drop any stale message so the one read below belongs to this call
        var handle = DlOpen(NativeText.PointerOf(pathUtf8), RtldNow | RtldLocal);
        error = handle == null ? NativeText.Copy(DlError()) : string.Empty;
        GC.KeepAlive(pathUtf8);
        return handle;
    }

    /// <summary>Looks up <paramref name="name"/>; null when the library does not export it.</summary>
    public static void* Symbol(void* handle, string name)
    {
        var nameUtf8 = NativeText.PinnedUtf8Z(name);
        var symbol = DlSym(handle, NativeText.PointerOf(nameUtf8));
        GC.KeepAlive(nameUtf8);
        return symbol;
    }

    /// <summary>Drops one reference to the library.</summary>
    public static void Close(void* handle)
    {
        if (handle != null)
        {
            _ = DlClose(handle);
        }
    }
}
