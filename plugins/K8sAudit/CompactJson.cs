using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Peregrine.Plugins.K8sAudit;

/// <summary>
/// Writes a JSON value compactly the way upstream's JSON library re-encodes one, so payloads and
/// JSON-valued fields read the same as under Falco: no whitespace, numbers exactly as written, and
/// strings as their plain text (escapes in the input undone, non-ASCII text including emoji kept
/// as it is), escaping only what JSON requires: quote, backslash and control characters.
/// </summary>
internal static class CompactJson
{
    public static void Write(JsonElement value, IBufferWriter<byte> output)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                Put(output, (byte)'{');
                var first = true;
                foreach (var property in value.EnumerateObject())
                {
                    if (!first)
                    {
                        Put(output, (byte)',');
                    }

                    first = false;
                    WriteString(JsonMarshal.GetRawUtf8PropertyName(property), output);
                    Put(output, (byte)':');
                    Write(property.Value, output);
                }

                Put(output, (byte)'}');
                break;
            case JsonValueKind.Array:
                Put(output, (byte)'[');
                var firstElement = true;
                foreach (var element in value.EnumerateArray())
                {
                    if (!firstElement)
                    {
                        Put(output, (byte)',');
                    }

                    firstElement = false;
                    Write(element, output);
                }

                Put(output, (byte)']');
                break;
            case JsonValueKind.String:
                WriteString(JsonMarshal.GetRawUtf8Value(value)[1..^1], output);
                break;
            default:
                // Numbers, true, false and null: exactly as written.
                output.Write(JsonMarshal.GetRawUtf8Value(value));
                break;
        }
    }

    /// <summary>
    /// Writes a quoted string given as it appears between its quotes: as it is when it has no
    /// escapes (valid JSON then holds no quote, backslash or control character), else its text
    /// escaped again where JSON requires.
    /// </summary>
    public static void WriteString(ReadOnlySpan<byte> raw, IBufferWriter<byte> output)
    {
        Put(output, (byte)'"');
        if (raw.IndexOf((byte)'\\') < 0)
        {
            output.Write(raw);
        }
        else
        {
            byte[]? rented = null;
            var text = raw.Length <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
            WriteEscaped(text[..JsonEscapes.Unescape(raw, text)], output);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        Put(output, (byte)'"');
    }

    private static void WriteEscaped(ReadOnlySpan<byte> text, IBufferWriter<byte> output)
    {
        Span<byte> escape = stackalloc byte[6];
        var plain = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 0x20 && c != '"' && c != '\\')
            {
                continue;
            }

            output.Write(text[plain..i]);
            var length = 2;
            escape[0] = (byte)'\\';
            switch (c)
            {
                case (byte)'"':
                case (byte)'\\':
                    escape[1] = c;
                    break;
                case (byte)'\n':
                    escape[1] = (byte)'n';
                    break;
                case (byte)'\r':
                    escape[1] = (byte)'r';
                    break;
                case (byte)'\t':
                    escape[1] = (byte)'t';
                    break;
                case (byte)'\b':
                    escape[1] = (byte)'b';
                    break;
                case (byte)'\f':
                    escape[1] = (byte)'f';
                    break;
                default:
                    "u00"u8.CopyTo(escape[1..]);
                    escape[4] = HexDigit(c >> 4);
                    escape[5] = HexDigit(c & 0xF);
                    length = 6;
                    break;
            }

            output.Write(escape[..length]);
            plain = i + 1;
        }

        output.Write(text[plain..]);
    }

    private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'a' + value - 10);

    private static void Put(IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
