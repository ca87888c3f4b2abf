using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Peregrine.Plugins.Common;

/// <summary>
/// Undoes the escapes of a raw JSON string the way upstream's JSON library (fastjson) does: best
/// effort, never failing. System.Text.Json refuses to turn a lone UTF-16 surrogate escape
/// (<c>\ud800</c>) into text and throws, which would fail a whole extraction call or event; upstream
/// keeps such an escape as it is written, and turns a surrogate escape followed by an escape that
/// does not complete it into U+FFFD. An escape it does not know is kept as written too.
/// </summary>
public static class JsonEscapes
{
    /// <summary>
    /// Writes the text of <paramref name="raw"/> (a string's bytes between its quotes) to
    /// <paramref name="destination"/>, which needs at least <paramref name="raw"/>'s length: the text
    /// is never longer than its escaped form.
    /// </summary>
    /// <returns>The bytes written.</returns>
    public static int Unescape(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        var written = 0;
        while (true)
        {
            var backslash = raw.IndexOf((byte)'\\');
            var plain = backslash < 0 ? raw : raw[..backslash];
            plain.CopyTo(destination[written..]);
            written += plain.Length;
            if (backslash < 0 || backslash + 1 >= raw.Length)
            {
                // A backslash that ends the text is dropped, as upstream does.
                return written;
            }

            var escape = raw[backslash + 1];
            raw = raw[(backslash + 2)..];
            switch (escape)
            {
                case (byte)'"' or (byte)'\\' or (byte)'/':
                    destination[written++] = escape;
                    break;
                case (byte)'b':
                    destination[written++] = (byte)'\b';
                    break;
                case (byte)'f':
                    destination[written++] = (byte)'\f';
                    break;
                case (byte)'n':
                    destination[written++] = (byte)'\n';
                    break;
                case (byte)'r':
                    destination[written++] = (byte)'\r';
                    break;
                case (byte)'t':
                    destination[written++] = (byte)'\t';
                    break;
                case (byte)'u':
                    written += UnescapeUnicode(ref raw, destination[written..]);
                    break;
                default:
                    destination[written++] = (byte)'\\';
                    destination[written++] = escape;
                    break;
            }
        }
    }

    /// <summary>The text of a raw JSON string, as a .NET string (for the rare values needed as one).</summary>
    public static string ToText(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(raw);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(raw.Length);
        var text = Encoding.UTF8.GetString(buffer, 0, Unescape(raw, buffer));
        ArrayPool<byte>.Shared.Return(buffer);
        return text;
    }

    /// <summary>Whether the text of the raw JSON string <paramref name="raw"/> is <paramref name="utf8"/>.</summary>
    public static bool TextEquals(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> utf8)
    {
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return raw.SequenceEqual(utf8);
        }

        if (utf8.Length > raw.Length)
        {
            return false;
        }

        byte[]? rented = null;
        var buffer = raw.Length <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        var equal = buffer[..Unescape(raw, buffer)].SequenceEqual(utf8);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return equal;
    }

    /// <summary>Decodes <c>\uXXXX</c> (the "\u" already consumed), with a following low surrogate when it is a pair.</summary>
    private static int UnescapeUnicode(ref ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        if (!TryParseHex(raw, out var unit))
        {
            // Not four hex digits: "\u" kept, and what follows read as plain text.
            "\\u"u8.CopyTo(destination);
            return 2;
        }

        var hex = raw[..4];
        raw = raw[4..];
        if (!char.IsSurrogate((char)unit))
        {
            return new Rune(unit).EncodeToUtf8(destination);
        }

        if (raw.Length < 6 || raw[0] != '\\' || raw[1] != 'u' || !TryParseHex(raw[2..], out var next))
        {
            // A lone surrogate: kept as written.
            "\\u"u8.CopyTo(destination);
            hex.CopyTo(destination[2..]);
            return 6;
        }

        // Upstream consumes the second escape whether or not it completes a pair.
        raw = raw[6..];
        var rune = char.IsHighSurrogate((char)unit) && char.IsLowSurrogate((char)next)
            ? new Rune((char)unit, (char)next)
            : Rune.ReplacementChar;
        return rune.EncodeToUtf8(destination);
    }

    private static bool TryParseHex(ReadOnlySpan<byte> raw, out ushort unit)
    {
        unit = 0;
        return raw.Length >= 4 && Utf8Parser.TryParse(raw[..4], out unit, out var used, 'x') && used == 4;
    }
}
