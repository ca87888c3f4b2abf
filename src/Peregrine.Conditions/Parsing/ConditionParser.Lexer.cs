using System.Text;
using Peregrine.Conditions.Text;

namespace Peregrine.Conditions.Parsing;

/// <summary>
/// Lexing at the cursor. Every successful lex records its text in <see cref="_lastToken"/>
/// (blanks excepted) because error messages quote the last token read.
/// </summary>
public sealed partial class ConditionParser
{
    private readonly record struct Snapshot(int Idx, int Line, int Col, string LastToken);

    private Snapshot Save() => new(_idx, _line, _col, _lastToken);

    private void Restore(Snapshot s)
    {
        _idx = s.Idx;
        _line = s.Line;
        _col = s.Col;
        _lastToken = s.LastToken;
    }

    /// <summary>The byte at <paramref name="ahead"/> from the cursor; 0 past the end (a C string's end).</summary>
    private byte Peek(int ahead = 0) => _idx + ahead < _in.Length ? _in[_idx + ahead] : (byte)0;

    private void Advance(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var c = _in[_idx];
            _col++;
            if (c is (byte)'\r' or (byte)'\n')
            {
                _col = 1;
                _line++;
            }
            _idx++;
        }
    }

    private void Accept(int length)
    {
        _lastToken = Encoding.UTF8.GetString(_in, _idx, length);
        Advance(length);
    }

    /// <summary>The blanks of the grammar; note they include backspace but not vertical tab or form feed.</summary>
    private static bool IsBlank(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\b' or (byte)'\r' or (byte)'\n';

    /// <summary>POSIX <c>[[:space:]]</c>, used by the token patterns (unlike <see cref="IsBlank"/>).</summary>
    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';

    private static bool IsLetter(byte c) => c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';
    private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';
    private static bool IsHexDigit(byte c) => IsDigit(c) || c is >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';
    private static bool IsIdentifierTail(byte c) => IsLetter(c) || IsDigit(c) || c == (byte)'_';

    private bool LexBlank()
    {
        var found = false;
        while (IsBlank(Peek()))
        {
            found = true;
            Advance(1);
        }
        return found;
    }

    private bool LexLiteral(string literal)
    {
        for (var i = 0; i < literal.Length; i++)
        {
            if (Peek(i) != literal[i]) return false;
        }
        _lastToken = literal;
        Advance(literal.Length);
        return true;
    }

    /// <summary>
    /// The first operator of <paramref name="candidates"/> found at the cursor. Word operators
    /// must be followed by a blank, which is consumed with them; symbols need not be.
    /// </summary>
    private bool LexOperator(string[] candidates)
    {
        foreach (var op in candidates)
        {
            if (!char.IsAsciiLetter(op[0]) || op is "in" or "intersects" or "pmatch" or "exists")
            {
                if (LexLiteral(op)) return true;
                continue;
            }
            var saved = Save();
            if (LexLiteral(op))
            {
                if (LexBlank()) return true;
                Restore(saved);
            }
        }
        return false;
    }

    private bool LexNotFollowedBySpace()
    {
        if (Peek() != 'n' || Peek(1) != 'o' || Peek(2) != 't' || !IsSpace(Peek(3))) return false;
        var length = 3;
        while (IsSpace(Peek(length))) length++;
        Accept(length);
        return true;
    }

    private int IdentifierLength(int from)
    {
        if (!IsLetter(Peek(from))) return 0;
        var length = 1;
        while (IsIdentifierTail(Peek(from + length))) length++;
        return length;
    }

    private bool LexIdentifier()
    {
        var length = IdentifierLength(0);
        if (length == 0) return false;
        Accept(length);
        return true;
    }

    private bool LexFieldName()
    {
        var length = IdentifierLength(0);
        if (length == 0) return false;
        var segments = 0;
        while (Peek(length) == '.')
        {
            var segment = IdentifierLength(length + 1);
            if (segment == 0) break;
            length += 1 + segment;
            segments++;
        }
        if (segments == 0) return false;
        Accept(length);
        return true;
    }

    private bool LexTransformerName()
    {
        foreach (var name in Operators.Transformers)
        {
            if (LexLiteral(name + "(")) return true;
        }
        return false;
    }

    /// <summary>The name of the transformer just read, without its parenthesis.</summary>
    private string TransformerName() => _lastToken[..^1];

    private bool LexFieldArgumentBareString()
    {
        var length = 0;
        while (_idx + length < _in.Length && Peek(length) is var c
               && c is not ((byte)']' or (byte)'[' or (byte)'"' or (byte)'\'') && !IsSpace(c))
        {
            length++;
        }
        if (length == 0) return false;
        Accept(length);
        return true;
    }

    private bool LexBareString()
    {
        var length = 0;
        while (_idx + length < _in.Length && Peek(length) is var c
               && c is not ((byte)'(' or (byte)')' or (byte)'"' or (byte)'\'' or (byte)'=' or (byte)',') && !IsSpace(c))
        {
            length++;
        }
        if (length == 0) return false;
        Accept(length);
        return true;
    }

    private bool LexHexNumber()
    {
        if (Peek() != '0' || Peek(1) is not ((byte)'x' or (byte)'X') || !IsHexDigit(Peek(2))) return false;
        var length = 3;
        while (IsHexDigit(Peek(length))) length++;
        Accept(length);
        return true;
    }

    private bool LexNumber()
    {
        var length = Peek() is (byte)'+' or (byte)'-' ? 1 : 0;
        if (!IsDigit(Peek(length))) return false;
        while (IsDigit(Peek(length))) length++;
        if (Peek(length) == '.') length++;
        while (IsDigit(Peek(length))) length++;
        if (Peek(length) is (byte)'e' or (byte)'E' && Peek(length + 1) is (byte)'+' or (byte)'-' && IsDigit(Peek(length + 2)))
        {
            length += 2;
            while (IsDigit(Peek(length))) length++;
        }
        Accept(length);
        return true;
    }

    /// <summary>
    /// A string in single or double quotes. It ends at the first delimiter not directly preceded
    /// by a backslash (so <c>"a\\"</c> does not end there, as upstream), then it is unescaped.
    /// </summary>
    private bool LexQuotedString()
    {
        var delimiter = Peek();
        if (delimiter is not ((byte)'"' or (byte)'\'')) return false;
        var prev = (byte)'\\';
        var length = 0;
        while (Peek(length) != 0)
        {
            var c = Peek(length);
            if (c == delimiter && prev != '\\')
            {
                var raw = _in.AsSpan(_idx, length + 1);
                Advance(length + 1);
                try
                {
                    _lastToken = Encoding.UTF8.GetString(ConditionEscaping.Unescape(raw));
                }
                catch (FormatException e)
                {
                    throw Error(e.Message);
                }
                return true;
            }
            prev = c;
            length++;
        }
        // Upstream leaves the unterminated text as the last token.
        _lastToken = Encoding.UTF8.GetString(_in, _idx, length);
        return false;
    }

    private bool ListValueFollows()
    {
        if (Peek() == '(') return true;
        return IdentifierLength(0) > 0;
    }

    /// <summary>True when <c>and</c>, <c>or</c> or <c>not</c> starts at the cursor as a whole word.</summary>
    private bool BooleanKeywordFollows()
    {
        foreach (var keyword in (ReadOnlySpan<string>)["and", "or", "not"])
        {
            var matches = true;
            for (var i = 0; i < keyword.Length && matches; i++) matches = Peek(i) == keyword[i];
            if (matches && !(IsLetter(Peek(keyword.Length)) || IsDigit(Peek(keyword.Length)))) return true;
        }
        return false;
    }
}
