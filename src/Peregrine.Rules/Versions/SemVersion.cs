namespace Peregrine.Rules.Versions;

/// <summary>
/// A <c>major.minor.patch</c> version read like libsinsp's <c>sinsp_version</c>: three
/// <c>%u</c> numbers separated by dots, anything after the third ignored (<c>0.31.0-rc1</c> is
/// 0.31.0). Compatible means same major and at least the requested version.
/// </summary>
public readonly record struct SemVersion(uint Major, uint Minor, uint Patch) : IComparable<SemVersion>
{
    public static bool TryParse(string text, out SemVersion version)
    {
        version = default;
        var i = 0;
        if (!ScanUnsigned(text, ref i, out var major) || !Expect(text, ref i, '.')) return false;
        if (!ScanUnsigned(text, ref i, out var minor) || !Expect(text, ref i, '.')) return false;
        if (!ScanUnsigned(text, ref i, out var patch)) return false;
        version = new SemVersion(major, minor, patch);
        return true;
    }

    public bool IsCompatibleWith(SemVersion requested) => Major == requested.Major && CompareTo(requested) >= 0;

    public int CompareTo(SemVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);

    public override string ToString() => $"{Major}.{Minor}.{Patch}";

    private static bool Expect(string text, ref int i, char c)
    {
        if (i >= text.Length || text[i] != c) return false;
        i++;
        return true;
    }

    /// <summary>
    /// glibc's <c>%u</c>: optional C-locale white space and sign, then decimal digits converted as
    /// <c>strtoul</c> does on a 64-bit system (saturating at 2^64-1, a minus sign negating modulo
    /// 2^64), and the result narrowed to the 32-bit destination by keeping its low bits. So
    /// 4294967296 reads as 0 and -1 as 4294967295 (checked against glibc 2.36).
    /// </summary>
    private static bool ScanUnsigned(string text, ref int i, out uint value)
    {
        value = 0;
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r') i++;
        var negative = false;
        if (i < text.Length && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }
        var start = i;
        ulong magnitude = 0;
        var overflow = false;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            var digit = (ulong)(text[i] - '0');
            if (magnitude > (ulong.MaxValue - digit) / 10) overflow = true;
            else magnitude = magnitude * 10 + digit;
            i++;
        }
        if (i == start) return false;
        var converted = overflow ? ulong.MaxValue : negative ? unchecked(0UL - magnitude) : magnitude;
        value = unchecked((uint)converted);
        return true;
    }
}
