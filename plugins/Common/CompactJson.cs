using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Peregrine.Plugins.Common;

/// <summary>
/// Writes JSON text back out the way upstream's JSON library (fastjson) re-encodes a parsed value:
/// the whitespace between tokens goes, and every other byte is copied as written. Strings keep
/// their escapes (<c>\u003c</c>, <c>\/</c>, ...) and numbers their spelling (<c>1.50e3</c>), so
/// a value that is written out and compared reads exactly as it does under Falco.
/// </summary>
public static class CompactJson
{
    /// <summary>Appends <paramref name="value"/>'s original text without insignificant whitespace.</summary>
    public static void Write(JsonElement value, IBufferWriter<byte> output) =>
        Write(JsonMarshal.GetRawUtf8Value(value), output);

    /// <summary>Appends <paramref name="json"/>, valid JSON text, without insignificant whitespace.</summary>
    public static void Write(ReadOnlySpan<byte> json, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(json.Length);
        var length = 0;
        var inString = false;
        var escaped = false;
        foreach (var b in json)
        {
            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == (byte)'\\')
                {
                    escaped = true;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                continue;
            }
            else if (b == (byte)'"')
            {
                inString = true;
            }

            span[length++] = b;
        }

        output.Advance(length);
    }
}
