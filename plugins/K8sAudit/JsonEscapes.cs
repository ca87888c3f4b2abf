using System.Buffers.Text;
using System.Text;

namespace Peregrine.Plugins.K8sAudit;

/// <summary>
/// Undoes the escapes of a JSON string the way upstream's JSON library does, on text already known
/// to be valid JSON. It never fails: System.Text.Json refuses to turn a lone UTF-16 surrogate
/// escape (<c>\ud800</c>) into text, and an audit event holding one must not fail its whole line or
/// extraction. Like upstream, a lone surrogate escape is kept as it is written, and a surrogate
/// escape followed by an escape that does not complete it becomes U+FFFD.
/// </summary>
internal static class JsonEscapes
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
                return written;
            }

            var escape = raw[backslash + 1];
            raw = raw[(backslash + 2)..];
            switch (escape)
            {
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
                    // '"', '\\' and '/' stand for themselves (valid JSON has no other escapes).
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

        var buffer = new byte[raw.Length];
        return Encoding.UTF8.GetString(buffer, 0, Unescape(raw, buffer));
    }

    /// <summary>Decodes <c>\uXXXX</c> (the "\u" already consumed), with a following low surrogate when it is a pair.</summary>
    private static int UnescapeUnicode(ref ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        if (raw.Length < 4 || !Utf8Parser.TryParse(raw[..4], out ushort unit, out var used, 'x') || used != 4)
        {
            "\\u"u8.CopyTo(destination);
            return 2;
        }

        var hex = raw[..4];
        raw = raw[4..];
        if (!char.IsSurrogate((char)unit))
        {
            return new Rune(unit).EncodeToUtf8(destination);
        }

        if (raw.Length < 6 || raw[0] != '\\' || raw[1] != 'u'
            || !Utf8Parser.TryParse(raw.Slice(2, 4), out ushort next, out used, 'x') || used != 4)
        {
            // A lone surrogate: kept as written.
            "\\u"u8.CopyTo(destination);
            hex.CopyTo(destination[2..]);
            return 6;
        }

        raw = raw[6..];
        var rune = char.IsHighSurrogate((char)unit) && char.IsLowSurrogate((char)next)
            ? new Rune((char)unit, (char)next)
            : Rune.ReplacementChar;
        return rune.EncodeToUtf8(destination);
    }
}
