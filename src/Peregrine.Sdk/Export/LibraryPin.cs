using System.Runtime.InteropServices;

namespace Peregrine.Sdk.Export;

/// <summary>
/// Keeps a NativeAOT plugin library mapped for the rest of the process. Its runtime has threads
/// of its own (finalizer, GC) running code inside the library, so a host's <c>dlclose</c> must not
/// unmap it; Falco never unloads plugins, but other hosts (Peregrine's native loader among them)
/// close libraries they are done with. Re-opening itself with <c>RTLD_NODELETE</c> makes every
/// later <c>dlclose</c> harmless.
/// </summary>
internal static unsafe class LibraryPin
{
    private const int RtldLazy = 0x1;
    private const int RtldNoLoad = 0x4;
    private const int RtldNoDelete = 0x1000;

    public static void Pin()
    {
        try
        {
            nint libc = 0;
            foreach (var candidate in new[] { "libc.so.6", "libdl.so.2", "libc" })
            {
                if (NativeLibrary.TryLoad(candidate, out libc) && NativeLibrary.TryGetExport(libc, "dladdr", out _))
                {
                    break;
                }

                libc = 0;
            }

            if (libc == 0 || !NativeLibrary.TryGetExport(libc, "dlopen", out var open) || !NativeLibrary.TryGetExport(libc, "dladdr", out var addr))
            {
                return;
            }

            var dladdr = (delegate* unmanaged[Cdecl]<void*, DlInfo*, int>)addr;
            var dlopen = (delegate* unmanaged[Cdecl]<byte*, int, void*>)open;
            DlInfo info;
            delegate* unmanaged[Cdecl]<void> anchor = &Anchor;
            if (dladdr(anchor, &info) != 0 && info.FileName != null)
            {
                dlopen(info.FileName, RtldLazy | RtldNoLoad | RtldNoDelete);
            }
        }
        catch (Exception)
        {
            // Not being able to pin only matters to hosts that unload plugins.
        }
    }

    /// <summary>Any function of this library: its address tells <c>dladdr</c> which file we are.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static void Anchor()
    {
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct DlInfo
    {
        public byte* FileName;
        public void* FileBase;
        public byte* SymbolName;
        public void* SymbolAddress;
    }
}
