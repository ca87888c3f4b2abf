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

    /// <summary>C's <c>%u</c>: optional white space, optional sign (negatives wrap), digits.</summary>
    private static bool ScanUnsigned(string text, ref int i, out uint value)
    {
        value = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        var negative = false;
        if (i < text.Length && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }
        var start = i;
        ulong magnitude = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            magnitude = Math.Min(magnitude * 10 + (ulong)(text[i] - '0'), uint.MaxValue + 1UL);
            i++;
        }
        if (i == start) return false;
        var clamped = magnitude > uint.MaxValue ? uint.MaxValue : (uint)magnitude;
        value = negative ? unchecked(0u - clamped) : clamped;
        return true;
    }
}
