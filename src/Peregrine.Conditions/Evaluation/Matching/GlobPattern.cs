namespace Peregrine.Conditions.Evaluation.Matching;

/// <summary>
/// <c>fnmatch(pattern, text, 0)</c> (or <c>FNM_CASEFOLD</c> for <c>iglob</c>) on bytes:
/// <c>*</c> and <c>?</c> also match <c>/</c> and leading dots, <c>[...]</c> sets with
/// <c>!</c>/<c>^</c>, ranges and POSIX classes, and backslash escapes. The whole text must match.
/// </summary>
internal static class Glob
{
    private enum BracketResult { Match, NoMatch, NotABracket }

    /// <summary>The POSIX character classes of the "C" locale.</summary>
    private static readonly (byte[] Name, Func<char, bool> Test)[] Classes =
    [
        ("alnum"u8.ToArray(), char.IsAsciiLetterOrDigit),
        ("alpha"u8.ToArray(), char.IsAsciiLetter),
        ("blank"u8.ToArray(), c => c is ' ' or '\t'),
        ("cntrl"u8.ToArray(), c => c < 0x20 || c == 0x7f),
        ("digit"u8.ToArray(), char.IsAsciiDigit),
        ("graph"u8.ToArray(), c => c > 0x20 && c < 0x7f),
        ("lower"u8.ToArray(), char.IsAsciiLetterLower),
        ("print"u8.ToArray(), c => c >= 0x20 && c < 0x7f),
        ("punct"u8.ToArray(), c => c > 0x20 && c < 0x7f && !char.IsAsciiLetterOrDigit(c)),
        ("space"u8.ToArray(), c => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r'),
        ("upper"u8.ToArray(), char.IsAsciiLetterUpper),
        ("xdigit"u8.ToArray(), char.IsAsciiHexDigit),
    ];

    public static bool IsMatch(ReadOnlySpan<byte> p, ReadOnlySpan<byte> text, bool ignoreCase)
    {
        // Greedy scan that backtracks to the last '*': enough because '*' matches any run.
        int pi = 0, si = 0, starP = -1, starS = -1;
        while (si < text.Length)
        {
            if (pi < p.Length && StepMatches(p, ref pi, text[si], ignoreCase, out var starSeen))
            {
                if (starSeen)
                {
                    starP = pi;
                    starS = si;
                    continue;
                }
                si++;
                continue;
            }
            if (pi < p.Length && p[pi] == '\\' && pi + 1 >= p.Length) return false; // a trailing backslash never matches
            if (starP < 0) return false;
            pi = starP;
            si = ++starS;
        }
        while (pi < p.Length && p[pi] == '*') pi++;
        return pi == p.Length;
    }

    /// <summary>
    /// Tries the pattern element at <paramref name="pi"/> against one text byte, advancing
    /// <paramref name="pi"/> on success. A run of stars consumes no text and sets <paramref name="star"/>.
    /// </summary>
    private static bool StepMatches(ReadOnlySpan<byte> p, ref int pi, byte ch, bool ignoreCase, out bool star)
    {
        star = false;
        var c = p[pi];
        switch (c)
        {
            case (byte)'*':
                while (pi < p.Length && p[pi] == '*') pi++;
                star = true;
                return true;
            case (byte)'?':
                pi++;
                return true;
            case (byte)'[':
                var result = MatchBracket(p, pi, ch, ignoreCase, out var next);
                if (result == BracketResult.Match)
                {
                    pi = next;
                    return true;
                }
                if (result == BracketResult.NotABracket && Same(c, ch, ignoreCase))
                {
                    pi++;
                    return true;
                }
                return false;
            case (byte)'\\':
                if (pi + 1 >= p.Length || !Same(p[pi + 1], ch, ignoreCase)) return false;
                pi += 2;
                return true;
            default:
                if (!Same(c, ch, ignoreCase)) return false;
                pi++;
                return true;
        }
    }

    private static bool Same(byte a, byte b, bool ignoreCase) =>
        a == b || (ignoreCase && AsciiCase.Lower(a) == AsciiCase.Lower(b));

    private static BracketResult MatchBracket(ReadOnlySpan<byte> p, int start, byte ch, bool ignoreCase, out int next)
    {
        next = start;
        var i = start + 1;
        var negate = i < p.Length && p[i] is (byte)'!' or (byte)'^';
        if (negate) i++;
        var matched = false;
        var first = true;
        while (true)
        {
            if (i >= p.Length) return BracketResult.NotABracket;
            var c = p[i];
            if (c == ']' && !first)
            {
                i++;
                break;
            }
            first = false;
            if (c == '[' && i + 1 < p.Length && p[i + 1] == ':')
            {
                var close = p[(i + 2)..].IndexOf(":]"u8);
                if (close >= 0)
                {
                    if (!TryClass(p.Slice(i + 2, close), ch, ignoreCase, out var inClass)) return BracketResult.NoMatch;
                    matched |= inClass;
                    i += close + 4;
                    continue;
                }
            }
            if (c == '\\')
            {
                if (++i >= p.Length) return BracketResult.NotABracket;
                c = p[i];
            }
            i++;
            if (i + 1 < p.Length && p[i] == '-' && p[i + 1] != ']')
            {
                var hi = p[i + 1];
                i += 2;
                if (hi == '\\' && i < p.Length) hi = p[i++];
                matched |= InRange(ch, c, hi, ignoreCase);
            }
            else
            {
                matched |= Same(c, ch, ignoreCase);
            }
        }
        next = i;
        return matched != negate ? BracketResult.Match : BracketResult.NoMatch;
    }

    private static bool InRange(byte ch, byte lo, byte hi, bool ignoreCase)
    {
        if (ch >= lo && ch <= hi) return true;
        if (!ignoreCase) return false;
        var lower = AsciiCase.Lower(ch);
        var upper = AsciiCase.Upper(ch);
        return (lower >= lo && lower <= hi) || (upper >= lo && upper <= hi);
    }

    /// <summary>False for an unknown class name, which makes the whole match fail as in glibc.</summary>
    private static bool TryClass(ReadOnlySpan<byte> name, byte ch, bool ignoreCase, out bool inClass)
    {
        foreach (var (className, test) in Classes)
        {
            if (!name.SequenceEqual(className)) continue;
            inClass = ch < 0x80 && (test((char)ch)
                                    || (ignoreCase && (test((char)AsciiCase.Lower(ch)) || test((char)AsciiCase.Upper(ch)))));
            return true;
        }
        inClass = false;
        return false;
    }
}

/// <summary>A glob pattern fixed at bind time.</summary>
internal sealed class GlobPattern(byte[] pattern, bool ignoreCase)
{
    public bool IsMatch(ReadOnlySpan<byte> text) => Glob.IsMatch(pattern, text, ignoreCase);
}
