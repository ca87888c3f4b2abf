namespace Peregrine.Conditions.Evaluation.Matching;

/// <summary>
/// ASCII-only case folding, as the C library does in the "C" locale: bytes outside A-Z/a-z
/// (including every byte of a multi-byte UTF-8 character) compare exactly.
/// </summary>
internal static class AsciiCase
{
    public static byte Lower(byte c) => c is >= (byte)'A' and <= (byte)'Z' ? (byte)(c + 32) : c;

    public static byte Upper(byte c) => c is >= (byte)'a' and <= (byte)'z' ? (byte)(c - 32) : c;

    public static byte[] ToLower(ReadOnlySpan<byte> s)
    {
        var result = new byte[s.Length];
        for (var i = 0; i < s.Length; i++) result[i] = Lower(s[i]);
        return result;
    }

    /// <summary><c>strcasestr</c>: whether <paramref name="needle"/> occurs in <paramref name="haystack"/> ignoring ASCII case.</summary>
    public static bool Contains(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        var lowerNeedle = needle;
        if (lowerNeedle.Length == 0) return true;
        var first = Lower(lowerNeedle[0]);
        var firstUpper = Upper(first);
        var last = haystack.Length - lowerNeedle.Length;
        for (var start = 0; start <= last;)
        {
            var found = first == firstUpper
                ? haystack[start..(last + 1)].IndexOf(first)
                : haystack[start..(last + 1)].IndexOfAny(first, firstUpper);
            if (found < 0) return false;
            start += found;
            if (EqualsLower(haystack.Slice(start, lowerNeedle.Length), lowerNeedle)) return true;
            start++;
        }
        return false;
    }

    private static bool EqualsLower(ReadOnlySpan<byte> s, ReadOnlySpan<byte> lower)
    {
        for (var i = 1; i < lower.Length; i++)
        {
            if (Lower(s[i]) != Lower(lower[i])) return false;
        }
        return true;
    }
}
