namespace Peregrine.Plugins.K8sAudit.Extraction;

/// <summary>
/// Finds a query parameter in a request URI with the rules of Go's <c>net/url</c>, which upstream
/// uses: a URI that does not parse has no parameters; pairs are split on '&amp;', keys and values are
/// unescaped ('+' is a space, %XX a byte); and a malformed pair anywhere (a ';', a bad escape)
/// makes the whole query unreadable, as Go then reports an error.
/// </summary>
internal static class UriQuery
{
    /// <summary>
    /// Adds the first value of parameter <paramref name="wanted"/> (UTF-8) of <paramref name="uri"/> to
    /// <paramref name="values"/>. Neither span may point into <paramref name="values"/>, which may move as it grows.
    /// </summary>
    /// <returns>Whether the parameter was found.</returns>
    public static bool TryAddFirst(ReadOnlySpan<byte> uri, ReadOnlySpan<byte> wanted, ExtractedValues values)
    {
        if (!TrySplitQuery(uri, out var query))
        {
            return false;
        }

        // Every pair is checked, not only up to the match: Go reports an error for any bad pair.
        var foundStart = -1;
        var foundLength = 0;
        var scratch = values.BeginValue();
        while (!query.IsEmpty)
        {
            var amp = query.IndexOf((byte)'&');
            var pair = amp < 0 ? query : query[..amp];
            query = amp < 0 ? [] : query[(amp + 1)..];
            if (pair.IndexOf((byte)';') >= 0)
            {
                return false;
            }

            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf((byte)'=');
            var rawKey = equals < 0 ? pair : pair[..equals];
            var rawValue = equals < 0 ? [] : pair[(equals + 1)..];
            var keyStart = values.BeginValue();
            if (!TryUnescape(rawKey, values))
            {
                return false;
            }

            var matches = foundStart < 0 && values.Written(keyStart).SequenceEqual(wanted);
            values.Rewind(keyStart);
            var valueStart = values.BeginValue();
            if (!TryUnescape(rawValue, values))
            {
                return false;
            }

            if (matches)
            {
                // Kept where it is; later pairs are written after it.
                foundStart = valueStart;
                foundLength = values.BeginValue() - valueStart;
            }
            else
            {
                values.Rewind(valueStart);
            }
        }

        if (foundStart < 0)
        {
            values.Rewind(scratch);
            return false;
        }

        values.AddRange(foundStart, foundLength);
        return true;
    }

    /// <summary>
    /// The raw query of <paramref name="uri"/>, or false when Go's <c>url.Parse</c> would refuse the
    /// URI: a control character, a bad % escape in the path or fragment, a scheme that is empty, or a
    /// colon in the first segment of a relative path.
    /// </summary>
    private static bool TrySplitQuery(ReadOnlySpan<byte> uri, out ReadOnlySpan<byte> query)
    {
        query = default;
        foreach (var b in uri)
        {
            if (b < 0x20 || b == 0x7f)
            {
                return false;
            }
        }

        var hash = uri.IndexOf((byte)'#');
        if (hash >= 0)
        {
            if (!HasValidEscapes(uri[(hash + 1)..]))
            {
                return false;
            }

            uri = uri[..hash];
        }

        var question = uri.IndexOf((byte)'?');
        var rest = question < 0 ? uri : uri[..question];
        query = question < 0 ? [] : uri[(question + 1)..];
        if (rest.Length > 0 && rest[0] == ':')
        {
            return false; // "missing protocol scheme"
        }

        if (!HasScheme(rest) && !rest.IsEmpty && rest[0] != '/')
        {
            var slash = rest.IndexOf((byte)'/');
            var segment = slash < 0 ? rest : rest[..slash];
            if (segment.IndexOf((byte)':') >= 0)
            {
                return false; // "first path segment in URL cannot contain colon"
            }
        }

        return HasValidEscapes(rest);
    }

    private static bool HasScheme(ReadOnlySpan<byte> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetter((char)c) || (i > 0 && (char.IsAsciiDigit((char)c) || c is (byte)'+' or (byte)'-' or (byte)'.')))
            {
                continue;
            }

            return c == ':' && i > 0;
        }

        return false;
    }

    private static bool HasValidEscapes(ReadOnlySpan<byte> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%')
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
        }

        return true;
    }

    /// <summary>Go's <c>QueryUnescape</c>: '+' is a space, %XX the byte XX; a broken escape is an error.</summary>
    private static bool TryUnescape(ReadOnlySpan<byte> text, ExtractedValues output)
    {
        Span<byte> one = stackalloc byte[1];
        var plain = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '%' && c != '+')
            {
                continue;
            }

            output.Append(text[plain..i]);
            if (c == '+')
            {
                one[0] = (byte)' ';
            }
            else
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    return false;
                }

                one[0] = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                i += 2;
            }

            output.Append(one);
            plain = i + 1;
        }

        output.Append(text[plain..]);
        return true;
    }

    private static bool IsHex(byte c) => char.IsAsciiHexDigit((char)c);

    private static int HexValue(byte c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
