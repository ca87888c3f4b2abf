namespace Peregrine.Plugins;

/// <summary>
/// A <c>major.minor.patch</c> version, as plugins report their own version and the API version
/// they require. Parsing follows libs exactly: C <c>sscanf("%u.%u.%u")</c>, which skips leading
/// white space before each number, accepts a sign, wraps out-of-range values to 32 bits and
/// ignores anything after the third number (so <c>3.0.0-rc1</c> is 3.0.0).
/// </summary>
public readonly record struct PluginVersion(uint Major, uint Minor, uint Patch) : IComparable<PluginVersion>
{
    /// <summary>Parses <paramref name="text"/> the way libs' <c>sscanf("%u.%u.%u")</c> does.</summary>
    public static bool TryParse(string? text, out PluginVersion version)
    {
        version = default;
        if (text is null)
        {
            return false;
        }

        var position = 0;
        if (!TryScanUnsigned(text, ref position, out var major) || !TryMatch(text, ref position, '.')
            || !TryScanUnsigned(text, ref position, out var minor) || !TryMatch(text, ref position, '.')
            || !TryScanUnsigned(text, ref position, out var patch))
        {
            return false;
        }

        version = new PluginVersion(major, minor, patch);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(PluginVersion other)
    {
        var c = Major.CompareTo(other.Major);
        if (c != 0)
        {
            return c;
        }

        c = Minor.CompareTo(other.Minor);
        return c != 0 ? c : Patch.CompareTo(other.Patch);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Major}.{Minor}.{Patch}";

    // A literal in a scanf format matches exactly one identical character, with no white-space skipping.
    private static bool TryMatch(string text, ref int position, char literal)
    {
        if (position < text.Length && text[position] == literal)
        {
            position++;
            return true;
        }

        return false;
    }

    // %u: skip C-locale white space, optional sign, at least one decimal digit. glibc converts with
    // strtoul semantics: saturate at ULONG_MAX, negate for '-', then store the low 32 bits.
    private static bool TryScanUnsigned(string text, ref int position, out uint value)
    {
        value = 0;
        var p = position;
        while (p < text.Length && text[p] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r')
        {
            p++;
        }

        var negative = false;
        if (p < text.Length && text[p] is '+' or '-')
        {
            negative = text[p] == '-';
            p++;
        }

        var start = p;
        ulong accumulated = 0;
        var saturated = false;
        while (p < text.Length && text[p] is >= '0' and <= '9')
        {
            var digit = (ulong)(text[p] - '0');
            if (!saturated)
            {
                if (accumulated > (ulong.MaxValue - digit) / 10)
                {
                    saturated = true;
                    accumulated = ulong.MaxValue;
                }
                else
                {
                    accumulated = (accumulated * 10) + digit;
                }
            }

            p++;
        }

        if (p == start)
        {
            return false;
        }

        if (negative && !saturated)
        {
            accumulated = unchecked(0UL - accumulated);
        }

        value = unchecked((uint)accumulated);
        position = p;
        return true;
    }
}
