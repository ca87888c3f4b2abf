using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Peregrine.Conditions.Text;

/// <summary>
/// Falco's <c>regex</c> operator uses RE2 in POSIX mode (no Perl classes such as <c>\d</c>, no
/// <c>(?</c> groups, no word boundaries) with a full match. .NET has no such dialect, so this
/// class reads the pattern with RE2's POSIX grammar, rejects what RE2 rejects with RE2's own
/// messages, and writes an equivalent pattern for a <see cref="RegexOptions.NonBacktracking"/>
/// regex (linear-time, like RE2). Anchored at both ends, leftmost-longest and leftmost-first
/// accept the same strings, so the boolean result is the same.
/// </summary>
public static class Re2PosixPattern
{
    private const int MaxRepeat = 1000;
    private const int MaxRune = 0x10FFFF;

    /// <summary>Compiles a pattern, or returns RE2's error text (e.g. <c>invalid escape sequence: \d</c>).</summary>
    public static Regex? Compile(string pattern, out string? error)
    {
        try
        {
            var translated = new Translator(pattern).Translate();
            error = null;
            return new Regex(@"\A(?:" + translated + @")\z",
                RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (Re2SyntaxException e)
        {
            error = e.Message;
            return null;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            error = "pattern too large - compile failed";
            return null;
        }
    }

    private sealed class Re2SyntaxException(string message) : Exception(message);

    private sealed class Translator(string pattern)
    {
        private readonly int[] _runes = ToRunes(pattern);
        private int _i;

        public string Translate()
        {
            var result = ParseAlternation(topLevel: true, out _);
            return result;
        }

        private bool AtEnd => _i >= _runes.Length;
        private int Peek(int ahead = 0) => _i + ahead < _runes.Length ? _runes[_i + ahead] : -1;

        /// <summary>Alternatives up to a ')' or the end; reports the largest repeat product inside.</summary>
        private string ParseAlternation(bool topLevel, out int repeatProduct)
        {
            var alternatives = new List<string>();
            repeatProduct = 1;
            while (true)
            {
                alternatives.Add(ParseConcatenation(out var product));
                repeatProduct = Math.Max(repeatProduct, product);
                if (Peek() == '|')
                {
                    _i++;
                    continue;
                }
                if (Peek() == ')')
                {
                    if (topLevel) throw new Re2SyntaxException("unexpected ): " + pattern);
                    return string.Join("|", alternatives);
                }
                if (!topLevel) throw new Re2SyntaxException("missing ): " + pattern);
                return string.Join("|", alternatives);
            }
        }

        private string ParseConcatenation(out int repeatProduct)
        {
            var sb = new StringBuilder();
            repeatProduct = 1;
            string? last = null; // the last atom, still open to repetition operators
            var lastProduct = 1;
            while (!AtEnd && Peek() is not ('|' or ')'))
            {
                var c = Peek();
                if (c is '*' or '+' or '?')
                {
                    _i++;
                    if (last is null) throw new Re2SyntaxException("no argument for repetition operator: " + (char)c);
                    last = "(?:" + last + ")" + (char)c;
                    continue;
                }
                if (c == '{' && TryParseRepetition(out var lo, out var hi, out var text))
                {
                    if ((hi != -1 && hi < lo) || lo > MaxRepeat || hi > MaxRepeat)
                        throw new Re2SyntaxException("invalid repetition size: " + text);
                    if (last is null) throw new Re2SyntaxException("no argument for repetition operator: " + text);
                    var m = hi < 0 ? lo : hi;
                    if (m > 0) lastProduct *= m;
                    if ((lo >= 2 || hi >= 2) && lastProduct > MaxRepeat)
                        throw new Re2SyntaxException("invalid repetition size: " + text);
                    last = "(?:" + last + ")" + (hi == lo ? $"{{{lo}}}" : hi < 0 ? $"{{{lo},}}" : $"{{{lo},{hi}}}");
                    continue;
                }
                if (last is not null)
                {
                    sb.Append(last);
                    repeatProduct = Math.Max(repeatProduct, lastProduct);
                }
                lastProduct = 1;
                last = ParseAtom(ref lastProduct);
            }
            if (last is not null)
            {
                sb.Append(last);
                repeatProduct = Math.Max(repeatProduct, lastProduct);
            }
            return sb.ToString();
        }

        private string ParseAtom(ref int repeatProduct)
        {
            var c = Peek();
            switch (c)
            {
                case '(':
                    _i++;
                    var inner = ParseAlternation(topLevel: false, out var innerProduct);
                    _i++; // ')'
                    repeatProduct = innerProduct;
                    return "(?:" + inner + ")";
                case '^':
                    _i++;
                    return "(?m:^)";
                case '$':
                    _i++;
                    return "(?m:$)";
                case '.':
                    _i++;
                    return RuneSet.Complement([(10, 10)]).ToRegex();
                case '[':
                    return ParseClass().ToRegex();
                case '\\':
                    return Literal(ParseEscape());
                case '{':
                    _i++; // not a valid repetition: a literal brace
                    return Literal('{');
                default:
                    _i++;
                    return Literal(c);
            }
        }

        private bool TryParseRepetition(out int lo, out int hi, out string text)
        {
            lo = hi = 0;
            text = "";
            var j = _i + 1;
            if (!TryParseInteger(ref j, out lo)) return false;
            if (j >= _runes.Length) return false;
            if (_runes[j] == ',')
            {
                j++;
                if (j >= _runes.Length) return false;
                if (_runes[j] == '}') hi = -1;
                else if (!TryParseInteger(ref j, out hi)) return false;
            }
            else
            {
                hi = lo;
            }
            if (j >= _runes.Length || _runes[j] != '}') return false;
            j++;
            text = RunesToString(_i, j);
            _i = j;
            return true;
        }

        private bool TryParseInteger(ref int j, out int value)
        {
            value = 0;
            var start = j;
            // RE2 rejects leading zeros ("01") and caps the value.
            if (j < _runes.Length && _runes[j] == '0' && j + 1 < _runes.Length && _runes[j + 1] is >= '0' and <= '9') return false;
            while (j < _runes.Length && _runes[j] is >= '0' and <= '9')
            {
                if (value >= 100_000_000) return false; // too big to be a repetition: a literal brace
                value = value * 10 + (_runes[j] - '0');
                j++;
            }
            return j > start;
        }

        private int ParseEscape()
        {
            var begin = _i;
            if (_i + 1 >= _runes.Length) throw new Re2SyntaxException("trailing \\");
            _i++;
            var c = _runes[_i++];
            switch (c)
            {
                case >= '1' and <= '7':
                    // A lone digit would be a backreference, which RE2 does not support.
                    if (Peek() is < '0' or > '7') throw BadEscape(begin);
                    goto case '0';
                case '0':
                {
                    var code = c - '0';
                    if (Peek() is >= '0' and <= '7')
                    {
                        code = code * 8 + (_runes[_i++] - '0');
                        if (Peek() is >= '0' and <= '7') code = code * 8 + (_runes[_i++] - '0');
                    }
                    return code;
                }
                case 'x':
                {
                    if (AtEnd) throw BadEscape(begin);
                    var d = _runes[_i++];
                    if (d == '{')
                    {
                        // RE2 reads the next character without checking for the end first.
                        if (AtEnd) throw new Re2SyntaxException("invalid UTF-8");
                        d = _runes[_i++];
                        var digits = 0;
                        var code = 0;
                        while (HexValue(d) >= 0)
                        {
                            digits++;
                            code = code * 16 + HexValue(d);
                            if (code > MaxRune || AtEnd) throw BadEscape(begin);
                            d = _runes[_i++];
                        }
                        if (d != '}' || digits == 0) throw BadEscape(begin);
                        return code;
                    }
                    if (AtEnd) throw BadEscape(begin);
                    var d1 = _runes[_i++];
                    if (HexValue(d) < 0 || HexValue(d1) < 0) throw BadEscape(begin);
                    return HexValue(d) * 16 + HexValue(d1);
                }
                case 'n': return '\n';
                case 'r': return '\r';
                case 't': return '\t';
                case 'a': return '\a';
                case 'f': return '\f';
                case 'v': return '\v';
                default:
                    // Escaped punctuation is itself; escaped letters and digits are errors.
                    if (c < 0x80 && !char.IsAsciiLetterOrDigit((char)c)) return c;
                    throw BadEscape(begin);
            }
        }

        private Re2SyntaxException BadEscape(int begin) => new("invalid escape sequence: " + RunesToString(begin, _i));

        private RuneSet ParseClass()
        {
            var wholeStart = _i;
            _i++; // '['
            var negated = false;
            if (Peek() == '^')
            {
                _i++;
                negated = true;
            }
            var set = new RuneSet();
            var first = true;
            while (!AtEnd && (Peek() != ']' || first))
            {
                // '-' is only allowed first or last in a POSIX class.
                if (Peek() == '-' && !first && (_i + 1 >= _runes.Length || _runes[_i + 1] != ']'))
                {
                    // RE2 reads the character after the '-' for its message: at the end of the
                    // pattern that read fails first.
                    if (_i + 1 >= _runes.Length) throw new Re2SyntaxException("invalid UTF-8");
                    throw new Re2SyntaxException("invalid character class range: " + RunesToString(_i, _i + 2));
                }
                first = false;
                if (Peek() == '[' && Peek(1) == ':' && _i + 2 < _runes.Length && TryParseClassName(set)) continue;
                var rangeStart = _i;
                var lo = ParseClassCharacter(wholeStart);
                var hi = lo;
                if (_i + 1 < _runes.Length && Peek() == '-' && Peek(1) != ']')
                {
                    _i++;
                    hi = ParseClassCharacter(wholeStart);
                    if (hi < lo) throw new Re2SyntaxException("invalid character class range: " + RunesToString(rangeStart, _i));
                }
                set.Add(lo, hi);
            }
            if (AtEnd) throw new Re2SyntaxException("missing ]: " + RunesToString(wholeStart, _runes.Length));
            _i++; // ']'
            return negated ? RuneSet.Complement(set.Ranges) : set;
        }

        private int ParseClassCharacter(int wholeStart)
        {
            if (AtEnd) throw new Re2SyntaxException("missing ]: " + RunesToString(wholeStart, _runes.Length));
            if (Peek() == '\\') return ParseEscape();
            return _runes[_i++];
        }

        private bool TryParseClassName(RuneSet set)
        {
            var close = -1;
            for (var q = _i + 2; q + 1 < _runes.Length; q++)
            {
                if (_runes[q] == ':' && _runes[q + 1] == ']')
                {
                    close = q;
                    break;
                }
            }
            if (close < 0) return false;
            var name = RunesToString(_i, close + 2);
            var ranges = PosixClassRanges(name) ?? throw new Re2SyntaxException("invalid character class range: " + name);
            foreach (var (lo, hi) in ranges) set.Add(lo, hi);
            _i = close + 2;
            return true;
        }

        private static (int, int)[]? PosixClassRanges(string name)
        {
            var negate = name.StartsWith("[:^", StringComparison.Ordinal);
            var key = negate ? "[:" + name[3..] : name;
            (int, int)[]? ranges = key switch
            {
                "[:alnum:]" => [('0', '9'), ('A', 'Z'), ('a', 'z')],
                "[:alpha:]" => [('A', 'Z'), ('a', 'z')],
                "[:ascii:]" => [(0, 0x7f)],
                "[:blank:]" => [('\t', '\t'), (' ', ' ')],
                "[:cntrl:]" => [(0, 0x1f), (0x7f, 0x7f)],
                "[:digit:]" => [('0', '9')],
                "[:graph:]" => [('!', '~')],
                "[:lower:]" => [('a', 'z')],
                "[:print:]" => [(' ', '~')],
                "[:punct:]" => [('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
                "[:space:]" => [('\t', '\r'), (' ', ' ')],
                "[:upper:]" => [('A', 'Z')],
                "[:word:]" => [('0', '9'), ('A', 'Z'), ('a', 'z'), ('_', '_')],
                "[:xdigit:]" => [('0', '9'), ('A', 'F'), ('a', 'f')],
                _ => null,
            };
            if (ranges is null || !negate) return ranges;
            return RuneSet.Complement(ranges).Ranges.ToArray();
        }

        private static string Literal(int rune) => RuneSet.Single(rune).ToRegex();

        private string RunesToString(int start, int end)
        {
            var sb = new StringBuilder();
            for (var k = start; k < end; k++) sb.Append(char.ConvertFromUtf32(_runes[k]));
            return sb.ToString();
        }

        private static int HexValue(int c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };

        private static int[] ToRunes(string s)
        {
            var runes = new List<int>(s.Length);
            foreach (var rune in s.EnumerateRunes()) runes.Add(rune.Value);
            return runes.ToArray();
        }
    }

    /// <summary>A set of Unicode scalar values kept as sorted, merged ranges.</summary>
    private sealed class RuneSet
    {
        private readonly List<(int Lo, int Hi)> _ranges = [];

        public IReadOnlyList<(int Lo, int Hi)> Ranges => Normalize();

        public static RuneSet Single(int rune)
        {
            var set = new RuneSet();
            set.Add(rune, rune);
            return set;
        }

        public void Add(int lo, int hi) => _ranges.Add((lo, hi));

        /// <summary>Everything but the given ranges (surrogate code points excluded: they are not runes).</summary>
        public static RuneSet Complement(IEnumerable<(int Lo, int Hi)> ranges)
        {
            var source = new RuneSet();
            foreach (var (lo, hi) in ranges) source.Add(lo, hi);
            source.Add(0xD800, 0xDFFF);
            var result = new RuneSet();
            var next = 0;
            foreach (var (lo, hi) in source.Normalize())
            {
                if (lo > next) result.Add(next, lo - 1);
                next = Math.Max(next, hi + 1);
            }
            if (next <= MaxRune) result.Add(next, MaxRune);
            return result;
        }

        private List<(int Lo, int Hi)> Normalize()
        {
            _ranges.Sort();
            var merged = new List<(int Lo, int Hi)>();
            foreach (var (lo, hi) in _ranges)
            {
                if (merged.Count > 0 && lo <= merged[^1].Hi + 1)
                    merged[^1] = (merged[^1].Lo, Math.Max(merged[^1].Hi, hi));
                else
                    merged.Add((lo, hi));
            }
            _ranges.Clear();
            _ranges.AddRange(merged);
            return merged;
        }

        /// <summary>
        /// A .NET pattern matching exactly one rune of the set: a character class for the BMP part
        /// and surrogate-pair alternatives for the rest, since .NET classes work on UTF-16 units.
        /// </summary>
        public string ToRegex()
        {
            var ranges = Normalize();
            var bmp = new StringBuilder();
            var astral = new List<string>();
            foreach (var (lo, hi) in ranges)
            {
                var bmpHi = Math.Min(hi, 0xFFFF);
                if (lo <= bmpHi)
                {
                    bmp.Append(Escape(lo));
                    if (bmpHi > lo) bmp.Append('-').Append(Escape(bmpHi));
                }
                if (hi > 0xFFFF) AddAstral(Math.Max(lo, 0x10000), hi, astral);
            }
            var parts = new List<string>();
            if (bmp.Length > 0) parts.Add("[" + bmp + "]");
            parts.AddRange(astral);
            if (parts.Count == 0) return "[^\\s\\S]"; // the empty set matches nothing
            return parts.Count == 1 ? parts[0] : "(?:" + string.Join("|", parts) + ")";
        }

        private static void AddAstral(int lo, int hi, List<string> output)
        {
            var (loHigh, loLow) = Split(lo);
            var (hiHigh, hiLow) = Split(hi);
            if (loHigh == hiHigh)
            {
                output.Add(Escape(loHigh) + "[" + Escape(loLow) + "-" + Escape(hiLow) + "]");
                return;
            }
            output.Add(Escape(loHigh) + "[" + Escape(loLow) + "-\\uDFFF]");
            if (hiHigh - loHigh > 1)
                output.Add("[" + Escape(loHigh + 1) + "-" + Escape(hiHigh - 1) + "][\\uDC00-\\uDFFF]");
            output.Add(Escape(hiHigh) + "[\\uDC00-" + Escape(hiLow) + "]");
        }

        private static (int High, int Low) Split(int rune)
        {
            var v = rune - 0x10000;
            return (0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
        }

        private static string Escape(int unit) => "\\u" + unit.ToString("X4", CultureInfo.InvariantCulture);
    }
}
