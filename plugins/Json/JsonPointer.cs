using System.Globalization;
using System.Text.Json;
using Peregrine.Plugins.Common;

namespace Peregrine.Plugins.Json;

/// <summary>
/// Follows the argument of json.value through a payload the way upstream does. It is a JSON pointer
/// (RFC 6901) read leniently, and Falco rules are written against that leniency:
/// <list type="bullet">
/// <item>"" is the whole document, and the leading "/" is optional ("user/name" is "/user/name");</item>
/// <item>in a token "~1" is replaced by "/" and then "~0" by "~"; any other "~" is plain text;</item>
/// <item>an array index is whatever Go's <c>strconv.Atoi</c> reads ("01", "+1" and "-0" too), within the array;</item>
/// <item>a step into an object takes its first member of that name (see <see cref="JsonMembers"/>).</item>
/// </list>
/// </summary>
internal static class JsonPointer
{
    public static bool TryResolve(JsonElement root, ReadOnlySpan<char> pointer, out JsonElement found)
    {
        found = root;
        if (pointer.IsEmpty)
        {
            return true;
        }

        var rest = pointer[0] == '/' ? pointer[1..] : pointer;
        Span<char> buffer = rest.Length <= 256 ? stackalloc char[256] : new char[rest.Length];
        while (true)
        {
            var slash = rest.IndexOf('/');
            var token = Unescape(slash < 0 ? rest : rest[..slash], buffer);
            if (!TryStep(ref found, token))
            {
                return false;
            }

            if (slash < 0)
            {
                return true;
            }

            rest = rest[(slash + 1)..];
        }
    }

    /// <summary>The token with "~1" replaced by "/", then "~0" by "~", each pass left to right as Go's strings.Replace.</summary>
    private static ReadOnlySpan<char> Unescape(ReadOnlySpan<char> raw, Span<char> buffer)
    {
        var length = Replace(raw, '1', '/', buffer);
        return buffer[..Replace(buffer[..length], '0', '~', buffer)];
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> (which may be the same memory), replacing "~<paramref name="code"/>".</summary>
    private static int Replace(ReadOnlySpan<char> source, char code, char replacement, Span<char> destination)
    {
        var length = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '~' && i + 1 < source.Length && source[i + 1] == code)
            {
                destination[length++] = replacement;
                i++;
            }
            else
            {
                destination[length++] = source[i];
            }
        }

        return length;
    }

    private static bool TryStep(ref JsonElement current, ReadOnlySpan<char> token)
    {
        switch (current.ValueKind)
        {
            case JsonValueKind.Object:
                return JsonMembers.TryGetFirst(current, token, out current);
            case JsonValueKind.Array:
                // strconv.Atoi: an optional sign and decimal digits that fit 64 bits; negative is never there.
                if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index)
                    || index < 0 || index >= current.GetArrayLength())
                {
                    return false;
                }

                current = current[(int)index];
                return true;
            default:
                return false;
        }
    }
}
