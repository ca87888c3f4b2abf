using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Peregrine.Engine.Outputs;

/// <summary>
/// Opens a file for appending the way <c>fopen(path, "a")</c> does: created if missing
/// (mode 0666 less the umask) and opened with <c>O_APPEND</c>, so every write lands at the end
/// of the file even when someone else writes to it or truncates it (log rotation by copy and
/// truncate). <see cref="FileMode.Append"/> only seeks to the end once, at open, so on Linux the
/// file is opened through libc; elsewhere it falls back to <see cref="FileMode.Append"/>.
/// </summary>
internal static unsafe class AppendFile
{
    private const int OWronly = 0x1;
    private const int OCreat = 0x40;
    private const int OAppend = 0x400;
    private const int OCloexec = 0x80000;

    private static readonly delegate* unmanaged[Cdecl]<byte*, int, uint, int> Open3 = ResolveOpen();

    /// <summary>Opens <paramref name="path"/>; the stream does no buffering of its own.</summary>
    /// <exception cref="IOException">With the system's reason.</exception>
    public static Stream Open(string path)
    {
        if (Open3 == null)
        {
            return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        }

        var bytes = new byte[System.Text.Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
        var length = System.Text.Encoding.UTF8.GetBytes(path, bytes);
        bytes[length] = 0;
        int fd;
        fixed (byte* p = bytes)
        {
            Marshal.SetLastSystemError(0);
            fd = Open3(p, OWronly | OCreat | OAppend | OCloexec, 0x1B6 /* 0666 */);
            if (fd < 0)
            {
                var errno = Marshal.GetLastSystemError();
                throw new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
            }
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            return new FileStream(handle, FileAccess.Write, bufferSize: 0);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static delegate* unmanaged[Cdecl]<byte*, int, uint, int> ResolveOpen()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        foreach (var name in new[] { "libc.so.6", "libc.so", "libc" })
        {
            if (NativeLibrary.TryLoad(name, out var lib) && NativeLibrary.TryGetExport(lib, "open", out var open))
            {
                return (delegate* unmanaged[Cdecl]<byte*, int, uint, int>)open;
            }
        }

        return null;
    }
}
