using System.Text;

namespace Peregrine.Conditions.Text;

/// <summary>
/// The escaping rules of condition strings. Quoted strings are unescaped once when parsed;
/// values and arguments are escaped again when a tree is printed in canonical form.
/// </summary>
public static class ConditionEscaping
{
    /// <summary>
    /// Unescapes a quoted token given with its delimiters (<c>"..."</c> or <c>'...'</c>). Only the
    /// escapes Falco 0.44 knows are accepted; a backslash before a blank yields a single backslash
    /// and drops the blank, a legacy quirk kept because an upstream rule depends on it.
    /// </summary>
    /// <exception cref="FormatException">An unsupported escape, with Falco's message.</exception>
    public static byte[] Unescape(ReadOnlySpan<byte> quoted)
    {
        var delimiter = quoted[0];
        var body = quoted[1..^1];
        var result = new List<byte>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != (byte)'\\')
            {
                result.Add(c);
                continue;
            }
            if (++i >= body.Length) break; // unreachable: the lexer never ends a string on a backslash
            var e = body[i];
            switch (e)
            {
                case (byte)'b': result.Add((byte)'\b'); break;
                case (byte)'f': result.Add((byte)'\f'); break;
                case (byte)'n': result.Add((byte)'\n'); break;
                case (byte)'r': result.Add((byte)'\r'); break;
                case (byte)'t': result.Add((byte)'\t'); break;
                case (byte)' ':
                case (byte)'\\': result.Add((byte)'\\'); break;
                case (byte)'/': result.Add((byte)'/'); break;
                case (byte)'"':
                    if (delimiter != e) throw new FormatException("invalid \\\" escape in '-quoted string");
                    result.Add(e);
                    break;
                case (byte)'\'':
                    if (delimiter != e) throw new FormatException("invalid \\' escape in \"-quoted string");
                    result.Add(e);
                    break;
                default:
                    throw new FormatException("unsupported string escape sequence: \\" + DescribeByte(body, i));
            }
        }
        return result.ToArray();
    }

    /// <summary>
    /// Escapes a value for the canonical form: quoted when it holds a blank, control character,
    /// <c>=</c>, backslash or quote; only backslash, double quote and control characters are escaped.
    /// </summary>
    public static string Escape(string value)
    {
        StringBuilder? sb = null;
        var quote = false;
        foreach (var c in value)
        {
            string? replacement = c switch
            {
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\\' => "\\\\",
                '"' => "\\\"",
                _ => null,
            };
            if (replacement is not null || c is ' ' or '=' or '\'') quote = true;
            sb ??= new StringBuilder(value.Length + 8);
            if (replacement is null) sb.Append(c); else sb.Append(replacement);
        }
        return quote ? "\"" + sb + "\"" : value;
    }

    private static string DescribeByte(ReadOnlySpan<byte> body, int i)
    {
        // Falco prints the single offending byte; for a multi-byte character we print the whole
        // character so the message stays valid text.
        if (body[i] < 0x80) return ((char)body[i]).ToString();
        var len = body[i] >= 0xF0 ? 4 : body[i] >= 0xE0 ? 3 : 2;
        return Encoding.UTF8.GetString(body.Slice(i, Math.Min(len, body.Length - i)));
    }
}
