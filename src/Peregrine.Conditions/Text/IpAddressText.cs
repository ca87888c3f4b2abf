namespace Peregrine.Conditions.Text;

/// <summary>
/// IP address text in both directions with the C library's rules, which are stricter than
/// <see cref="System.Net.IPAddress.TryParse(string, out System.Net.IPAddress)"/>: dotted quads
/// need exactly four decimal parts without leading zeros, and IPv6 needs proper groups.
/// </summary>
public static class IpAddressText
{
    /// <summary><c>inet_pton(AF_INET)</c>: true with the 4 network-order bytes.</summary>
    public static bool TryParseV4(ReadOnlySpan<char> text, Span<byte> address)
    {
        var octets = 0;
        var sawDigit = false;
        var current = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                if (sawDigit && current == 0) return false; // leading zero
                current = current * 10 + (c - '0');
                if (current > 255) return false;
                if (!sawDigit)
                {
                    if (++octets > 4) return false;
                    sawDigit = true;
                }
            }
            else if (c == '.' && sawDigit)
            {
                if (octets == 4) return false;
                address[octets - 1] = (byte)current;
                current = 0;
                sawDigit = false;
            }
            else
            {
                return false;
            }
        }
        if (octets < 4 || !sawDigit) return false;
        address[3] = (byte)current;
        return true;
    }

    /// <summary><c>inet_pton(AF_INET6)</c> without the embedded dotted-quad form: true with 16 bytes.</summary>
    public static bool TryParseV6(ReadOnlySpan<char> text, Span<byte> address)
    {
        Span<ushort> groups = stackalloc ushort[8];
        var count = 0;
        var gap = -1;
        var i = 0;
        if (text.Length >= 1 && text[0] == ':')
        {
            if (text.Length < 2 || text[1] != ':') return false;
            i = 1;
        }
        var digits = 0;
        var value = 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            var hex = HexValue(c);
            if (hex >= 0)
            {
                if (++digits > 4) return false;
                value = (value << 4) | hex;
                continue;
            }
            if (c != ':') return false;
            if (digits == 0)
            {
                if (gap >= 0) return false; // a second "::"
                gap = count;
                continue;
            }
            if (i == text.Length - 1) return false; // trailing single ':'
            if (count == 8) return false;
            groups[count++] = (ushort)value;
            digits = 0;
            value = 0;
        }
        if (digits > 0)
        {
            if (count == 8) return false;
            groups[count++] = (ushort)value;
        }
        if (gap >= 0)
        {
            if (count == 8) return false;
            var moved = count - gap;
            for (var k = 0; k < moved; k++) groups[7 - k] = groups[count - 1 - k];
            for (var k = gap; k < 8 - moved; k++) groups[k] = 0;
        }
        else if (count != 8)
        {
            return false;
        }
        for (var k = 0; k < 8; k++)
        {
            address[2 * k] = (byte)(groups[k] >> 8);
            address[2 * k + 1] = (byte)groups[k];
        }
        return true;
    }

    /// <summary><c>inet_ntop</c>: dotted quad for 4 bytes, compressed RFC 5952 text for 16.</summary>
    public static string Format(ReadOnlySpan<byte> address)
    {
        if (address.Length == 4) return $"{address[0]}.{address[1]}.{address[2]}.{address[3]}";
        if (address.Length != 16) return "";
        Span<ushort> groups = stackalloc ushort[8];
        for (var k = 0; k < 8; k++) groups[k] = (ushort)((address[2 * k] << 8) | address[2 * k + 1]);

        // The longest run of two or more zero groups is written "::" (the first one on ties).
        int bestStart = -1, bestLen = 0;
        for (var k = 0; k < 8;)
        {
            if (groups[k] != 0) { k++; continue; }
            var start = k;
            while (k < 8 && groups[k] == 0) k++;
            if (k - start > bestLen) { bestStart = start; bestLen = k - start; }
        }
        if (bestLen < 2) bestStart = -1;

        // IPv4-mapped and -compatible forms keep the dotted tail, as glibc prints them.
        if (bestStart == 0 && (bestLen == 6 || (bestLen == 5 && groups[5] == 0xffff)))
        {
            var prefix = bestLen == 6 ? "::" : "::ffff:";
            return prefix + Format(address[12..]);
        }

        var sb = new System.Text.StringBuilder(40);
        for (var k = 0; k < 8; k++)
        {
            if (k == bestStart)
            {
                sb.Append("::");
                k += bestLen - 1;
                continue;
            }
            if (sb.Length > 0 && sb[^1] != ':') sb.Append(':');
            sb.Append(groups[k].ToString("x"));
        }
        return sb.ToString();
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
