using System.Runtime.CompilerServices;
using System.Text;

namespace Peregrine.Plugins.Native;

/// <summary>UTF-8 C strings crossing the ABI.</summary>
internal static unsafe class NativeText
{
    /// <summary>
    /// Copies a C string returned by a plugin. Callers copy at once because plugins may reuse one
    /// buffer for every returned string (the C++ SDK does). NULL reads as the empty string, as in libsinsp.
    /// </summary>
    public static string Copy(byte* text) =>
        text == null ? string.Empty : Encoding.UTF8.GetString(System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpanFromNullTerminated(text));

    /// <summary>
    /// A NUL-terminated UTF-8 copy of <paramref name="text"/> on the pinned object heap: its address
    /// is stable for the array's lifetime, so hot paths can hand it to C without fixing it.
    /// </summary>
    public static byte[] PinnedUtf8Z(string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var bytes = GC.AllocateUninitializedArray<byte>(length + 1, pinned: true);
        Encoding.UTF8.GetBytes(text, bytes);
        bytes[length] = 0;
        return bytes;
    }

    /// <summary>Address of an array allocated by <see cref="PinnedUtf8Z"/>.</summary>
    public static byte* PointerOf(byte[] pinned) => (byte*)Unsafe.AsPointer(ref pinned[0]);
}
