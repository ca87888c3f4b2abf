using System.Runtime.InteropServices;
using System.Text;

namespace Peregrine.Sdk.Export;

/// <summary>
/// A NUL-terminated UTF-8 string in unmanaged memory, returned to a C host: it stays valid until
/// the owner replaces or frees it, as the plugin API requires of returned strings.
/// </summary>
internal unsafe struct NativeText
{
    private byte* _text;

    public byte* Set(string? value)
    {
        Free();
        _text = (byte*)Marshal.StringToCoTaskMemUTF8(value ?? string.Empty);
        return _text;
    }

    public readonly byte* Pointer => _text;

    public void Free()
    {
        if (_text != null)
        {
            Marshal.FreeCoTaskMem((IntPtr)_text);
            _text = null;
        }
    }

    /// <summary>Reads a C string from the host.</summary>
    public static string Read(byte* text) =>
        text == null ? string.Empty : Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(text));
}
